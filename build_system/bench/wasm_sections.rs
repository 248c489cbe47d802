//! Where the bytes of a wasm module are: its code section and its DWARF custom sections.

/// Byte counts of a module's parts (section payloads).
pub struct Sections {
    pub code: u64,
    /// `.debug_*` custom sections.
    pub dwarf: u64,
}

/// `None` when `bytes` is not a wasm module.
pub fn sizes(bytes: &[u8]) -> Option<Sections> {
    let mut rest = bytes.strip_prefix(b"\0asm")?.get(4..)?;
    let mut sections = Sections { code: 0, dwarf: 0 };
    while let Some((&id, after_id)) = rest.split_first() {
        let (size, payload) = leb128(after_id)?;
        let size = usize::try_from(size).ok()?;
        let body = payload.get(..size)?;
        match id {
            10 => sections.code += size as u64,
            0 => {
                let (name_len, name) = leb128(body)?;
                if name
                    .get(..usize::try_from(name_len).ok()?)?
                    .starts_with(b".debug_")
                {
                    sections.dwarf += size as u64;
                }
            }
            _ => {}
        }
        rest = &payload[size..];
    }
    Some(sections)
}

/// An unsigned LEB128 number and the bytes after it.
fn leb128(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let mut value = 0u64;
    for (i, &byte) in bytes.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((value, &bytes[i + 1..]));
        }
    }
    None
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
