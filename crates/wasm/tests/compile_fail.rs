//! Every boundary rule of the crate is a compile error with an actionable message (see tests/compile-fail).

#[test]
fn boundary_rules() {
    trybuild::TestCases::new().compile_fail("tests/compile-fail/*.rs");
}
