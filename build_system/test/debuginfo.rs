//! The debuginfo group: the DWARF our backend writes, checked by llvm-dwarfdump --verify at every
//! `-Cdebuginfo` level (and the programs still behave), its line tables held to LLVM's for the
//! same programs (the source lines with rows, and the line of every call site per function),
//! scripted gdb sessions, and trap backtraces in wasm-run naming the user's `file:line`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::exec::{Compiler, Tools, ending, stderr_excerpt};
use super::outcome::Outcome;
use super::pool::Case;
use super::run_pass::{self, Build, Program};
use crate::Res;
use crate::fsutil;
use crate::process;

/// The levels every run-pass program is built at.
const LEVELS: &[&str] = &["line-tables-only", "1", "2"];

/// The share of LLVM's line-table lines (of the program's own source) that ours must have.
const MIN_LINE_COVERAGE: f64 = 0.95;
/// The share of the (function, line) pairs that addr2line gives LLVM's call sites in the
/// program's own source that ours must give too.
const MIN_CALL_SITE_COVERAGE: f64 = 0.95;

/// The verifier and the tools that read the line tables as a debugger does; Debian's `llvm`
/// package (`./y.sh prepare`) installs them.
const DWARFDUMP: &str = "llvm-dwarfdump";
const OBJDUMP: &str = "llvm-objdump";
const ADDR2LINE: &str = "llvm-addr2line";
/// The debugger of the scripted session; Debian's `gdb` (`./y.sh prepare`).
const GDB: &str = "gdb";

const TOOL_LIMIT: Duration = Duration::from_secs(120);

pub fn cases(repo: &Path, out: &Path, tools: &Tools, group: &str) -> Res<Vec<Case>> {
    let mut cases: Vec<Case> = run_pass::programs(repo, out, group)?
        .into_iter()
        .map(|program| {
            let tools = tools.clone();
            Case {
                name: program.name.clone(),
                run: Box::new(move || outcome(check_program(&tools, &program))),
            }
        })
        .collect();
    for (stem, source) in fsutil::rust_files_in(&repo.join("tests/debuginfo"))? {
        let tools = tools.clone();
        let out_dir = out.join(&stem);
        let check: fn(&Tools, &Path, &Path) -> Result<(), String> = if stem.starts_with("gdb_") {
            check_gdb
        } else {
            check_backtrace
        };
        cases.push(Case {
            name: format!("{group}/{stem}"),
            run: Box::new(move || outcome(check(&tools, &source, &out_dir))),
        });
    }
    Ok(cases)
}

fn outcome(result: Result<(), String>) -> Outcome {
    match result {
        Ok(()) => Outcome::Passed,
        Err(message) => Outcome::Failed(message),
    }
}

/// One run-pass program at each level: it verifies, has rows for its own source, and runs as
/// without debug info; at line-tables-only its lines and call sites are held to LLVM's.
fn check_program(tools: &Tools, program: &Program) -> Result<(), String> {
    let expected = run_pass::expectations(tools, program)?;
    fsutil::fresh_dir(&program.out_dir)?;
    let file = file_name(&program.source);
    let mut ours_lines = BTreeSet::new();
    let mut ours_calls = BTreeMap::new();
    for level in LEVELS {
        let flags = [format!("-Cdebuginfo={level}")];
        let tag = format!("wasmgc-g{level}");
        let build = Build {
            compiler: &tools.under_test,
            flags: &flags,
            tag: &tag,
        };
        let wasm = run_pass::compile_and_run(tools, &build, program, &expected)?;
        verify(&wasm).map_err(|why| format!("[{tag}] {why}"))?;
        let lines = line_table_lines(&wasm, &file)?;
        if lines.is_empty() {
            return Err(format!("[{tag}] the line table has no row for {file}"));
        }
        if *level == LEVELS[0] {
            ours_lines = lines;
            ours_calls = call_site_lines(&wasm, &file)?;
        }
    }
    let flags = [format!("-Cdebuginfo={}", LEVELS[0])];
    let build = Build {
        compiler: &tools.reference,
        flags: &flags,
        tag: "llvm-g",
    };
    let llvm = run_pass::compile_and_run(tools, &build, program, &expected)?;
    let llvm_lines = line_table_lines(&llvm, &file)?;
    let missing: Vec<u64> = llvm_lines.difference(&ours_lines).copied().collect();
    let covered = llvm_lines.len() - missing.len();
    if (covered as f64) < MIN_LINE_COVERAGE * llvm_lines.len() as f64 {
        return Err(format!(
            "the line table covers {covered} of the {} lines of {file} that LLVM's does (at least {}% \
             required); missing: {missing:?}",
            llvm_lines.len(),
            MIN_LINE_COVERAGE * 100.0
        ));
    }
    let llvm_calls = call_site_lines(&llvm, &file)?;
    let (mut total, mut lost, mut missing) = (0, 0, Vec::new());
    for (function, lines) in &llvm_calls {
        let ours = ours_calls.get(function);
        let gone: Vec<u64> = lines
            .iter()
            .filter(|line| ours.is_none_or(|ours| !ours.contains(line)))
            .copied()
            .collect();
        total += lines.len();
        lost += gone.len();
        if !gone.is_empty() {
            missing.push(format!("{function}: {gone:?}"));
        }
    }
    if ((total - lost) as f64) < MIN_CALL_SITE_COVERAGE * total as f64 {
        return Err(format!(
            "addr2line gives our call sites {} of the {total} (function, line) pairs of {file} that \
             it gives LLVM's (at least {}% required); missing:\n{}",
            total - lost,
            MIN_CALL_SITE_COVERAGE * 100.0,
            missing.join("\n")
        ));
    }
    Ok(())
}

