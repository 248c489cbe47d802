//! `#[wasm::gc]` structs through `Gc<T>`: allocation, accessors by value, sharing, identity, freeing.

use wasm::host::emulated::{live_handles, new_object};
use wasm::{ExternRef, Gc, GcArray};

#[wasm::gc]
struct Node {
    value: i64,
    next: Option<Gc<Node>>,
}

#[wasm::gc]
struct Scalars {
    small: i8,
    unsigned: u16,
    word: u32,
    wide: u64,
    size: usize,
    offset: isize,
    ratio: f32,
    precise: f64,
    flag: bool,
    letter: char,
}

#[wasm::gc]
struct Holder {
    target: Gc<Node>,
    host: ExternRef,
    items: GcArray<i32>,
}

#[wasm::gc]
struct Marker;

#[wasm::gc]
struct Keywords {
    r#type: u8,
}

#[wasm::gc]
struct Pair<T> {
    first: T,
    second: T,
}

fn node(value: i64) -> Gc<Node> {
    Gc::new(Node { value, next: None })
}

#[test]
fn accessors_read_and_write_every_scalar_type() {
    let s = Gc::new(Scalars {
        small: -8,
        unsigned: 16,
        word: 32,
        wide: u64::MAX,
        size: 7,
        offset: -7,
        ratio: 0.5,
        precise: 1e300,
        flag: true,
        letter: 'λ',
    });
    assert_eq!(
        (
            s.small(),
            s.unsigned(),
            s.word(),
            s.wide(),
            s.size(),
            s.offset()
        ),
        (-8, 16, 32, u64::MAX, 7, -7)
    );
    assert_eq!(
        (s.ratio(), s.precise(), s.flag(), s.letter()),
        (0.5, 1e300, true, 'λ')
    );
    s.set_small(i8::MIN);
    s.set_wide(0);
    s.set_precise(-0.0);
    s.set_flag(false);
    s.set_letter('z');
    assert_eq!(
        (s.small(), s.wide(), s.flag(), s.letter()),
        (i8::MIN, 0, false, 'z')
    );
    assert!(s.precise().is_sign_negative());
    assert_eq!(
        (s.unsigned(), s.word()),
        (16, 32),
        "other fields are untouched"
    );
}

#[test]
fn getters_return_values_not_views() {
    let a = node(1);
    let before = a.value();
    a.set_value(2);
    assert_eq!(before, 1, "a value read earlier does not change");
    assert_eq!(a.value(), 2);
}

#[test]
fn clones_share_one_object() {
    let a = node(1);
    let b = a.clone();
    b.set_value(5);
    assert_eq!(a.value(), 5);
    assert!(Gc::ptr_eq(&a, &b));
}

#[test]
fn identity_is_not_equality_of_contents() {
    assert!(!Gc::ptr_eq(&node(1), &node(1)));
}

#[test]
fn reference_fields_return_handles_to_the_same_object() {
    let tail = node(2);
    let head = Gc::new(Node {
        value: 1,
        next: Some(tail.clone()),
    });
    let through_head = head.next().expect("next is set");
    assert!(Gc::ptr_eq(&through_head, &tail));
    through_head.set_value(20);
    assert_eq!(tail.value(), 20);
    head.set_next(None);
    assert!(head.next().is_none());
    assert_eq!(tail.value(), 20, "the old target lives on through `tail`");
}

#[test]
fn objects_are_freed_with_their_last_handle() {
    let before = live_handles();
    let holder = Gc::new(Holder {
        target: node(0),
        host: new_object("resource"),
        items: GcArray::new(2, 0),
    });
    assert_eq!(live_handles(), before + 1);
    let second = holder.clone();
    drop(holder);
    assert_eq!(
        live_handles(),
        before + 1,
        "one handle still refers to the object"
    );
    drop(second);
    assert_eq!(
        live_handles(),
        before,
        "freeing the object dropped its ExternRef field"
    );
}

#[test]
fn setters_drop_the_old_value() {
    let before = live_handles();
    let holder = Gc::new(Holder {
        target: node(0),
        host: new_object(1u8),
        items: GcArray::new(0, 0),
    });
    holder.set_host(new_object(2u8));
    assert_eq!(live_handles(), before + 1);
    holder.set_host(ExternRef::null());
    assert_eq!(live_handles(), before);
}

#[test]
fn long_lists_are_freed_without_deep_recursion() {
    // Far deeper than the test thread's stack could take if freeing recursed once per node.
    let mut head = node(0);
    for value in 1..1_000_000 {
        head = Gc::new(Node {
            value,
            next: Some(head),
        });
    }
    let mut length = 0;
    let mut cursor = Some(head.clone());
    while let Some(current) = cursor {
        length += 1;
        cursor = current.next();
    }
    assert_eq!(length, 1_000_000);
    drop(head);
}

#[test]
fn cycles_stay_alive_in_the_fallback() {
    #[wasm::gc]
    struct Ring {
        host: ExternRef,
        next: Option<Gc<Ring>>,
    }

    let before = live_handles();
    let a = Gc::new(Ring {
        host: new_object('a'),
        next: None,
    });
    let b = Gc::new(Ring {
        host: new_object('b'),
        next: Some(a.clone()),
    });
    a.set_next(Some(b.clone()));
    drop((a, b));
    // Documented fallback behaviour: reference counting does not collect cycles.
    assert_eq!(live_handles(), before + 2);
}

#[test]
fn field_less_structs_have_identity() {
    let a = Gc::new(Marker);
    assert!(Gc::ptr_eq(&a, &a.clone()));
    assert!(!Gc::ptr_eq(&a, &Gc::new(Marker)));
}

#[test]
fn raw_identifiers_get_plain_setters() {
    let k = Gc::new(Keywords { r#type: 1 });
    k.set_type(2);
    assert_eq!(k.r#type(), 2);
}

#[test]
fn type_parameters_are_laid_out_per_instance() {
    let numbers = Gc::new(Pair {
        first: 1u8,
        second: 2u8,
    });
    numbers.set_second(3);
    assert_eq!((numbers.first(), numbers.second()), (1, 3));

    let nodes = Gc::new(Pair {
        first: node(1),
        second: node(2),
    });
    nodes.set_first(nodes.second());
    assert!(Gc::ptr_eq(&nodes.first(), &nodes.second()));
}

mod privacy {
    use wasm::Gc;

    #[wasm::gc]
    pub struct Account {
        pub owner: u32,
        balance: i64,
    }

    pub fn open(owner: u32) -> Gc<Account> {
        let account = Gc::new(Account { owner, balance: 0 });
        account.set_balance(100);
        account
    }

    pub fn balance(account: &Gc<Account>) -> i64 {
        account.balance()
    }
}

#[test]
fn accessors_have_the_visibility_of_their_field() {
    let account = privacy::open(7);
    assert_eq!(account.owner(), 7);
    assert_eq!(privacy::balance(&account), 100);
}

#[test]
fn debug_names_the_type_only() {
    assert_eq!(format!("{:?}", Gc::new(Marker)), "Gc<gc_struct::Marker>");
}
