// Checks std::env::args: count, iteration, skipping argv[0], parsing flags and numbers from the command line.
// run-args: --name wasm -v 12 -3 héllo --sum 1,2,3,4
use std::env;

#[derive(Debug, Default)]
struct Options {
    name: Option<String>,
    verbose: bool,
    numbers: Vec<i64>,
    words: Vec<String>,
    sum: Option<i64>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut opts = Options::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--name" => opts.name = Some(it.next().ok_or("--name needs a value")?.clone()),
            "-v" => opts.verbose = true,
            "--sum" => {
                let list = it.next().ok_or("--sum needs a value")?;
                let total: Result<i64, _> = list.split(',').map(|s| s.parse::<i64>()).sum();
                opts.sum = Some(total.map_err(|e| e.to_string())?);
            }
            other => match other.parse::<i64>() {
                Ok(n) => opts.numbers.push(n),
                Err(_) => opts.words.push(other.to_string()),
            },
        }
    }
    Ok(opts)
}

fn main() {
    let all: Vec<String> = env::args().collect();
    println!("argc {}", all.len());
    let args: Vec<String> = env::args().skip(1).collect();
    for (i, a) in args.iter().enumerate() {
        println!("arg[{}] = {:?} ({} bytes, {} chars)", i + 1, a, a.len(), a.chars().count());
    }
    let opts = parse(&args).unwrap();
    println!("{:?}", opts);
    println!("number total {}", opts.numbers.iter().sum::<i64>());
    println!("args_os count {}", env::args_os().skip(1).count());
    let missing = parse(&["--name".to_string()]);
    println!("{:?}", missing.map(|o| o.name));
    let bad = parse(&["--sum".to_string(), "1,x".to_string()]);
    println!("{:?}", bad.map(|o| o.sum));
}
