//! Just enough of the wasm binary format for the build system's checks: the sections of a
//! module, custom section names, function names and the kinds of types it defines.

/// One section: its id and payload.
pub struct Section<'a> {
    pub id: u8,
    pub payload: &'a [u8],
}

/// The sections of a module, or `None` when `bytes` is not a well-formed module.
pub fn sections(bytes: &[u8]) -> Option<Vec<Section<'_>>> {
    let mut rest = bytes.strip_prefix(b"\0asm")?.get(4..)?;
    let mut sections = Vec::new();
    while let Some((&id, after_id)) = rest.split_first() {
        let (size, payload) = leb128(after_id)?;
        let size = usize::try_from(size).ok()?;
        sections.push(Section {
            id,
            payload: payload.get(..size)?,
        });
        rest = &payload[size..];
    }
    Some(sections)
}

/// The program's own core module inside a component (wasm32-wasip2): the largest of its core
/// module sections (id 1), beside the WASI adapter and shims that wasm-component-ld adds; a
/// core module is its own.
pub fn main_core_module(bytes: &[u8]) -> Option<&[u8]> {
    if !bytes.starts_with(b"\0asm\x0d\0\x01\0") {
        return Some(bytes);
    }
    sections(bytes)?
        .into_iter()
        .filter(|section| section.id == 1)
        .map(|section| section.payload)
        .max_by_key(|payload| payload.len())
}

/// The payload of the first section with id `id` (1 types, 2 imports, ...), empty when absent.
pub fn payload<'a>(sections: &[Section<'a>], id: u8) -> &'a [u8] {
    sections
        .iter()
        .find(|section| section.id == id)
        .map_or(&[][..], |section| section.payload)
}

/// The name and the data of a custom section's payload.
pub fn custom(payload: &[u8]) -> Option<(&str, &[u8])> {
    let (len, rest) = leb128(payload)?;
    let len = usize::try_from(len).ok()?;
    let name = std::str::from_utf8(rest.get(..len)?).ok()?;
    Some((name, &rest[len..]))
}

/// The function names of the `name` section (subsection 1).
pub fn function_names(bytes: &[u8]) -> Vec<String> {
    let mut names = Vec::new();
    for section in sections(bytes).unwrap_or_default() {
        let Some(("name", mut data)) = (if section.id == 0 {
            custom(section.payload)
        } else {
            None
        }) else {
            continue;
        };
        while let Some((&kind, rest)) = data.split_first() {
            let Some((size, rest)) = leb128(rest) else {
                break;
            };
            let size = size as usize;
            let Some(body) = rest.get(..size) else { break };
            if kind == 1 {
                read_name_map(body, &mut names);
            }
            data = &rest[size..];
        }
    }
    names
}

fn read_name_map(body: &[u8], names: &mut Vec<String>) -> Option<()> {
    let (count, mut rest) = leb128(body)?;
    for _ in 0..count {
        let (_index, after) = leb128(rest)?;
        let (len, after) = leb128(after)?;
        let len = len as usize;
        names.push(String::from_utf8_lossy(after.get(..len)?).into_owned());
        rest = &after[len..];
    }
    Some(())
}

/// How many struct and array types the type section defines (rec groups included).
pub fn gc_type_counts(bytes: &[u8]) -> Option<(usize, usize)> {
    let (count, mut rest) = leb128(payload(&sections(bytes)?, 1))?;
    let (mut structs, mut arrays) = (0, 0);
    for _ in 0..count {
        let mut members = 1;
        if rest.first() == Some(&0x4e) {
            let (n, after) = leb128(&rest[1..])?;
            members = n;
            rest = after;
        }
        for _ in 0..members {
            let (&form, mut after) = rest.split_first()?;
            let mut form = form;
            if form == 0x50 || form == 0x4f {
                let (supertypes, mut more) = leb128(after)?;
                for _ in 0..supertypes {
                    more = leb128(more)?.1;
                }
                let (&inner, more) = more.split_first()?;
                form = inner;
                after = more;
            }
            rest = match form {
                0x60 => {
                    let after = skip_val_types(after)?;
                    skip_val_types(after)?
                }
                0x5f => {
                    structs += 1;
                    let (fields, mut more) = leb128(after)?;
                    for _ in 0..fields {
                        more = skip_storage_type(more)?.get(1..)?;
                    }
                    more
                }
                0x5e => {
                    arrays += 1;
                    skip_storage_type(after)?.get(1..)?
                }
                _ => return None,
            };
        }
    }
    Some((structs, arrays))
}

fn skip_val_types(bytes: &[u8]) -> Option<&[u8]> {
    let (count, mut rest) = leb128(bytes)?;
    for _ in 0..count {
        rest = skip_val_type(rest)?;
    }
    Some(rest)
}

fn skip_storage_type(bytes: &[u8]) -> Option<&[u8]> {
    match bytes.first()? {
        0x78 | 0x77 => Some(&bytes[1..]),
        _ => skip_val_type(bytes),
    }
}

fn skip_val_type(bytes: &[u8]) -> Option<&[u8]> {
    let (&byte, rest) = bytes.split_first()?;
    match byte {
        // (ref null? heaptype): the heap type is an s33, read like an unsigned LEB here.
        0x63 | 0x64 => Some(leb128(rest)?.1),
        _ => Some(rest),
    }
}

/// An unsigned LEB128 number and the bytes after it.
pub fn leb128(bytes: &[u8]) -> Option<(u64, &[u8])> {
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
    fn counts_gc_types_in_a_rec_group() {
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        // Two entries: a func type () -> i32, then a rec group of a struct {i8 mut, (ref null 1)}
        // and an array of i32.
        let types = [
            2, 0x60, 0, 1, 0x7f, 0x4e, 2, 0x5f, 2, 0x78, 1, 0x63, 1, 1, 0x5e, 0x7f, 1,
        ];
        module.extend([1, types.len() as u8]);
        module.extend(types);
        assert_eq!(gc_type_counts(&module), Some((1, 1)));
    }

    #[test]
    fn reads_function_names() {
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        let mut payload = vec![4];
        payload.extend(b"name");
        payload.extend([1, 8, 2, 0, 1, b'a', 1, 2, b'b', b'c']);
        module.extend([0, payload.len() as u8]);
        module.extend(payload);
        assert_eq!(function_names(&module), ["a", "bc"]);
    }
}
