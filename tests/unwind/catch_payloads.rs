// catch_unwind of panics with string, formatted and custom payloads, and resume_unwind.
use std::any::Any;
use std::panic;

#[derive(Debug)]
struct Custom {
    code: u32,
    why: &'static str,
}

fn describe(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        format!("&str {s:?}")
    } else if let Some(s) = payload.downcast_ref::<String>() {
        format!("String {s:?}")
    } else if let Some(c) = payload.downcast_ref::<Custom>() {
        format!("Custom {c:?}")
    } else if let Some(n) = payload.downcast_ref::<i64>() {
        format!("i64 {n}")
    } else {
        "unknown".to_owned()
    }
}

fn main() {
    panic::set_hook(Box::new(|_| {}));
    let results = [
        panic::catch_unwind(|| -> i32 { panic!("a literal") }),
        panic::catch_unwind(|| -> i32 { panic!("formatted {} {}", 6 * 7, "x") }),
        panic::catch_unwind(|| -> i32 { panic::panic_any(Custom { code: 7, why: "custom" }) }),
        panic::catch_unwind(|| -> i32 { panic::resume_unwind(Box::new(-5i64)) }),
        panic::catch_unwind(|| 12),
    ];
    for (i, result) in results.iter().enumerate() {
        match result {
            Ok(v) => println!("{i}: returned {v}"),
            Err(payload) => println!("{i}: caught {}", describe(payload.as_ref())),
        }
    }
    // A payload caught, carried and resumed: it arrives intact at the outer catch.
    let outer = panic::catch_unwind(|| {
        let inner = panic::catch_unwind(|| panic!("{}", String::from("carried")));
        println!("inner caught: {}", inner.is_err());
        if let Err(payload) = inner {
            panic::resume_unwind(payload);
        }
    });
    println!("outer: {}", describe(outer.unwrap_err().as_ref()));
    // Arithmetic overflow and an out-of-bounds index panic through core.
    let v = vec![1, 2, 3];
    let index = std::hint::black_box(7);
    let oob = panic::catch_unwind(|| v[index]);
    println!("index: {}", describe(oob.unwrap_err().as_ref()));
    let big = std::hint::black_box(i32::MAX);
    let overflow = panic::catch_unwind(|| big + 1);
    println!("overflow: {}", describe(overflow.unwrap_err().as_ref()));
}
