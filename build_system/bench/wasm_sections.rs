//! Where the bytes of a wasm module are: its code section and its DWARF custom sections.

use crate::wasm_module;

/// Byte counts of a module's parts (section payloads).
pub struct Sections {
    pub code: u64,
    /// `.debug_*` custom sections.
    pub dwarf: u64,
}

/// `None` when `bytes` is not a wasm module.
pub fn sizes(bytes: &[u8]) -> Option<Sections> {
    let mut sizes = Sections { code: 0, dwarf: 0 };
    for section in wasm_module::sections(bytes)? {
        let size = section.payload.len() as u64;
        match section.id {
            10 => sizes.code += size,
            0 if wasm_module::custom(section.payload)?
                .0
                .starts_with(".debug_") =>
            {
                sizes.dwarf += size
            }
            _ => {}
        }
    }
    Some(sizes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_and_dwarf() {
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        module.extend([10, 3, 1, 2, 3]); // code section, 3 bytes
        module.extend([0, 9, 7]); // custom section named ".debug_x", 1 byte of payload
        module.extend(b".debug_x");
        module.extend([0, 4, 3]);
        module.extend(b"foo"); // custom "foo"
        let sizes = sizes(&module).unwrap();
        assert_eq!((sizes.code, sizes.dwarf), (3, 9));
    }
}
