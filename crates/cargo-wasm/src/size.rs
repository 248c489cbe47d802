//! `cargo wasm size`: how the bytes of a module divide into sections, and its largest functions.

use std::collections::HashMap;
use std::path::PathBuf;

use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

use crate::build;
use crate::cli;
use crate::failure::{Failure, Res};
use crate::help;
use crate::plan::Plan;
use crate::show;

/// How many functions are listed unless `-n` says otherwise.
const DEFAULT_TOP: usize = 20;

pub(crate) fn command(args: &[String]) -> Res<()> {
    let mut top = DEFAULT_TOP;
    let mut file: Option<PathBuf> = None;
    let parsed = cli::parse(args, |arg, next| match arg {
        "-n" | "--top" => {
            let value = next.ok_or_else(|| Failure::usage(format!("`{arg}` needs a number")))?;
            top = value
                .parse()
                .map_err(|_| Failure::usage(format!("`{arg} {value}`: not a number")))?;
            Ok(2)
        }
        _ if arg.ends_with(".wasm") && !arg.starts_with('-') => {
            file = Some(PathBuf::from(arg));
            Ok(1)
        }
        _ => Ok(0),
    })?;
    if parsed.help {
        print!("{}", help::SIZE);
        return Ok(());
    }
    let wasm = match file {
        Some(file) => file,
        None => {
            let plan = Plan::new(&parsed)?;
            let modules = build::build(&plan, &parsed.cargo_args, &Default::default())?;
            build::select(&plan, &parsed.cargo_args, &modules, false)?
                .wasm
                .clone()
        }
    };
    let bytes = std::fs::read(&wasm)
        .map_err(|e| Failure::setup(format!("cannot read {}: {e}", wasm.display())))?;
    let (module, label) = match main_core_module(&bytes) {
        // A component: its own core module, beside the shims wasm-component-ld adds.
        Some(range) => (
            &bytes[range.clone()],
            format!(
                "{} (the core module of this {}-byte component)",
                show::path(&wasm),
                show::thousands(bytes.len() as u64)
            ),
        ),
        None => (&bytes[..], show::path(&wasm)),
    };
    let report = analyze(module).map_err(|e| {
        Failure::setup(format!(
            "{} is not a valid wasm module: {e}",
            wasm.display()
        ))
    })?;
    print!("{}", report.render(&label, top));
    Ok(())
}

/// The byte range of a component's largest core module (the program's own), or `None` for a
/// core module.
fn main_core_module(bytes: &[u8]) -> Option<std::ops::Range<usize>> {
    if !Parser::is_component(bytes) {
        return None;
    }
    Parser::new(0)
        .parse_all(bytes)
        .filter_map(|payload| match payload {
            Ok(Payload::ModuleSection {
                unchecked_range, ..
            }) => Some(unchecked_range.start as usize..unchecked_range.end as usize),
            _ => None,
        })
        .max_by_key(|range| range.len())
}

pub(crate) struct Report {
    total: u64,
    /// (section, bytes including its id and size header), largest first.
    sections: Vec<(String, u64)>,
    /// (body bytes, demangled name), largest first.
    functions: Vec<(u64, String)>,
}

