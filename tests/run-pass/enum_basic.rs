// Checks data-carrying enums: construction, methods, matching on variants with fields, and enums in collections.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Circle { r: f64 },
    Rect { w: f64, h: f64 },
    Triangle(f64, f64, f64),
    Empty,
}

impl Shape {
    fn area(&self) -> f64 {
        match self {
            Shape::Circle { r } => 3.0 * r * r,
            Shape::Rect { w, h } => w * h,
            Shape::Triangle(a, b, c) => {
                let s = (a + b + c) / 2.0;
                (s * (s - a) * (s - b) * (s - c)).sqrt()
            }
            Shape::Empty => 0.0,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Shape::Circle { .. } => "circle",
            Shape::Rect { w, h } if w == h => "square",
            Shape::Rect { .. } => "rect",
            Shape::Triangle(..) => "triangle",
            Shape::Empty => "empty",
        }
    }
}

#[derive(Debug)]
enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(String),
    Color(u8, u8, u8),
}

fn process(msgs: Vec<Message>) -> (i32, i32, String) {
    let (mut x, mut y) = (0, 0);
    let mut log = String::new();
    for m in msgs {
        match m {
            Message::Quit => {
                log.push_str("quit;");
                break;
            }
            Message::Move { x: dx, y: dy } => {
                x += dx;
                y += dy;
            }
            Message::Write(s) => {
                log.push_str(&s);
                log.push(';');
            }
            Message::Color(r, g, b) => log.push_str(&format!("#{:02x}{:02x}{:02x};", r, g, b)),
        }
    }
    (x, y, log)
}

fn main() {
    let shapes = vec![
        Shape::Circle { r: 2.0 },
        Shape::Rect { w: 3.0, h: 4.0 },
        Shape::Rect { w: 2.0, h: 2.0 },
        Shape::Triangle(3.0, 4.0, 5.0),
        Shape::Empty,
    ];
    for s in &shapes {
        println!("{} {:?} area={}", s.name(), s, s.area());
    }
    let total: f64 = shapes.iter().map(Shape::area).sum();
    println!("total area {}", total);
    println!("eq: {} {}", shapes[1] == Shape::Rect { w: 3.0, h: 4.0 }, shapes[0] == shapes[4]);
    let cloned = shapes[3].clone();
    if let Shape::Triangle(a, _, c) = cloned {
        println!("triangle sides {} {}", a, c);
    }

    let msgs = vec![
        Message::Move { x: 3, y: 4 },
        Message::Write("hello".to_string()),
        Message::Color(255, 128, 0),
        Message::Move { x: -1, y: 10 },
        Message::Quit,
        Message::Write("ignored".to_string()),
    ];
    println!("{:?}", msgs[2]);
    println!("{:?}", process(msgs));
    let maybe: Vec<Option<Shape>> = vec![None, Some(Shape::Empty)];
    println!("{:?}", maybe);
}