/// For each function of the module, the lines of `file` at which llvm-addr2line places its
/// call instructions (found in llvm-objdump's disassembly: `ADDRESS <symbol>:` starts a
/// function, `ADDRESS: BYTES call ...` is a call).
fn call_site_lines(wasm: &Path, file: &str) -> Result<BTreeMap<String, BTreeSet<u64>>, String> {
    let listing = llvm_tool(OBJDUMP, &["-d".to_owned()], wasm)?;
    let mut calls: Vec<(String, String)> = Vec::new();
    let mut function = String::new();
    for text in listing.lines() {
        if let Some(name) = text
            .strip_suffix(">:")
            .and_then(|head| head.split_once(" <"))
        {
            function = name.1.to_owned();
        } else if let Some((address, rest)) = text.trim_start().split_once(':')
            && rest
                .split('\t')
                .nth(1)
                .is_some_and(|mnemonic| mnemonic.starts_with("call"))
        {
            calls.push((function.clone(), format!("0x{address}")));
        }
    }
    let mut lines: BTreeMap<String, BTreeSet<u64>> = BTreeMap::new();
    for chunk in calls.chunks(4096) {
        let mut args = vec!["-e".to_owned(), wasm.display().to_string()];
        args.extend(chunk.iter().map(|(_, address)| address.clone()));
        let places = llvm_tool(ADDR2LINE, &args, Path::new(""))?;
        // One `FILE:LINE` line per address, in order.
        for ((function, _), place) in chunk.iter().zip(places.lines()) {
            let Some((path, line)) = place.rsplit_once(':') else {
                continue;
            };
            if Path::new(path).file_name().is_some_and(|name| name == file)
                && let Ok(line) = line.parse::<u64>()
                && line > 0
            {
                lines.entry(function.clone()).or_default().insert(line);
            }
        }
    }
    Ok(lines)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn dwarfdump(args: &[&str], wasm: &Path) -> Result<String, String> {
    let args: Vec<String> = args.iter().map(|arg| (*arg).to_owned()).collect();
    llvm_tool(DWARFDUMP, &args, wasm)
}

/// The output of one of Debian's LLVM tools run with `args` on `wasm` (none if it is empty).
fn llvm_tool(tool: &str, args: &[String], wasm: &Path) -> Result<String, String> {
    let mut cmd = Command::new(tool);
    cmd.args(args);
    if !wasm.as_os_str().is_empty() {
        cmd.arg(wasm);
    }
    let done = process::run_captured(&mut cmd, TOOL_LIMIT)
        .map_err(|e| format!("{e} (`./y.sh prepare` installs Debian's llvm package)"))?;
    if done.code != Some(0) || done.timed_out {
        return Err(format!(
            "{tool} {} failed ({}):\n{}{}",
            args.join(" "),
            ending(&done, "run"),
            String::from_utf8_lossy(&done.stdout)
                .lines()
                .rev()
                .take(20)
                .collect::<Vec<_>>()
                .join("\n"),
            stderr_excerpt(&done)
        ));
    }
    Ok(String::from_utf8_lossy(&done.stdout).into_owned())
}

fn verify(wasm: &Path) -> Result<(), String> {
    let report = dwarfdump(&["--verify"], wasm)?;
    if !report.contains("No errors.") {
        return Err(format!(
            "{DWARFDUMP} --verify did not say `No errors.`:\n{report}"
        ));
    }
    Ok(())
}

/// The lines of `file` that have a row in the module's line tables (llvm-dwarfdump's listing:
/// each unit's `file_names[N]` table, then rows `ADDRESS LINE COLUMN FILE ...`).
fn line_table_lines(wasm: &Path, file: &str) -> Result<BTreeSet<u64>, String> {
    let listing = dwarfdump(&["--debug-line"], wasm)?;
    let mut lines = BTreeSet::new();
    let mut files: Vec<(u64, String)> = Vec::new();
    let mut entry: Option<u64> = None;
    for text in listing.lines() {
        if text.starts_with("debug_line[") {
            files.clear();
        } else if let Some(rest) = text.strip_prefix("file_names[") {
            entry = rest.split(']').next().and_then(|n| n.trim().parse().ok());
        } else if let (Some(index), Some(name)) = (entry, text.trim().strip_prefix("name: ")) {
            files.push((index, name.trim_matches('"').to_owned()));
            entry = None;
        } else if text.starts_with("0x") {
            let fields: Vec<&str> = text.split_whitespace().collect();
            let number = |k: usize| fields.get(k).and_then(|field| field.parse::<u64>().ok());
            if let (Some(line), Some(index)) = (number(1), number(3))
                && line > 0
                && files.iter().any(|(i, name)| *i == index && name == file)
            {
                lines.insert(line);
            }
        }
    }
    Ok(lines)
}

/// The line of `text` (1-based) whose trailing comment is `// MARKER`.
fn marked_line(text: &str, marker: &str) -> Result<usize, String> {
    text.lines()
        .position(|line| line.trim_end().ends_with(&format!("// {marker}")))
        .map(|i| i + 1)
        .ok_or_else(|| format!("no line is marked `// {marker}`"))
}

/// Builds `source` with line tables (and `extra` flags after) by `compiler` into
/// `out_dir/LABEL.wasm`.
fn build(
    tools: &Tools,
    compiler: &Compiler,
    source: &Path,
    out_dir: &Path,
    extra: &[String],
) -> Result<PathBuf, String> {
    let label = compiler.label;
    let wasm = out_dir.join(format!("{label}.wasm"));
    let mut flags: Vec<String> = vec![
        "-Cdebuginfo=line-tables-only".into(),
        "-Copt-level=0".into(),
    ];
    flags.extend(extra.iter().cloned());
    flags.extend(["-o".into(), wasm.display().to_string()]);
    let compiled = tools.compile(compiler, source, &flags);
    if compiled.code != Some(0) || compiled.timed_out {
        return Err(format!(
            "[{label}] compile failed ({}):\n{}",
            ending(&compiled, "compile"),
            stderr_excerpt(&compiled)
        ));
    }
    Ok(wasm)
}

/// The values of a test's `// KEY: VALUE` comment lines, in order.
fn header_values<'a>(text: &'a str, key: &str) -> Vec<&'a str> {
    let prefix = format!("// {key}:");
    text.lines()
        .filter_map(|line| line.trim().strip_prefix(prefix.as_str()))
        .map(str::trim)
        .collect()
}