pub(crate) fn analyze(bytes: &[u8]) -> Result<Report, String> {
    let mut sections = Vec::new();
    let mut bodies = Vec::new();
    let mut imported_functions = 0u32;
    let mut names: HashMap<u32, String> = HashMap::new();
    // Sections follow one another after the 8-byte header: each one's size, header included,
    // is the distance from the previous section's end to its own end.
    let mut previous_end = 8u64;
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(|e| e.to_string())?;
        match &payload {
            Payload::ImportSection(reader) => {
                for import in reader.clone().into_imports() {
                    let import = import.map_err(|e| e.to_string())?;
                    if matches!(import.ty, TypeRef::Func(_) | TypeRef::FuncExact(_)) {
                        imported_functions += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                bodies.push(body.range().end - body.range().start);
            }
            Payload::CustomSection(reader) => {
                if let KnownCustom::Name(names_reader) = reader.as_known() {
                    for name in names_reader.into_iter().flatten() {
                        if let Name::Function(map) = name {
                            for naming in map.into_iter().flatten() {
                                names.insert(naming.index, naming.name.to_owned());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        if let Some((id, range)) = payload.as_section() {
            let label = match &payload {
                Payload::CustomSection(reader) => format!("custom {:?}", reader.name()),
                _ => section_name(id).to_owned(),
            };
            sections.push((label, range.end - previous_end));
            previous_end = range.end;
        }
    }
    sections.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut functions: Vec<(u64, String)> = bodies
        .into_iter()
        .zip(imported_functions..)
        .map(|(size, index)| {
            let name = names
                .get(&index)
                .map_or_else(|| format!("func[{index}]"), |name| demangle(name));
            (size, name)
        })
        .collect();
    functions.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    Ok(Report {
        total: bytes.len() as u64,
        sections,
        functions,
    })
}

fn section_name(id: u8) -> &'static str {
    match id {
        1 => "type",
        2 => "import",
        3 => "function",
        4 => "table",
        5 => "memory",
        6 => "global",
        7 => "export",
        8 => "start",
        9 => "element",
        10 => "code",
        11 => "data",
        12 => "datacount",
        13 => "tag",
        _ => "unknown",
    }
}

/// Rust symbols without their hash; other names unchanged.
fn demangle(name: &str) -> String {
    format!("{:#}", rustc_demangle::demangle(name))
}

fn percent(part: u64, total: u64) -> String {
    if total == 0 {
        return "-".to_owned();
    }
    // Display only.
    #[allow(clippy::cast_precision_loss)]
    let share = part as f64 * 100.0 / total as f64;
    format!("{share:.1}%")
}

impl Report {
    pub(crate) fn render(&self, path: &str, top: usize) -> String {
        use std::fmt::Write;
        let mut out = format!("{path}: {}\n\n", show::size(self.total));
        let width = self
            .sections
            .iter()
            .map(|(name, _)| name.len())
            .max()
            .unwrap_or(7)
            .max(7);
        let _ = writeln!(out, "{:<width$} {:>13} {:>7}", "section", "bytes", "share");
        for (name, size) in &self.sections {
            let _ = writeln!(
                out,
                "{name:<width$} {:>13} {:>7}",
                show::thousands(*size),
                percent(*size, self.total)
            );
        }
        let code: u64 = self.functions.iter().map(|(size, _)| size).sum();
        let shown = top.min(self.functions.len());
        let _ = writeln!(
            out,
            "\n{shown} largest of {} functions ({} bytes of code):",
            self.functions.len(),
            show::thousands(code)
        );
        let _ = writeln!(out, "{:>13} {:>7}  function", "bytes", "share");
        for (size, name) in self.functions.iter().take(shown) {
            let _ = writeln!(
                out,
                "{:>13} {:>7}  {name}",
                show::thousands(*size),
                percent(*size, code)
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    /// A module with one imported and two defined functions, a data segment and names.
    fn module() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        // type: one () -> ()
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        // import: "a" "b" func type 0
        m.extend_from_slice(&[2, 7, 1, 1, b'a', 1, b'b', 0, 0]);
        // function: two of type 0
        m.extend_from_slice(&[3, 3, 2, 0, 0]);
        // memory: min 1
        m.extend_from_slice(&[5, 3, 1, 0, 1]);
        // code: bodies of 2 bytes (no locals, end) and 4 bytes (no locals, nop, nop, end)
        m.extend_from_slice(&[10, 9, 2, 2, 0, 0x0b, 4, 0, 0x01, 0x01, 0x0b]);
        // data: active at 0, 3 bytes
        m.extend_from_slice(&[11, 9, 1, 0, 0x41, 0, 0x0b, 3, 1, 2, 3]);
        // custom "name": function names 1 -> "small", 2 -> mangled big
        let big = b"_ZN3app3big17h0123456789abcdefE";
        let mut map = vec![2, 1, 5];
        map.extend_from_slice(b"small");
        map.push(2);
        map.push(big.len() as u8);
        map.extend_from_slice(big);
        let mut sub = vec![1, map.len() as u8];
        sub.extend_from_slice(&map);
        let mut custom = vec![4];
        custom.extend_from_slice(b"name");
        custom.extend_from_slice(&sub);
        m.push(0);
        m.push(custom.len() as u8);
        m.extend_from_slice(&custom);
        m
    }

    #[test]
    fn sizes_add_up_and_names_are_demangled() {
        let bytes = module();
        let report = super::analyze(&bytes).ok().unwrap();
        let sum: u64 = report.sections.iter().map(|(_, size)| size).sum();
        assert_eq!(sum + 8, bytes.len() as u64);
        assert_eq!(
            report.functions,
            [(4, "app::big".to_owned()), (2, "small".to_owned())]
        );
        let code = report.sections.iter().find(|(name, _)| name == "code");
        assert_eq!(code.map(|(_, size)| *size), Some(11));
        assert!(
            report
                .sections
                .iter()
                .any(|(name, _)| name == "custom \"name\"")
        );
        let text = report.render("m.wasm", 1);
        assert!(text.starts_with("m.wasm: "));
        assert!(text.contains("1 largest of 2 functions (6 bytes of code):"));
        assert!(text.contains("app::big"));
        assert!(!text.contains("small"));
    }
}
