// Checks derived Debug in compact `{:?}` and pretty `{:#?}` form for nested structs, enums, tuples, maps and collections.
// The fields exist only to be printed by the derived Debug impls.
#![allow(dead_code)]
use std::collections::BTreeMap;

#[derive(Debug)]
struct Unit;

#[derive(Debug)]
struct Wrapper(i32, &'static str);

#[derive(Debug)]
enum Status {
    Active,
    Suspended { reason: String, days: u16 },
    Deleted(Option<u32>),
}

#[derive(Debug)]
struct User {
    id: u64,
    name: String,
    tags: Vec<&'static str>,
    status: Status,
    score: f32,
    location: (f64, f64),
    extra: Option<Box<User>>,
}

fn main() {
    println!("{:?} {:#?}", Unit, Unit);
    println!("{:?}", Wrapper(-1, "w"));
    println!("{:#?}", Wrapper(7, "pretty"));
    let u = User {
        id: 1,
        name: "Ann \"the\" Admin".to_string(),
        tags: vec!["root", "ops"],
        status: Status::Suspended { reason: "audit".into(), days: 3 },
        score: 9.5,
        location: (51.5, -0.25),
        extra: Some(Box::new(User {
            id: 2,
            name: "Bo".into(),
            tags: vec![],
            status: Status::Deleted(None),
            score: 0.0,
            location: (0.0, 0.0),
            extra: None,
        })),
    };
    println!("{:?}", u);
    println!("{:#?}", u);
    println!("{:?} {:#?}", Status::Active, Status::Deleted(Some(4)));
    let mut m = BTreeMap::new();
    m.insert("k1", vec![1, 2]);
    m.insert("k2", vec![]);
    println!("{:?}", m);
    println!("{:#?}", m);
    println!("{:#?}", (1, "two", [3.0, 4.5]));
    println!("{:#?}", Vec::<u8>::new());
    println!("{:#?}", Some(Some(())));
}
