//! Built three times by `cargo wasm run --dev` with incremental compilation (cargo's dev
//! profile): `--cfg rpass1`, then `rpass2` (one function edited), then `rpass3` (no edit, but a
//! rebuilt backend). `-Zquery-dep-graph -Zprint-mono-items` make rustc print how it got each
//! codegen unit (`CGU_REUSE NAME No|PreLto|PostLto`); with `-Zhuman-readable-cgu-names` each
//! module is a unit whose name ends in `-MODULE`.

mod stable {
    pub fn describe(x: u32) -> String {
        let digits: Vec<String> = x.to_string().chars().rev().map(String::from).collect();
        format!("value {x} (reversed digits {})", digits.join(""))
    }
}

mod edited {
    #[cfg(rpass1)]
    pub fn value() -> u32 {
        40
    }

    #[cfg(not(rpass1))]
    pub fn value() -> u32 {
        41
    }
}

fn main() {
    println!("{}", stable::describe(edited::value() + 2));
}
