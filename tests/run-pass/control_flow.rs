// Checks control flow: labeled break/continue, loop values, while let, if let chains of else, shadowing, block expressions and early returns.
fn find_pair(nums: &[i32], target: i32) -> Option<(usize, usize)> {
    let mut result = None;
    'outer: for i in 0..nums.len() {
        for j in i + 1..nums.len() {
            if nums[i] + nums[j] == target {
                result = Some((i, j));
                break 'outer;
            }
        }
    }
    result
}

fn classify(n: i32) -> &'static str {
    if n < 0 {
        return "negative";
    }
    if n == 0 {
        "zero"
    } else if n % 2 == 0 {
        "even"
    } else {
        "odd"
    }
}

fn main() {
    let mut counter = 0;
    let doubled = loop {
        counter += 1;
        if counter == 10 {
            break counter * 2;
        }
    };
    println!("loop value {}", doubled);

    let found = 'search: {
        for (i, w) in ["alpha", "beta", "gamma"].iter().enumerate() {
            if w.starts_with('g') {
                break 'search Some(i);
            }
        }
        None
    };
    println!("labeled block {:?}", found);

    let mut grid_hits = Vec::new();
    'rows: for r in 0..5 {
        for c in 0..5 {
            if c > r {
                continue 'rows;
            }
            if r + c == 6 {
                break 'rows;
            }
            if (r + c) % 3 == 0 {
                grid_hits.push((r, c));
            }
        }
    }
    println!("labeled continue/break {:?}", grid_hits);
    println!("find_pair {:?} {:?}", find_pair(&[3, 8, 1, 7, 5], 12), find_pair(&[1, 2], 10));

    let mut stack = vec![1, 2, 3];
    while let Some(top) = stack.pop() {
        print!("{} ", top);
    }
    println!();
    let mut it = "a1b22c333".chars().peekable();
    let mut groups = Vec::new();
    while let Some(c) = it.next() {
        if c.is_alphabetic() {
            let mut digits = String::new();
            while let Some(d) = it.next_if(|ch| ch.is_ascii_digit()) {
                digits.push(d);
            }
            groups.push(format!("{}:{}", c, digits.len()));
        }
    }
    println!("while let peek {:?}", groups);

    let x = 5;
    let x = x * 2;
    {
        let x = "shadowed in block";
        println!("inner {}", x);
    }
    let x = format!("{}!", x);
    println!("outer {}", x);

    let value = {
        let a = 3;
        let b = 4;
        a * a + b * b
    };
    println!("block value {}", value);
    let parity = if value % 2 == 0 { "even" } else { "odd" };
    println!("if expression {}", parity);
    for n in [-3, 0, 4, 7] {
        print!("{} ", classify(n));
    }
    println!();

    let data = [Some(3), None, Some(-1), Some(8)];
    let mut sum = 0;
    for d in data {
        let Some(v) = d else {
            println!("skip none");
            continue;
        };
        if v < 0 {
            println!("skip negative {}", v);
            continue;
        }
        sum += v;
    }
    println!("let-else sum {}", sum);
    let maybe: Option<Option<i32>> = Some(None);
    if let Some(Some(v)) = maybe {
        println!("nested some {}", v);
    } else if let Some(None) = maybe {
        println!("some(none)");
    } else {
        println!("none");
    }
    let mut n = 27u64;
    let mut steps = 0;
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    }
    println!("collatz steps {}", steps);
    let mut total = 0;
    for i in (0..=20).rev().step_by(5) {
        if i == 5 {
            continue;
        }
        total += i;
    }
    println!("for rev step {}", total);
    let r = 'a: {
        if total > 100 {
            break 'a "big";
        }
        "small"
    };
    println!("{}", r);
    let mut attempts = 0;
    let result = loop {
        attempts += 1;
        match attempts {
            1 | 2 => continue,
            3 => break Ok::<u32, String>(attempts * 100),
            _ => unreachable!(),
        }
    };
    println!("retry {:?}", result);
}
