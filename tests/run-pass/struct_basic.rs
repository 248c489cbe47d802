// Checks structs: named, tuple and unit structs, methods, field updates, nested structs and by-value passing.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

impl Point {
    const ORIGIN: Point = Point { x: 0, y: 0 };

    fn new(x: i32, y: i32) -> Self {
        Point { x, y }
    }

    fn manhattan(&self, other: &Point) -> i32 {
        (self.x - other.x).abs() + (self.y - other.y).abs()
    }

    fn translate(&mut self, dx: i32, dy: i32) {
        self.x += dx;
        self.y += dy;
    }

    fn scaled(self, k: i32) -> Point {
        Point { x: self.x * k, y: self.y * k }
    }
}

#[derive(Debug)]
struct Rect {
    top_left: Point,
    size: (u32, u32),
    label: String,
}

impl Rect {
    fn area(&self) -> u32 {
        self.size.0 * self.size.1
    }
    fn contains(&self, p: Point) -> bool {
        p.x >= self.top_left.x
            && p.y >= self.top_left.y
            && p.x < self.top_left.x + self.size.0 as i32
            && p.y < self.top_left.y + self.size.1 as i32
    }
}

#[derive(Debug, Default)]
struct Meters(f64);

#[derive(Debug)]
struct Marker;

struct Mixed {
    a: u8,
    b: u64,
    c: u16,
    d: bool,
}

fn sum_mixed(m: Mixed) -> u64 {
    m.a as u64 + m.b + m.c as u64 + m.d as u64
}

fn main() {
    let mut p = Point::new(3, -4);
    println!("{:?} {}", p, p.manhattan(&Point::ORIGIN));
    p.translate(10, 10);
    println!("{:?} {:?}", p, p.scaled(3));
    let q = p;
    p.x = 0;
    println!("copy: {:?} {:?} eq={}", p, q, p == q);

    let r = Rect { top_left: Point::new(1, 1), size: (4, 3), label: "box".to_string() };
    println!("{} area {}", r.label, r.area());
    println!("contains: {} {} {}", r.contains(Point::new(1, 1)), r.contains(Point::new(4, 3)), r.contains(Point::new(5, 1)));
    let r2 = Rect { label: String::from("moved"), ..r };
    println!("{:?}", r2);

    let Point { x, y: why } = q;
    println!("destructured: {} {}", x, why);
    let Meters(m) = Meters(2.5);
    println!("tuple struct: {} {:?} {:?}", m, Meters(1.0).0 + 1.0, Meters::default());
    println!("unit: {:?}", Marker);
    println!("mixed: {}", sum_mixed(Mixed { a: 200, b: 1 << 40, c: 65535, d: true }));

    let mut points: Vec<Point> = (0..4).map(|i| Point::new(i, i * i)).collect();
    for pt in points.iter_mut() {
        pt.translate(1, -1);
    }
    println!("{:?}", points);
    let far = points.iter().max_by_key(|pt| pt.manhattan(&Point::ORIGIN)).unwrap();
    println!("farthest: {:?}", far);
}
