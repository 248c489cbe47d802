//! A WASI 0.2 command component: its arguments, environment, standard streams, a preopened
//! directory and its exit status, as a component host (wasm-run) gives them.

use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("args: {args:?}");
    println!(
        "WASMRUST_COMPONENT_ENV: {:?}",
        std::env::var("WASMRUST_COMPONENT_ENV").ok()
    );
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("stdin");
    println!("stdin: {} lines, last {:?}", input.lines().count(), input.lines().last());
    // The first argument names the preopened directory.
    let dir = &args[0];
    let given = std::fs::read_to_string(format!("{dir}/given.txt")).expect("read given.txt");
    print!("given.txt: {given}");
    let path = format!("{dir}/written.txt");
    std::fs::write(&path, "written by the component\n").expect("write");
    print!("written.txt: {}", std::fs::read_to_string(&path).expect("read back"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read_dir")
        .map(|entry| entry.expect("entry").file_name().into_string().expect("UTF-8"))
        .collect();
    names.sort();
    println!("{dir}: {names:?}");
    eprintln!("cli: a line on stderr");
    let code: i32 = args.get(1).map_or(0, |code| code.parse().expect("an exit code"));
    std::process::exit(code);
}
