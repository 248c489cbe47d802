// Checks trait objects and vtables: several impls behind &dyn, Box<dyn>, Rc<dyn>, supertraits, default methods and dyn Any downcasts.
use std::any::Any;
use std::fmt;
use std::rc::Rc;

trait Named {
    fn name(&self) -> String;
}

trait Shape: Named + fmt::Debug {
    fn area(&self) -> f64;
    fn perimeter(&self) -> f64;
    // default method calling required methods through the vtable
    fn describe(&self) -> String {
        format!("{} with area {:.2} and perimeter {:.2}", self.name(), self.area(), self.perimeter())
    }
    fn scale(&mut self, k: f64);
}

#[derive(Debug)]
struct Circle {
    r: f64,
}

#[derive(Debug)]
struct Rect {
    w: f64,
    h: f64,
}

#[derive(Debug)]
struct Triangle {
    a: f64,
    b: f64,
    c: f64,
}

impl Named for Circle {
    fn name(&self) -> String {
        "circle".into()
    }
}
impl Named for Rect {
    fn name(&self) -> String {
        if self.w == self.h { "square".into() } else { "rect".into() }
    }
}
impl Named for Triangle {
    fn name(&self) -> String {
        "triangle".into()
    }
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.r * self.r
    }
    fn perimeter(&self) -> f64 {
        2.0 * std::f64::consts::PI * self.r
    }
    fn scale(&mut self, k: f64) {
        self.r *= k;
    }
}

impl Shape for Rect {
    fn area(&self) -> f64 {
        self.w * self.h
    }
    fn perimeter(&self) -> f64 {
        2.0 * (self.w + self.h)
    }
    fn describe(&self) -> String {
        format!("{}x{} {}", self.w, self.h, self.name())
    }
    fn scale(&mut self, k: f64) {
        self.w *= k;
        self.h *= k;
    }
}

impl Shape for Triangle {
    fn area(&self) -> f64 {
        let s = self.perimeter() / 2.0;
        (s * (s - self.a) * (s - self.b) * (s - self.c)).sqrt()
    }
    fn perimeter(&self) -> f64 {
        self.a + self.b + self.c
    }
    fn scale(&mut self, k: f64) {
        self.a *= k;
        self.b *= k;
        self.c *= k;
    }
}

trait Greet {
    fn greet(&self) -> String {
        format!("hello from {}", self.who())
    }
    fn who(&self) -> &'static str;
}

struct English;
struct Pirate;

impl Greet for English {
    fn who(&self) -> &'static str {
        "england"
    }
}
impl Greet for Pirate {
    fn who(&self) -> &'static str {
        "the seven seas"
    }
    fn greet(&self) -> String {
        "ahoy!".to_string()
    }
}

fn total_area(shapes: &[Box<dyn Shape>]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}

fn print_named(n: &dyn Named) {
    println!("named: {}", n.name());
}

fn largest(shapes: &[Box<dyn Shape>]) -> &dyn Shape {
    shapes.iter().max_by(|a, b| a.area().partial_cmp(&b.area()).unwrap()).unwrap().as_ref()
}

fn inspect(value: &dyn Any) -> String {
    if let Some(i) = value.downcast_ref::<i32>() {
        format!("i32 {}", i)
    } else if let Some(s) = value.downcast_ref::<String>() {
        format!("string {:?}", s)
    } else if value.is::<Rect>() {
        "a rect".to_string()
    } else {
        "unknown".to_string()
    }
}

fn main() {
    let mut shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(Circle { r: 1.0 }),
        Box::new(Rect { w: 3.0, h: 4.0 }),
        Box::new(Triangle { a: 3.0, b: 4.0, c: 5.0 }),
        Box::new(Rect { w: 2.0, h: 2.0 }),
    ];
    for s in &shapes {
        println!("{}", s.describe());
    }
    println!("total area {:.4}", total_area(&shapes));
    for s in shapes.iter_mut() {
        s.scale(2.0);
    }
    println!("scaled total area {:.4}", total_area(&shapes));
    println!("largest: {:?}", largest(&shapes));
    print_named(shapes[2].as_ref());
    print_named(&Circle { r: 0.5 });

    let shared: Vec<Rc<dyn Shape>> = vec![Rc::new(Rect { w: 1.0, h: 5.0 }), Rc::new(Circle { r: 2.0 })];
    let alias = Rc::clone(&shared[1]);
    println!("rc count {} area {:.3} {}", Rc::strong_count(&shared[1]), alias.area(), alias.describe());

    let greeters: [&dyn Greet; 2] = [&English, &Pirate];
    for g in greeters {
        println!("{}", g.greet());
    }
    let boxed_any: Vec<Box<dyn Any>> = vec![Box::new(5i32), Box::new(String::from("s")), Box::new(Rect { w: 1.0, h: 1.0 }), Box::new(1.5f32)];
    for v in &boxed_any {
        println!("{}", inspect(v.as_ref()));
    }
    let d: Box<dyn fmt::Display> = Box::new(42u8);
    let dd: &dyn fmt::Debug = &"dbg";
    println!("{} {:?}", d, dd);
}
