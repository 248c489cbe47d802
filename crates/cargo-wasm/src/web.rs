//! `--target web`: the ES module NAME.js written next to each module, which loads it in a browser.

use std::path::{Path, PathBuf};

use wasmparser::{
    AbstractHeapType, FuncType, HeapType, Parser, Payload, SubType, TypeRef, ValType,
};

use crate::failure::{Failure, Res};

/// The import module of HOST-ABI.md; its `print` and handle-table imports are the loader's own.
pub(crate) const HOST_MODULE: &str = "wasm_host";
const PRINT: &str = "print";
const HANDLE_IMPORTS: [&str; 2] = ["externref_clone", "externref_drop"];
/// The custom section in which `#[wasm::host_imports]` records the handle positions of each
/// import (HOST-ABI.md section 6).
const HANDLES_SECTION: &str = "wasm_host.handles";

/// How the module passes `ExternRef`s to its host functions (HOST-ABI.md sections 1 and 5).
#[derive(Debug, PartialEq)]
enum RefForm {
    /// Accelerated: the import types say `externref`, JS values pass as they are.
    Externref,
    /// i32 handles into a table the host keeps; only `options.handles` says which positions.
    Handles,
    /// No host functions and no handle table: there is nothing to bridge.
    Unused,
}

/// What the loader needs to know about a module: read from its imports and exports.
#[derive(Debug)]
struct Interface {
    /// The `wasm_host` functions the page must provide, with their wasm signatures.
    host_functions: Vec<(String, String)>,
    /// Import modules other than `wasm_host`, taken from `options.imports`.
    other_modules: Vec<String>,
    form: RefForm,
    /// A program (bin, example) exports `main`; a cdylib does not.
    has_main: bool,
    /// From the `wasm_host.handles` section: import name -> its handle positions.
    handle_positions: std::collections::BTreeMap<String, HandlePositions>,
}

/// The wasm parameter positions of an import that are handles, and whether its result is one.
type HandlePositions = (Vec<u32>, bool);

/// Writes NAME.js next to `wasm` (which cargo named after the target `name`); its path.
pub(crate) fn write_loader(wasm: &Path, name: &str) -> Res<PathBuf> {
    let bytes = std::fs::read(wasm)
        .map_err(|e| Failure::setup(format!("cannot read {}: {e}", wasm.display())))?;
    let interface = read_interface(&bytes).map_err(|e| {
        Failure::setup(format!(
            "{} is not a valid wasm module: {e}",
            wasm.display()
        ))
    })?;
    let wasm_file = wasm
        .file_name()
        .map(|file| file.to_string_lossy().into_owned())
        .unwrap_or_default();
    let js = wasm.with_file_name(format!("{name}.js"));
    std::fs::write(&js, render(&interface, &wasm_file))
        .map_err(|e| Failure::setup(format!("cannot write {}: {e}", js.display())))?;
    Ok(js)
}

