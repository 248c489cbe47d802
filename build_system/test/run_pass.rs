//! The llvm_sysroot and own_sysroot groups: std programs built by the backend under test (against
//! the LLVM-built std, or against the std built by our backend) and by LLVM, all run and held to the
//! same expected stdout and exit code.

use std::path::{Path, PathBuf};

use super::exec::{Compiler, Tools, ending, stderr_excerpt};
use super::header::Header;
use super::outcome::{Outcome, first_difference};
use super::pool::Case;
use crate::Res;
use crate::fsutil;
use crate::wasm_module;

/// wasm-run's exit status for a trap (`abort`, a panic with panic=abort).
const TRAP_EXIT: i32 = 134;
/// Flags both compilers get before a test's own `// compile-flags:`.
const DEFAULT_FLAGS: &[&str] = &["-Copt-level=0"];

/// A program and where its expectations and outputs are.
pub struct Program {
    pub name: String,
    /// Relative to the repository root.
    pub source: PathBuf,
    /// `NAME.stdout` beside the source: required.
    expected_stdout: PathBuf,
    /// `NAME.exit` beside the source: the exit code when it is not 0.
    expected_exit: PathBuf,
    pub out_dir: PathBuf,
}

/// What a program must do when run, from the files beside it.
pub struct Expected {
    pub header: Header,
    stdout: String,
    exit: i32,
}

/// One way to build a program: the compiler, flags after the header's, and the name of its
/// `.wasm` and `.stdout` in the program's output directory.
pub struct Build<'a> {
    pub compiler: &'a Compiler,
    pub flags: &'a [String],
    pub tag: &'a str,
}

/// example/std_example.rs and tests/run-pass/*.rs, each with its output directory under `out`.
pub fn programs(repo: &Path, out: &Path, group: &str) -> Res<Vec<Program>> {
    let mut sources = vec![PathBuf::from("example/std_example.rs")];
    let run_pass = repo.join("tests/run-pass");
    if run_pass.is_dir() {
        sources.extend(
            fsutil::files_in(&run_pass)?
                .into_iter()
                .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
                .filter_map(|path| path.strip_prefix(repo).ok().map(Path::to_path_buf)),
        );
    }
    Ok(sources
        .into_iter()
        .map(|source| {
            let stem = source
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            Program {
                name: format!("{group}/{stem}"),
                expected_stdout: source.with_extension("stdout"),
                expected_exit: source.with_extension("exit"),
                out_dir: out.join(&stem),
                source,
            }
        })
        .collect())
}

/// Which std the backend under test links against; the LLVM reference compiles only with the
/// LLVM std (in own_sysroot it would repeat llvm_sysroot's work).
#[derive(Clone, Copy, PartialEq)]
pub enum Std {
    Llvm,
    Ours,
}

pub fn cases(repo: &Path, out: &Path, tools: &Tools, group: &str, std: Std) -> Res<Vec<Case>> {
    Ok(programs(repo, out, group)?
        .into_iter()
        .map(|program| {
            let tools = tools.clone();
            let compilers = match std {
                Std::Llvm => vec![
                    tools.under_test.with_llvm_sysroot(),
                    tools.reference.clone(),
                ],
                Std::Ours => vec![tools.under_test.clone()],
            };
            Case {
                name: program.name.clone(),
                run: Box::new(move || check(&tools, &compilers, &program)),
            }
        })
        .collect())
}

fn check(tools: &Tools, compilers: &[Compiler], program: &Program) -> Outcome {
    match expectations(tools, program) {
        Err(message) => Outcome::Failed(message),
        Ok(expected) => {
            if let Err(message) = fsutil::fresh_dir(&program.out_dir) {
                return Outcome::Failed(message);
            }
            let problems: Vec<String> = compilers
                .iter()
                .filter_map(|compiler| {
                    let build = Build {
                        compiler,
                        flags: &[],
                        tag: compiler.label,
                    };
                    compile_and_run(tools, &build, program, &expected).err()
                })
                .collect();
            if problems.is_empty() {
                Outcome::Passed
            } else {
                Outcome::Failed(problems.join("\n"))
            }
        }
    }
}

impl Expected {
    /// The same expectations for the program built as a component: WASI 0.2's `exit` carries
    /// success or failure, no number, so a failing exit status is 1 (a trap stays a trap).
    pub fn for_component(mut self) -> Expected {
        if self.exit != 0 && self.exit != TRAP_EXIT {
            self.exit = 1;
        }
        self
    }
}

