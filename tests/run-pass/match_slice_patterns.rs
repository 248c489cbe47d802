// Checks slice patterns: fixed length, rest patterns `..`, bindings `rest @ ..`, arrays and recursive slice processing.
fn describe(s: &[i32]) -> String {
    match s {
        [] => "empty".into(),
        [x] => format!("one: {}", x),
        [a, b] => format!("two: {} {}", a, b),
        [first, .., last] if first == last => format!("same ends {}", first),
        [first, middle @ .., last] => format!("first {} middle {:?} last {}", first, middle, last),
    }
}

fn sum(s: &[i32]) -> i32 {
    match s {
        [] => 0,
        [head, tail @ ..] => head + sum(tail),
    }
}

fn is_palindrome(s: &[u8]) -> bool {
    match s {
        [] | [_] => true,
        [a, inner @ .., b] => a == b && is_palindrome(inner),
    }
}

fn command(args: &[&str]) -> String {
    match args {
        ["get", key] => format!("GET {}", key),
        ["set", key, value] => format!("SET {}={}", key, value),
        ["del", keys @ ..] if !keys.is_empty() => format!("DEL {}", keys.join(",")),
        [cmd, ..] => format!("unknown command {}", cmd),
        [] => "no command".into(),
    }
}

fn main() {
    let inputs: [&[i32]; 6] = [&[], &[1], &[1, 2], &[7, 3, 7], &[1, 2, 3, 4, 5], &[9, 8, 7]];
    for s in inputs {
        println!("{}", describe(s));
    }
    println!("sum {}", sum(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    for w in ["racecar", "abba", "abc", "a", ""] {
        println!("{:?} palindrome: {}", w, is_palindrome(w.as_bytes()));
    }
    let cmds: [&[&str]; 6] = [&["get", "a"], &["set", "b", "2"], &["del", "x", "y", "z"], &["del"], &["frob", "1"], &[]];
    for c in cmds {
        println!("{}", command(c));
    }
    let arr = [10, 20, 30, 40];
    let [a, b, rest @ ..] = arr;
    println!("array destructure {} {} {:?}", a, b, rest);
    if let [.., penultimate, _] = &arr[..] {
        println!("penultimate {}", penultimate);
    }
    let v = vec![String::from("x"), String::from("y"), String::from("z")];
    match v.as_slice() {
        [first, rest @ ..] => println!("first {} rest len {}", first, rest.len()),
        [] => println!("empty"),
    }
    let mut data = [1, 2, 3, 4, 5];
    if let [first, .., last] = &mut data[..] {
        std::mem::swap(first, last);
    }
    println!("{:?}", data);
    let bytes = b"GIF89a...";
    let kind = match bytes {
        [b'G', b'I', b'F', b'8', v @ (b'7' | b'9'), b'a', ..] => format!("gif version 8{}a", *v as char),
        [0x89, b'P', b'N', b'G', ..] => "png".into(),
        _ => "unknown".into(),
    };
    println!("{}", kind);
    let pairs: Vec<String> = [1, 2, 3, 4, 5, 6, 7]
        .chunks(2)
        .map(|c| match c {
            [a, b] => format!("{}+{}={}", a, b, a + b),
            [a] => format!("{} alone", a),
            _ => unreachable!(),
        })
        .collect();
    println!("{:?}", pairs);
}
