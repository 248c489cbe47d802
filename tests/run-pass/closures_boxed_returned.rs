// Checks boxed and returned closures: Box<dyn Fn>, Box<dyn FnMut>, Box<dyn FnOnce>, closures in structs and maps, and currying.
use std::collections::BTreeMap;

fn make_multiplier(k: i64) -> impl Fn(i64) -> i64 {
    move |x| x * k
}

fn make_op(name: &str) -> Box<dyn Fn(f64, f64) -> f64> {
    match name {
        "add" => Box::new(|a, b| a + b),
        "sub" => Box::new(|a, b| a - b),
        "pow" => Box::new(|a: f64, b| a.powi(b as i32)),
        _ => {
            let msg = format!("unknown op {}", name);
            Box::new(move |_, _| {
                println!("{}", msg);
                f64::NAN
            })
        }
    }
}

fn make_accumulator() -> Box<dyn FnMut(i32) -> i32> {
    let mut total = 0;
    Box::new(move |x| {
        total += x;
        total
    })
}

fn curry(a: u32) -> impl Fn(u32) -> Box<dyn Fn(u32) -> u32> {
    move |b| Box::new(move |c| a * 100 + b * 10 + c)
}

struct Button {
    label: String,
    on_click: Box<dyn Fn(&str) -> String>,
}

struct Pipeline {
    stages: Vec<Box<dyn Fn(i32) -> i32>>,
}

impl Pipeline {
    fn new() -> Self {
        Pipeline { stages: Vec::new() }
    }
    fn stage(mut self, f: impl Fn(i32) -> i32 + 'static) -> Self {
        self.stages.push(Box::new(f));
        self
    }
    fn run(&self, x: i32) -> i32 {
        self.stages.iter().fold(x, |acc, f| f(acc))
    }
}

fn main() {
    let triple = make_multiplier(3);
    let neg = make_multiplier(-1);
    println!("{} {} {}", triple(14), neg(5), triple(neg(2)));
    for name in ["add", "sub", "pow", "mod"] {
        let op = make_op(name);
        println!("{} -> {}", name, op(2.0, 10.0));
    }
    let mut acc = make_accumulator();
    let mut acc2 = make_accumulator();
    println!("acc {} {} {} / acc2 {}", acc(5), acc(10), acc(-3), acc2(1));
    println!("curry {}", curry(1)(2)(3));
    let partial = curry(9);
    let inner = partial(8);
    println!("curry {} {}", inner(7), inner(0));

    let buttons = vec![
        Button { label: "ok".into(), on_click: Box::new(|who| format!("{} confirmed", who)) },
        Button { label: "cancel".into(), on_click: Box::new(|who| format!("{} cancelled", who.to_uppercase())) },
    ];
    for b in &buttons {
        println!("[{}] {}", b.label, (b.on_click)("user"));
    }

    let p = Pipeline::new().stage(|x| x + 1).stage(|x| x * 10).stage(|x| x - 75).stage(i32::abs);
    println!("pipeline {}", p.run(4));

    let mut handlers: BTreeMap<&str, Box<dyn Fn(&[i32]) -> i32>> = BTreeMap::new();
    handlers.insert("sum", Box::new(|v| v.iter().sum()));
    handlers.insert("max", Box::new(|v| *v.iter().max().unwrap_or(&0)));
    handlers.insert("len", Box::new(|v| v.len() as i32));
    let data = [4, -2, 9, 1];
    for (name, h) in &handlers {
        println!("{} = {}", name, h(&data));
    }

    let once: Box<dyn FnOnce() -> Vec<String>> = {
        let owned = vec!["moved".to_string(), "into".to_string(), "closure".to_string()];
        Box::new(move || owned)
    };
    println!("{:?}", once());
    let mut deferred: Vec<Box<dyn FnOnce() -> String>> = Vec::new();
    for i in 0..3 {
        let s = "x".repeat(i + 1);
        deferred.push(Box::new(move || s + "!"));
    }
    let results: Vec<String> = deferred.into_iter().map(|f| f()).collect();
    println!("{:?}", results);
    let opt_fn: Option<fn(u8) -> u8> = Some(u8::reverse_bits);
    println!("{:?}", opt_fn.map(|f| f(1)));
}