pub fn expectations(tools: &Tools, program: &Program) -> Res<Expected> {
    let source = fsutil::read_to_string(&tools.repo.join(&program.source))?;
    let stdout = fsutil::read_to_string(&tools.repo.join(&program.expected_stdout))
        .map_err(|e| format!("missing expectation: {e}"))?;
    let exit_file = tools.repo.join(&program.expected_exit);
    let exit = if exit_file.is_file() {
        let text = fsutil::read_to_string(&exit_file)?;
        text.trim().parse().map_err(|_| {
            format!(
                "{}: not an exit code: {text:?}",
                program.expected_exit.display()
            )
        })?
    } else {
        0
    };
    Ok(Expected {
        header: Header::parse(&source),
        stdout,
        exit,
    })
}

/// Builds the program one way, checks the module against the header and runs it: the exit code
/// and stdout must be the expected ones. Returns the module's path.
pub fn compile_and_run(
    tools: &Tools,
    build: &Build,
    program: &Program,
    expected: &Expected,
) -> Result<PathBuf, String> {
    let label = build.tag;
    let header = &expected.header;
    let (expected_stdout, expected_exit) = (&expected.stdout, expected.exit);
    let wasm = program.out_dir.join(format!("{label}.wasm"));
    let mut flags = header.rustc_flags(DEFAULT_FLAGS);
    flags.extend(build.flags.iter().cloned());
    flags.extend(["-o".to_owned(), wasm.display().to_string()]);
    let compiled = tools.compile(build.compiler, &program.source, &flags);
    if compiled.code != Some(0) || compiled.timed_out {
        return Err(format!(
            "[{label}] compile failed ({}):\n{}",
            ending(&compiled, "compile"),
            stderr_excerpt(&compiled)
        ));
    }
    check_custom_sections(&wasm, header).map_err(|why| format!("[{label}] {why}"))?;
    check_module_size(&wasm, header).map_err(|why| format!("[{label}] {why}"))?;
    let ran = tools.run(&wasm, &header.run_args);
    let stdout = String::from_utf8_lossy(&ran.stdout);
    // Kept for inspection next to the .wasm.
    let _ = fsutil::write(
        &program.out_dir.join(format!("{label}.stdout")),
        stdout.as_bytes(),
    );
    let mut problems = Vec::new();
    if ran.timed_out || ran.code != Some(expected_exit) {
        problems.push(format!(
            "[{label}] expected exit {expected_exit}, got {}",
            ending(&ran, "run")
        ));
    }
    if stdout != *expected_stdout {
        problems.push(format!(
            "[{label}] stdout differs from {}: {}",
            program.expected_stdout.display(),
            first_difference(expected_stdout, &stdout)
        ));
    }
    if problems.is_empty() {
        return Ok(wasm);
    }
    problems.push(format!(
        "[{label}] program stderr:\n{}",
        stderr_excerpt(&ran)
    ));
    Err(problems.join("\n"))
}

/// The custom sections the header expects, each compared with the concatenation of the module's
/// sections of that name.
fn check_custom_sections(wasm: &Path, header: &Header) -> Result<(), String> {
    if header.custom_sections.is_empty() {
        return Ok(());
    }
    let bytes = std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let module = wasm_module::main_core_module(&bytes).ok_or("the component has no core module")?;
    let sections = wasm_module::sections(module).ok_or("the module is not well-formed")?;
    for (name, expected) in &header.custom_sections {
        let found: Vec<u8> = sections
            .iter()
            .filter(|section| section.id == 0)
            .filter_map(|section| wasm_module::custom(section.payload))
            .filter(|(section_name, _)| section_name == name)
            .flat_map(|(_, data)| data.iter().copied())
            .collect();
        if found != expected.as_bytes() {
            return Err(format!(
                "custom section `{name}`: expected {expected:?}, found {:?}",
                String::from_utf8_lossy(&found)
            ));
        }
    }
    Ok(())
}

/// The bound of `// max-module-bytes:`, when the header sets one.
fn check_module_size(wasm: &Path, header: &Header) -> Result<(), String> {
    let Some(max) = header.max_module_bytes else {
        return Ok(());
    };
    let bytes = std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    // Of a component, its own core module: the adapter wasm-component-ld adds is not the program's.
    let module = wasm_module::main_core_module(&bytes).ok_or("the component has no core module")?;
    let size = module.len();
    if size as u64 > max {
        return Err(format!(
            "the module has {size} bytes, more than the {max} of `max-module-bytes`"
        ));
    }
    Ok(())
}
