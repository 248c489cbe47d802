// Checks nested enums: enums inside enums, Result<Option<_>>, recursive boxed enum trees and deep matches.
#[derive(Debug, Clone, PartialEq)]
enum Inner {
    Num(u8),
    Text { s: String },
    Nothing,
}

#[derive(Debug, Clone, PartialEq)]
enum Outer {
    Single(Inner),
    Pair(Inner, Inner),
    Maybe(Option<Inner>),
    Checked(Result<Inner, String>),
}

fn describe(o: &Outer) -> String {
    match o {
        Outer::Single(Inner::Num(n)) if *n > 100 => format!("big {}", n),
        Outer::Single(Inner::Num(n)) => format!("small {}", n),
        Outer::Single(Inner::Text { s }) => format!("text {}", s),
        Outer::Single(Inner::Nothing) => "nothing".to_string(),
        Outer::Pair(Inner::Num(a), Inner::Num(b)) => format!("sum {}", *a as u32 + *b as u32),
        Outer::Pair(a, b) if a == b => "equal pair".to_string(),
        Outer::Pair(..) => "mixed pair".to_string(),
        Outer::Maybe(Some(Inner::Text { s })) => format!("maybe text of len {}", s.len()),
        Outer::Maybe(Some(other)) => format!("maybe {:?}", other),
        Outer::Maybe(None) => "maybe none".to_string(),
        Outer::Checked(Ok(inner)) => format!("ok {:?}", inner),
        Outer::Checked(Err(e)) => format!("err {}", e),
    }
}

#[derive(Debug)]
enum Expr {
    Lit(i64),
    Neg(Box<Expr>),
    Add(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    IfZero { cond: Box<Expr>, then: Box<Expr>, other: Box<Expr> },
}

use Expr::*;

fn eval(e: &Expr) -> i64 {
    match e {
        Lit(v) => *v,
        Neg(x) => -eval(x),
        Add(a, b) => eval(a) + eval(b),
        Mul(a, b) => eval(a) * eval(b),
        IfZero { cond, then, other } => {
            if eval(cond) == 0 {
                eval(then)
            } else {
                eval(other)
            }
        }
    }
}

fn show(e: &Expr) -> String {
    match e {
        Lit(v) if *v < 0 => format!("({})", v),
        Lit(v) => v.to_string(),
        Neg(x) => format!("-{}", show(x)),
        Add(a, b) => format!("({} + {})", show(a), show(b)),
        Mul(a, b) => format!("{} * {}", show(a), show(b)),
        IfZero { cond, then, other } => format!("if0({}, {}, {})", show(cond), show(then), show(other)),
    }
}

fn lookup(id: u32) -> Result<Option<Inner>, String> {
    match id {
        0 => Ok(None),
        1..=9 => Ok(Some(Inner::Num(id as u8 * 30))),
        10 => Ok(Some(Inner::Text { s: "ten".into() })),
        _ => Err(format!("id {} out of range", id)),
    }
}

fn main() {
    let cases = vec![
        Outer::Single(Inner::Num(200)),
        Outer::Single(Inner::Num(7)),
        Outer::Single(Inner::Text { s: "hi".into() }),
        Outer::Single(Inner::Nothing),
        Outer::Pair(Inner::Num(250), Inner::Num(250)),
        Outer::Pair(Inner::Nothing, Inner::Nothing),
        Outer::Pair(Inner::Nothing, Inner::Num(1)),
        Outer::Maybe(Some(Inner::Text { s: "héllo".into() })),
        Outer::Maybe(Some(Inner::Num(3))),
        Outer::Maybe(None),
        Outer::Checked(Ok(Inner::Nothing)),
        Outer::Checked(Err("boom".into())),
    ];
    for c in &cases {
        println!("{}", describe(c));
    }
    println!("{:?}", cases[7]);

    let e = Add(
        Box::new(Mul(Box::new(Lit(6)), Box::new(Lit(7)))),
        Box::new(Neg(Box::new(IfZero {
            cond: Box::new(Add(Box::new(Lit(2)), Box::new(Lit(-2)))),
            then: Box::new(Lit(10)),
            other: Box::new(Lit(20)),
        }))),
    );
    println!("{} = {}", show(&e), eval(&e));

    for id in [0, 3, 10, 42] {
        match lookup(id) {
            Ok(Some(Inner::Num(n))) => println!("{}: number {}", id, n),
            Ok(Some(other)) => println!("{}: other {:?}", id, other),
            Ok(None) => println!("{}: absent", id),
            Err(msg) => println!("{}: error: {}", id, msg),
        }
    }
    let nested: Option<Option<Result<u8, Option<bool>>>> = Some(Some(Err(Some(false))));
    println!("{:?}", nested);
    if let Some(Some(Err(Some(flag)))) = nested {
        println!("flag {}", flag);
    }
}