/// A scripted gdb session on `wasm-run -g`: a breakpoint by `file:line` (`gdb: break`), the
/// caller's frame (`gdb: caller`, if marked), the `gdb-print: EXPRESSION => VALUE` lines of the
/// header, and `next` to the following line (`gdb: next`, if marked). `gdb-flags:` adds rustc
/// flags.
fn check_gdb(tools: &Tools, source: &Path, out_dir: &Path) -> Result<(), String> {
    let text = fsutil::read_to_string(source)?;
    let stop = marked_line(&text, "gdb: break")?;
    let caller = marked_line(&text, "gdb: caller").ok();
    let next = marked_line(&text, "gdb: next").ok();
    let flags: Vec<String> = header_values(&text, "gdb-flags")
        .iter()
        .flat_map(|value| value.split_whitespace().map(str::to_owned))
        .collect();
    let mut prints = Vec::new();
    for value in header_values(&text, "gdb-print") {
        let (expression, expected) = value
            .split_once("=>")
            .ok_or_else(|| format!("`gdb-print: {value}` lacks `=> VALUE`"))?;
        prints.push((expression.trim(), expected.trim()));
    }
    fsutil::fresh_dir(out_dir)?;
    let wasm = build(tools, &tools.under_test, source, out_dir, &flags)?;
    let file = file_name(source);
    // The code exists only once wasmtime compiled it: the breakpoint waits for it.
    let mut commands = vec![
        "set breakpoint pending on".to_owned(),
        format!("break {file}:{stop}"),
        "run".into(),
        "bt 2".into(),
    ];
    commands.extend(
        prints
            .iter()
            .map(|(expression, _)| format!("print {expression}")),
    );
    if next.is_some() {
        commands.push("next".into());
    }
    commands.push("kill".into());
    let mut cmd = Command::new(GDB);
    cmd.current_dir(&tools.repo).arg("--batch").arg("-nx");
    for command in commands {
        cmd.arg("-ex").arg(command);
    }
    cmd.arg("--args").arg(&tools.wasm_run).arg("-g").arg(&wasm);
    let done = process::run_captured(&mut cmd, TOOL_LIMIT)
        .map_err(|e| format!("{e} (`./y.sh prepare` installs Debian's gdb)"))?;
    let transcript = String::from_utf8_lossy(&done.stdout);
    // gdb prints the file as DWARF names it: the path the compiler was given, joined with its
    // working directory.
    let path = dwarf_path(tools, source);
    let frame = |number: usize, line: usize| {
        transcript.lines().any(|text| {
            text.starts_with(&format!("#{number} "))
                && text.ends_with(&format!(" at {path}:{line}"))
        })
    };
    let mut problems = Vec::new();
    if !frame(0, stop) {
        problems.push(format!("no frame #0 at {path}:{stop}"));
    }
    if let Some(caller) = caller
        && !frame(1, caller)
    {
        problems.push(format!("no frame #1 at {path}:{caller}"));
    }
    for (k, (expression, expected)) in prints.iter().enumerate() {
        let line = format!("${} = {expected}", k + 1);
        if !transcript.lines().any(|text| text == line) {
            problems.push(format!("`print {expression}` did not print `{line}`"));
        }
    }
    if let Some(next) = next
        && !transcript.contains(&format!("\n{next}\t"))
    {
        problems.push(format!("`next` did not stop at line {next}"));
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{}\ngdb session:\n{transcript}{}",
        problems.join("\n"),
        stderr_excerpt(&done)
    ))
}

