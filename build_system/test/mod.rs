//! `./y.sh test`: brings dist/ up to date, then runs the groups of build_system/tests.txt in order.

mod abi;
mod abi_component;
mod cargo_wasm_cli;
mod component_build;
mod component_http;
mod component_new_project;
mod components;
mod config;
pub mod crates_io;
mod debuginfo;
mod diagnostics;
pub mod exec;
mod extended;
mod fuzz;
mod gc;
mod gc_ours;
mod groups;
mod header;
mod http;
mod incremental;
mod libtest_log;
mod no_sysroot;
pub mod outcome;
mod pool;
mod run_pass;
mod style;
mod sysroot_tests;
mod unit;
mod unwind;
mod web;
mod web_bindgen;

use crate::Res;
use crate::build;
use crate::dirs::Dirs;
use crate::fsutil;
use crate::process::step;
use crate::toolchain::Toolchain;
use exec::Tools;
use outcome::Tally;
use pool::Case;

pub struct Options {
    groups: Vec<String>,
    filter: Option<String>,
    jobs: usize,
    build: bool,
    llvm_as_backend: bool,
    /// `--list`: print the groups and what each checks, run nothing.
    list: bool,
}

impl Options {
    pub fn parse(args: &[String]) -> Res<Options> {
        let mut options = Options {
            groups: Vec::new(),
            filter: None,
            // The CI machines have 2 cores.
            jobs: 2,
            build: true,
            llvm_as_backend: false,
            list: false,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value =
                |name: &str| args.next().cloned().ok_or(format!("{name} needs a value"));
            match arg.as_str() {
                "--group" => options.groups.push(value("--group")?),
                "--filter" => options.filter = Some(value("--filter")?),
                "--jobs" => {
                    let text = value("--jobs")?;
                    options.jobs = text
                        .parse()
                        .map_err(|_| format!("--jobs {text}: not a number"))?;
                }
                "--no-build" => options.build = false,
                "--llvm-as-backend" => options.llvm_as_backend = true,
                "--list" => options.list = true,
                other => return Err(format!("unknown test option `{other}`")),
            }
        }
        Ok(options)
    }
}

/// Runs the ladder; `Ok(false)` when something failed (already reported, summary printed last).
pub fn test(dirs: &Dirs, toolchain: &Toolchain, options: &Options) -> Res<bool> {
    let groups = config::groups_to_run(dirs, &options.groups)?;
    if options.list {
        print!("{}", groups::listing());
        println!("\nenabled in build_system/tests.txt: {}", groups.join(", "));
        return Ok(true);
    }
    let mut build_ok = true;
    if options.build {
        crate::prepare::for_tests()?;
        crate::prepare::wasm_bindgen_cli(dirs, toolchain)?;
        let report = build::build_all(dirs, toolchain)?;
        if !report.reference_path_ok() {
            // Without the runner or the sysroot no test can say anything.
            return report.into_result().map(|()| false);
        }
        if !report.failed.is_empty() {
            eprintln!("[test] !!! the backend did not build: every test that uses it fails");
            build_ok = false;
        }
    }
    if options.llvm_as_backend {
        eprintln!(
            "[test] --llvm-as-backend: LLVM compiles in place of the backend (harness check)"
        );
    }
    let tools = Tools::new(dirs, options.llvm_as_backend);
    let mut total = Tally::default();
    for group in &groups {
        let tally = step("test", &format!("group {group}"), || {
            run_group(dirs, &tools, group, options)
        })?;
        println!("[{group}] {}", tally.summary());
        total.add(tally);
    }
    if !total.failed.is_empty() {
        println!("\nfailed:");
        for name in &total.failed {
            println!("  {name}");
        }
    }
    if !build_ok {
        println!("\nthe backend failed to build (see [build] above)");
    }
    println!("{}", total.summary());
    Ok(total.failed.is_empty() && build_ok)
}

fn run_group(dirs: &Dirs, tools: &Tools, group: &str, options: &Options) -> Res<Tally> {
    let out = dirs.build.join("tests").join(group);
    fsutil::fresh_dir(&out)?;
    let group = groups::find(group)?;
    let ctx = groups::Ctx {
        dirs,
        tools,
        options,
        out,
        name: group.name,
    };
    let (cases, jobs) = match group.run {
        groups::Run::Cases(make, jobs) => (make(&ctx)?, jobs.unwrap_or(options.jobs)),
        groups::Run::Driver(run) => return run(&ctx),
    };
    let cases: Vec<Case> = cases
        .into_iter()
        .filter(|case| {
            options
                .filter
                .as_ref()
                .is_none_or(|filter| case.name.contains(filter.as_str()))
        })
        .collect();
    if cases.is_empty() {
        println!("[{}] no tests selected", group.name);
    }
    Ok(pool::run_all(cases, jobs))
}
