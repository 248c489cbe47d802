//! `./y.sh bench`: compile speed, binary size, run speed and rustc's peak memory, LLVM against
//! our backend, measured in one run; tables printed and written to target/bench/.

mod cargo;
mod compile;
mod compile_inputs;
mod debuginfo;
mod devloop;
mod gc_run;
mod lto_sysroot;
mod machine;
mod measure;
mod passes;
mod report;
mod run;
mod size;
mod tools;
mod wasm_sections;

use std::time::Instant;

use crate::Res;
use crate::dirs::Dirs;
use crate::fsutil;
use crate::prepare;
use crate::toolchain::Toolchain;
use report::{Csv, Table};
use tools::Tools;

const SECTIONS: &[&str] = &["compile", "size", "run", "devloop", "debuginfo"];

pub struct Options {
    sections: Vec<String>,
    runs: usize,
}

impl Options {
    pub fn parse(args: &[String]) -> Res<Options> {
        let mut options = Options {
            sections: Vec::new(),
            runs: 5,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value =
                |name: &str| args.next().cloned().ok_or(format!("{name} needs a value"));
            match arg.as_str() {
                "--section" => {
                    let section = value("--section")?;
                    if !SECTIONS.contains(&section.as_str()) {
                        return Err(format!(
                            "unknown section `{section}` (one of {})",
                            SECTIONS.join(", ")
                        ));
                    }
                    options.sections.push(section);
                }
                "--runs" => {
                    let text = value("--runs")?;
                    options.runs = text
                        .parse()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or(format!("--runs {text}: not a positive number"))?;
                }
                other => return Err(format!("unknown bench option `{other}`")),
            }
        }
        if options.sections.is_empty() {
            options.sections = SECTIONS.iter().map(|s| (*s).to_owned()).collect();
        }
        Ok(options)
    }
}

/// The tables of one section and its raw numbers.
pub struct Section {
    name: &'static str,
    tables: Vec<Table>,
    csv: Csv,
}

pub fn bench(dirs: &Dirs, toolchain: &Toolchain, options: &Options) -> Res<()> {
    let started = Instant::now();
    let load_before = machine::load_average();
    prepare::ensure_gnu_time()?;
    let tools = Tools::new(dirs, toolchain)?;
    fsutil::create_dir_all(&tools.scratch)?;
    fsutil::create_dir_all(&tools.cache)?;
    let out = dirs.repo.join("target/bench");
    fsutil::create_dir_all(&out)?;
    let wants = |name: &str| options.sections.iter().any(|s| s == name);
    // The only download: the crates.io sources, before anything is timed.
    let vendored = cargo::vendor(&tools)?;
    let mut sections = Vec::new();
    if wants("compile") {
        sections.push(compile::section(&tools, &vendored, options.runs)?);
    }
    if wants("size") {
        let release_sysroot = lto_sysroot::ensure(&tools, toolchain)?;
        sections.push(size::section(&tools, &vendored, &release_sysroot)?);
    }
    if wants("run") {
        sections.push(run::section(&tools, &vendored, options.runs)?);
    }
    if wants("devloop") {
        let dir = tools.scratch.join("devloop-input");
        fsutil::create_dir_all(&dir)?;
        let generated = compile_inputs::generate(&tools, &dir)?;
        sections.push(devloop::section(
            &tools,
            &generated,
            &dirs.dist,
            &toolchain.channel,
        )?);
    }
    if wants("debuginfo") {
        sections.push(debuginfo::section(&tools, options.runs)?);
    }
    let mut summary = String::new();
    for section in &sections {
        let tables: Vec<String> = section.tables.iter().map(Table::markdown).collect();
        let text = tables.join("\n");
        fsutil::write(&out.join(format!("{}.md", section.name)), &text)?;
        fsutil::write(
            &out.join(format!("{}.csv", section.name)),
            section.csv.text(),
        )?;
        summary.push_str(&text);
        summary.push('\n');
    }
    let minutes = started.elapsed().as_secs_f64() / 60.0;
    let command = std::iter::once("./y.sh bench".to_owned())
        .chain(std::env::args().skip(2))
        .collect::<Vec<_>>()
        .join(" ");
    let header = format!(
        "Measured by `{command}` ({minutes:.0} min), every number from that one run:\n\n{}\n",
        machine::describe(&dirs.repo, toolchain, &load_before)
    );
    let summary = format!("{header}{summary}");
    fsutil::write(&out.join("summary.md"), &summary)?;
    println!("{summary}");
    eprintln!(
        "[bench] tables written to {} (summary.md, NAME.md, NAME.csv)",
        out.display()
    );
    Ok(())
}