fn read_interface(bytes: &[u8]) -> Result<Interface, String> {
    let mut types: Vec<SubType> = Vec::new();
    let mut interface = Interface {
        host_functions: Vec::new(),
        other_modules: Vec::new(),
        form: RefForm::Unused,
        has_main: false,
        handle_positions: Default::default(),
    };
    let mut imports_handle_table = false;
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(|e| e.to_string())? {
            Payload::TypeSection(reader) => {
                for group in reader {
                    types.extend(group.map_err(|e| e.to_string())?.into_types());
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.map_err(|e| e.to_string())?;
                    if import.module != HOST_MODULE {
                        if !interface.other_modules.iter().any(|m| m == import.module) {
                            interface.other_modules.push(import.module.to_owned());
                        }
                        continue;
                    }
                    if HANDLE_IMPORTS.contains(&import.name) {
                        imports_handle_table = true;
                        continue;
                    }
                    if import.name == PRINT {
                        continue;
                    }
                    let (TypeRef::Func(index) | TypeRef::FuncExact(index)) = import.ty else {
                        continue;
                    };
                    let func = types
                        .get(index as usize)
                        .map(SubType::unwrap_func)
                        .ok_or_else(|| {
                            format!("import {HOST_MODULE}.{} has no type", import.name)
                        })?;
                    if func.params().iter().chain(func.results()).any(is_externref) {
                        interface.form = RefForm::Externref;
                    }
                    interface
                        .host_functions
                        .push((import.name.to_owned(), signature(func)));
                }
            }
            Payload::CustomSection(reader) if reader.name() == HANDLES_SECTION => {
                let text = std::str::from_utf8(reader.data())
                    .map_err(|_| format!("the {HANDLES_SECTION} section is not UTF-8"))?;
                for line in text.lines() {
                    let (name, positions) = handles_record(line)
                        .ok_or_else(|| format!("bad {HANDLES_SECTION} record `{line}`"))?;
                    if let Some(name) = name {
                        interface.handle_positions.insert(name, positions);
                    }
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    interface.has_main |= export.map_err(|e| e.to_string())?.name == "main";
                }
            }
            _ => {}
        }
    }
    if interface.form != RefForm::Externref
        && (imports_handle_table || !interface.host_functions.is_empty())
    {
        interface.form = RefForm::Handles;
    }
    Ok(interface)
}

/// `MODULE NAME params=I,..|- result=handle|-`: the import's name when MODULE is `wasm_host`.
fn handles_record(line: &str) -> Option<(Option<String>, HandlePositions)> {
    let mut words = line.split(' ');
    let (module, name) = (words.next()?, words.next()?);
    let params = match words.next()?.strip_prefix("params=")? {
        "-" => Vec::new(),
        list => list
            .split(',')
            .map(|n| n.parse().ok())
            .collect::<Option<_>>()?,
    };
    let result = words.next()?.strip_prefix("result=")? == "handle";
    let name = (module == HOST_MODULE).then(|| name.to_owned());
    Some((name, (params, result)))
}

fn is_externref(ty: &ValType) -> bool {
    matches!(ty, ValType::Ref(r) if matches!(
        r.heap_type(),
        HeapType::Abstract { ty: AbstractHeapType::Extern, .. }
    ))
}