/// The path of `source` as our DWARF names it (tests compile from the repository root).
fn dwarf_path(tools: &Tools, source: &Path) -> String {
    tools
        .repo
        .join(source.strip_prefix(&tools.repo).unwrap_or(source))
        .display()
        .to_string()
}

/// A program that traps: each line marked `// frame: NAME` must appear in wasm-run's backtrace
/// as a frame of NAME at this file's line, innermost first. LLVM's build is checked the same way,
/// so a change of wasm-run's format fails both.
fn check_backtrace(tools: &Tools, source: &Path, out_dir: &Path) -> Result<(), String> {
    let text = fsutil::read_to_string(source)?;
    let frames: Vec<(String, usize)> = text
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            // A marker ends a line of code; a comment that only mentions one is not one.
            let (code, name) = line.split_once("// frame:")?;
            let code = code.trim();
            (!code.is_empty() && !code.starts_with("//")).then(|| (name.trim().to_owned(), i + 1))
        })
        .collect();
    if frames.is_empty() {
        return Err(format!("{} marks no `// frame:` lines", source.display()));
    }
    fsutil::fresh_dir(out_dir)?;
    let file = file_name(source);
    for compiler in [&tools.under_test, &tools.reference] {
        let label = compiler.label;
        let wasm = build(tools, compiler, source, out_dir, &[])?;
        let ran = tools.run(&wasm, &[]);
        let stderr = String::from_utf8_lossy(&ran.stderr);
        if ran.code != Some(134) {
            return Err(format!(
                "[{label}] expected a trap (exit 134), got {}",
                ending(&ran, "run")
            ));
        }
        backtrace_names(&stderr, &frames, &file)
            .map_err(|why| format!("[{label}] {why}\n{stderr}"))?;
    }
    Ok(())
}

/// Finds each expected frame in order: a line naming the function, then its `at FILE:LINE`.
fn backtrace_names(stderr: &str, frames: &[(String, usize)], file: &str) -> Result<(), String> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut from = 0;
    for (name, line) in frames {
        let frame = lines[from..]
            .iter()
            .position(|text| text.contains(" - ") && text.trim_end().ends_with(name.as_str()))
            .map(|k| from + k)
            .ok_or_else(|| format!("no frame of `{name}` (after line {from} of the backtrace)"))?;
        let location = format!("{file}:{line}:");
        let at = lines.get(frame + 1).copied().unwrap_or_default();
        if !(at.trim_start().starts_with("at ") && at.contains(&location)) {
            return Err(format!(
                "the frame of `{name}` is not at {file}:{line}: the next line is `{at}`"
            ));
        }
        from = frame + 1;
    }
    Ok(())
}
