// Checks that std::process::exit ends the program with the given non-zero code after flushing output.
use std::process;

fn validate(input: &str) -> Result<u32, String> {
    input.parse::<u32>().map_err(|e| format!("bad input {:?}: {}", input, e))
}

fn main() {
    for input in ["12", "7", "x9"] {
        match validate(input) {
            Ok(v) => println!("valid {}", v),
            Err(msg) => {
                println!("{}", msg);
                process::exit(3);
            }
        }
    }
    println!("unreachable");
}