/// `(i32, externref) -> i32`, for the loader's comment.
fn signature(func: &FuncType) -> String {
    let list = |types: &[ValType]| {
        types
            .iter()
            .map(|ty| {
                if is_externref(ty) {
                    "externref".to_owned()
                } else {
                    ty.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match func.results() {
        [] => format!("({})", list(func.params())),
        results => format!("({}) -> {}", list(func.params()), list(results)),
    }
}

fn render(interface: &Interface, wasm_file: &str) -> String {
    let handles = interface.form == RefForm::Handles;
    let mut js = format!(
        "// Loads {wasm_file} in a browser. Written by `cargo wasm build --target web` from the\n\
         // module's imports and exports; every build writes it again.\n//\n"
    );
    if interface.host_functions.is_empty() {
        js.push_str("// The module imports no host functions of its own from `wasm_host`.\n");
    } else {
        js.push_str("// The host functions it imports from `wasm_host` (pass them to `load`):\n");
        for (name, signature) in &interface.host_functions {
            js.push_str(&format!("//   {name}{signature}\n"));
        }
    }
    js.push_str(match interface.form {
        RefForm::Handles => {
            "// ExternRefs are i32 handles (HOST-ABI.md section 1) into a table `load` keeps; host functions\n\
             // take and return JS values at the handle positions the module records (its\n\
             // `wasm_host.handles` section, written by `#[wasm::host_imports]`). For imports declared\n\
             // otherwise, name them in `options.handles`, e.g. { touch: { params: [0] }, make: { result: true } }\n\
             // (wasm parameter indices: a &str counts two).\n"
        }
        RefForm::Externref => {
            "// ExternRefs are `externref`s: host functions take and return JS values directly.\n"
        }
        RefForm::Unused => "",
    });
    if !interface.other_modules.is_empty() {
        js.push_str(&format!(
            "// Other import modules, from `options.imports`: {}.\n",
            interface.other_modules.join(", ")
        ));
    }
    js.push_str(&format!(
        "
// host: the host functions by name, or `(guest) => functions`, where guest.text(ptr, len),
//   guest.bytes(ptr, len) and guest.write(ptr, len, text) reach the module's memory.
// options.url: the module (default: {wasm_file} next to this file); options.print: gets the
//   text of each `wasm::host::print` (default: console.log); options.imports: other modules.
// Returns the module's exports{}.
export async function load(host = {{}}, options = {{}}) {{
  let memory = null;
  const bytes = (ptr, len) => new Uint8Array(memory.buffer, ptr, len);
  const guest = {{
    bytes,
    text: (ptr, len) => new TextDecoder().decode(bytes(ptr, len)),
    // As much of `text` as fits in (ptr, len); the full length in bytes, as `&mut [u8]` hosts do.
    write: (ptr, len, text) => {{
      const encoded = new TextEncoder().encode(text);
      bytes(ptr, len).set(encoded.subarray(0, len));
      return encoded.length;
    }},
  }};
  const functions = typeof host === 'function' ? host(guest) : host;
  const print = options.print ?? ((text) => console.log(text.replace(/\\n$/, '')));
",
        if interface.has_main {
            ", after running its `main`"
        } else {
            ""
        }
    ));
    if handles {
        js.push_str(
            "  const table = handleTable();
  const wasm_host = {
    print: (ptr, len) => print(guest.text(ptr, len)),
    externref_clone: (handle) => table.insert(table.get(handle)),
    externref_drop: (handle) => table.remove(handle),
",
        );
    } else {
        js.push_str(
            "  const wasm_host = {
    print: (ptr, len) => print(guest.text(ptr, len)),
",
        );
    }
    for (name, _) in &interface.host_functions {
        let quoted = string_literal(name);
        let function = format!("required(functions, {quoted})");
        let function = if handles {
            let declared = match interface.handle_positions.get(name) {
                Some((params, result)) => format!(
                    "{{ params: [{}], result: {result} }}",
                    params
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                None if is_identifier(name) => format!("options.handles?.{name}"),
                None => format!("options.handles?.[{quoted}]"),
            };
            format!("bridged(table, {declared}, {function})")
        } else {
            function
        };
        js.push_str(&format!("    {}: {function},\n", key(name)));
    }
    js.push_str(&format!(
        "  }};
  const url = options.url ?? new URL('{wasm_file}', import.meta.url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${{url}}: HTTP ${{response.status}}`);
  const imports = {{ ...options.imports, wasm_host }};
  const {{ instance }} = await WebAssembly.instantiate(await response.arrayBuffer(), imports);
  memory = instance.exports.memory;
"
    ));
    if interface.has_main {
        js.push_str("  instance.exports.main(0, 0);\n");
    }
    js.push_str(&format!(
        "  return instance.exports;
}}

function required(functions, name) {{
  if (typeof functions[name] !== 'function') {{
    throw new Error(`{wasm_file} imports wasm_host.${{name}}: pass a function \"${{name}}\" to load()`);
  }}
  return functions[name];
}}
"
    ));
    if handles {
        js.push_str(HANDLE_TABLE_JS);
    }
    js
}

/// Import names are Rust identifiers unless `#[link_name]` says otherwise.
fn is_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `name` as a JS string literal, in the loader's single quotes when nothing needs escaping.
fn string_literal(name: &str) -> String {
    if is_identifier(name) {
        format!("'{name}'")
    } else {
        serde_json::to_string(name).unwrap_or_default()
    }
}

/// `name` as an object key: bare when it is an identifier.
fn key(name: &str) -> String {
    if is_identifier(name) {
        name.to_owned()
    } else {
        string_literal(name)
    }
}

/// The handle table of HOST-ABI.md section 1, and the wrapper that maps declared positions.
const HANDLE_TABLE_JS: &str = "
// Handle 0 is null and never allocated; freed handles are reused.
function handleTable() {
  const objects = [null];
  const free = [];
  const get = (handle) => {
    if (handle === 0) return null;
    if (objects[handle] === undefined) throw new Error(`invalid ExternRef handle ${handle}`);
    return objects[handle];
  };
  return {
    get,
    insert: (object) => {
      if (object === null || object === undefined) return 0;
      const handle = free.length > 0 ? free.pop() : objects.length;
      objects[handle] = object;
      return handle;
    },
    remove: (handle) => {
      get(handle);
      objects[handle] = undefined;
      free.push(handle);
    },
  };
}

// Parameters the guest lends are looked up; a result is a new handle the guest will drop.
function bridged(table, declared, f) {
  const { params = [], result = false } = declared ?? {};
  if (params.length === 0 && !result) return f;
  return (...args) => {
    for (const index of params) args[index] = table.get(args[index]);
    const value = f(...args);
    return result ? table.insert(value) : value;
  };
}
";

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn interface(form: RefForm) -> Interface {
        Interface {
            host_functions: vec![("touch".to_owned(), "(externref) -> i32".to_owned())],
            other_modules: Vec::new(),
            form,
            has_main: true,
            handle_positions: [("touch".to_owned(), (vec![0], false))].into(),
        }
    }

    /// A module importing `wasm_host.NAME: (param P) (result i32)` for each name (the type
    /// does not matter for `print` and `externref_drop`) that exports the first as `main`.
    pub(crate) fn module_importing(names: &[&str], param: u8) -> Vec<u8> {
        let mut imports = vec![names.len() as u8];
        for name in names {
            imports.push(9);
            imports.extend(b"wasm_host");
            imports.push(name.len() as u8);
            imports.extend(name.as_bytes());
            imports.extend([0, 0]);
        }
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        module.extend([1, 6, 1, 0x60, 1, param, 1, 0x7f]);
        module.extend([2, imports.len() as u8]);
        module.extend(imports);
        module.extend([7, 8, 1, 4]);
        module.extend(b"main");
        module.extend([0, 0]);
        module
    }

    #[test]
    fn reads_the_form_from_the_import_types() {
        let touch = ["touch", "print", "externref_drop"];
        let accelerated = read_interface(&module_importing(&touch, 0x6f)).unwrap();
        assert_eq!(accelerated.form, RefForm::Externref);
        assert_eq!(
            accelerated.host_functions,
            [("touch".to_owned(), "(externref) -> i32".to_owned())]
        );
        assert!(accelerated.has_main);
        let handles = read_interface(&module_importing(&touch, 0x7f)).unwrap();
        assert_eq!(handles.form, RefForm::Handles);
        assert_eq!(handles.host_functions[0].1, "(i32) -> i32");
        let print_only = read_interface(&module_importing(&["print"], 0x7f)).unwrap();
        assert_eq!(print_only.form, RefForm::Unused);
        assert!(print_only.host_functions.is_empty());
    }

    #[test]
    fn externref_form_passes_functions_through() {
        let js = render(&interface(RefForm::Externref), "app.wasm");
        assert!(js.contains("    touch: required(functions, 'touch'),\n"));
        assert!(js.contains("new URL('app.wasm', import.meta.url)"));
        assert!(js.contains("instance.exports.main(0, 0);"));
        assert!(!js.contains("handleTable"));
    }

    #[test]
    fn reads_handle_records() {
        assert_eq!(
            handles_record("wasm_host describe params=0,3 result=-"),
            Some((Some("describe".to_owned()), (vec![0, 3], false)))
        );
        assert_eq!(
            handles_record("wasm_host make params=- result=handle"),
            Some((Some("make".to_owned()), (vec![], true)))
        );
        assert_eq!(handles_record("other f params=0 result=-").unwrap().0, None);
        assert_eq!(handles_record("wasm_host f params=x result=-"), None);
    }

    #[test]
    fn handle_form_keeps_a_table() {
        let js = render(&interface(RefForm::Handles), "app.opt.wasm");
        assert!(js.contains("externref_drop: (handle) => table.remove(handle),"));
        assert!(js.contains(
            "touch: bridged(table, { params: [0], result: false }, required(functions, 'touch')),"
        ));
        assert!(js.contains("function handleTable()"));
    }
}
