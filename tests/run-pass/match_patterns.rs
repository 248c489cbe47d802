// Checks match: literal and range patterns, guards, @ bindings, or-patterns, references, tuples and structs.
#[derive(Debug)]
struct Pixel {
    x: i32,
    y: i32,
    color: (u8, u8, u8),
}

fn classify_int(n: i64) -> &'static str {
    match n {
        i64::MIN..=-1 => "negative",
        0 => "zero",
        1 | 2 | 3 => "small",
        4..=9 => "digit",
        10..100 => "two digits",
        _ => "large",
    }
}

fn classify_char(c: char) -> String {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' => "vowel".to_string(),
        lower @ 'a'..='z' => format!("consonant {}", lower),
        d @ '0'..='9' => format!("digit {}", d.to_digit(10).unwrap()),
        c if c.is_whitespace() => "space".to_string(),
        other => format!("other {:?}", other),
    }
}

fn fizzbuzz(n: u32) -> String {
    match (n % 3, n % 5) {
        (0, 0) => "FizzBuzz".into(),
        (0, _) => "Fizz".into(),
        (_, 0) => "Buzz".into(),
        _ => n.to_string(),
    }
}

fn where_is(p: &Pixel) -> String {
    match p {
        Pixel { x: 0, y: 0, .. } => "origin".into(),
        Pixel { x, y: 0, .. } => format!("on x axis at {}", x),
        Pixel { x: 0, y, .. } => format!("on y axis at {}", y),
        Pixel { color: (r, 0, 0), .. } if *r > 128 => "reddish".into(),
        Pixel { x: px @ 1..=10, y: py @ 1..=10, .. } => format!("in box ({}, {})", px, py),
        Pixel { x, y, color } => format!("at ({}, {}) colored {:?}", x, y, color),
    }
}

fn bucket(age: u32) -> String {
    match age {
        n @ (0..=12 | 65..) => format!("discount for {}", n),
        n @ 13..=19 => format!("teen {}", n),
        n => format!("regular {}", n),
    }
}

fn main() {
    for n in [-5, 0, 2, 7, 42, 100, i64::MAX] {
        print!("{} ", classify_int(n));
    }
    println!();
    for c in ['e', 'x', '7', ' ', 'Ω'] {
        println!("{}", classify_char(c));
    }
    let fb: Vec<String> = (9..=15).map(fizzbuzz).collect();
    println!("{}", fb.join(" "));
    let pixels = [
        Pixel { x: 0, y: 0, color: (0, 0, 0) },
        Pixel { x: 5, y: 0, color: (0, 0, 0) },
        Pixel { x: 0, y: -3, color: (0, 0, 0) },
        Pixel { x: 50, y: 50, color: (200, 0, 0) },
        Pixel { x: 3, y: 4, color: (1, 2, 3) },
        Pixel { x: 30, y: 4, color: (1, 2, 3) },
    ];
    for p in &pixels {
        println!("{}", where_is(p));
    }
    println!("{:?}", pixels[5]);
    for age in [5, 15, 40, 70] {
        println!("{}", bucket(age));
    }
    let pair = (3, -3);
    match pair {
        (x, y) if x + y == 0 => println!("opposites {} {}", x, y),
        (x, _) if x % 2 == 0 => println!("even first"),
        _ => println!("no match"),
    }
    let reference = &Some(5);
    match reference {
        &Some(ref v) if *v > 3 => println!("ref pattern {}", v),
        Some(v) => println!("default binding {}", v),
        None => println!("none"),
    }
    let mut opt = Some(String::from("own"));
    match opt {
        Some(ref mut s) => s.push_str("ed"),
        None => {}
    }
    println!("{:?}", opt);
    let msg = match opt.as_deref() {
        Some("owned") => "exact string match",
        Some(_) => "other string",
        None => "nothing",
    };
    println!("{}", msg);
    let x = 5u8;
    let kind = match x {
        0 => "zero",
        n if n % 2 == 0 => "even",
        _ => "odd",
    };
    println!("{} is {}", x, kind);
    println!("matches!: {} {}", matches!(x, 1..=9), matches!('z', 'a'..='f'));
    let v = 1000u16;
    let size = match v {
        0..=255 => 1,
        256..=u16::MAX => 2,
    };
    println!("bytes needed: {}", size);
}
