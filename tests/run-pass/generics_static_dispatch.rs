// Checks generics with static dispatch: bounded functions, generic structs/impls, blanket impls, const generics and trait-generic methods.
use std::fmt::Display;
use std::ops::{Add, Mul};

trait Describe {
    fn describe(&self) -> String;
}

impl Describe for i32 {
    fn describe(&self) -> String {
        format!("int {}", self)
    }
}

impl Describe for String {
    fn describe(&self) -> String {
        format!("string of {} bytes", self.len())
    }
}

impl<T: Describe> Describe for Vec<T> {
    fn describe(&self) -> String {
        let inner: Vec<String> = self.iter().map(|x| x.describe()).collect();
        format!("vec[{}]", inner.join(", "))
    }
}

impl<T: Describe> Describe for Option<T> {
    fn describe(&self) -> String {
        match self {
            Some(x) => format!("some {}", x.describe()),
            None => "nothing".to_string(),
        }
    }
}

trait Loud {
    fn loud(&self) -> String;
}

// blanket impl for every Display type
impl<T: Display + ?Sized> Loud for T {
    fn loud(&self) -> String {
        self.to_string().to_uppercase() + "!"
    }
}

fn largest<T: PartialOrd + Copy>(items: &[T]) -> T {
    let mut best = items[0];
    for &x in items {
        if x > best {
            best = x;
        }
    }
    best
}

fn dot<T>(a: &[T], b: &[T]) -> T
where
    T: Copy + Default + Add<Output = T> + Mul<Output = T>,
{
    a.iter().zip(b).fold(T::default(), |acc, (&x, &y)| acc + x * y)
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Vec2<T> {
    x: T,
    y: T,
}

impl<T: Add<Output = T>> Add for Vec2<T> {
    type Output = Vec2<T>;
    fn add(self, o: Self) -> Self {
        Vec2 { x: self.x + o.x, y: self.y + o.y }
    }
}

impl<T: Copy + Mul<Output = T> + Add<Output = T>> Vec2<T> {
    fn len_sq(&self) -> T {
        self.x * self.x + self.y * self.y
    }
}

impl Vec2<f64> {
    fn len(&self) -> f64 {
        self.len_sq().sqrt()
    }
}

struct Stack<T, const N: usize> {
    items: [Option<T>; N],
    top: usize,
}

impl<T: Copy + std::fmt::Debug, const N: usize> Stack<T, N> {
    fn new() -> Self {
        Stack { items: [None; N], top: 0 }
    }
    fn push(&mut self, v: T) -> Result<(), T> {
        if self.top == N {
            return Err(v);
        }
        self.items[self.top] = Some(v);
        self.top += 1;
        Ok(())
    }
    fn pop(&mut self) -> Option<T> {
        if self.top == 0 {
            return None;
        }
        self.top -= 1;
        self.items[self.top].take()
    }
    fn capacity(&self) -> usize {
        N
    }
}

fn sum_array<const N: usize>(arr: [u32; N]) -> u32 {
    arr.iter().sum::<u32>() + N as u32 * 1000
}

fn type_name_of<T>(_: &T) -> &'static str {
    std::any::type_name::<T>()
}

fn pair_up<A: Clone, B: Clone>(a: &A, b: &B) -> (A, B) {
    (a.clone(), b.clone())
}

fn main() {
    println!("{}", 7.describe());
    println!("{}", String::from("héllo").describe());
    println!("{}", vec![Some(1), None, Some(3)].describe());
    println!("{}", vec![vec![String::from("ab")], vec![]].describe());
    println!("{} {} {}", "hey".loud(), 42.loud(), 'x'.loud());
    println!("largest {} {} {:?}", largest(&[3, 9, 2]), largest(&[1.5, -2.0]), largest(&['q', 'z', 'a']));
    println!("dot {} {}", dot(&[1, 2, 3], &[4, 5, 6]), dot(&[0.5, 1.5], &[2.0, 4.0]));
    let a = Vec2 { x: 1, y: 2 };
    let b = Vec2 { x: 10, y: 20 };
    println!("{:?} len_sq {}", a + b, (a + b).len_sq());
    let f = Vec2 { x: 3.0, y: 4.0 };
    println!("{:?} len {}", f + f, f.len());
    let mut s: Stack<u8, 3> = Stack::new();
    for v in 1..=4 {
        match s.push(v * 10) {
            Ok(()) => println!("pushed {}", v * 10),
            Err(v) => println!("full, rejected {} (capacity {})", v, s.capacity()),
        }
    }
    println!("{:?} {:?} {:?} {:?}", s.pop(), s.pop(), s.pop(), s.pop());
    println!("sum_array {} {}", sum_array([1, 2, 3]), sum_array([]));
    println!("{} {}", type_name_of(&1u16), type_name_of(&Some(1u8)));
    println!("{:?}", pair_up(&"a", &vec![1]));
    let parsed: Vec<u64> = "1 2 3".split(' ').map(|s| s.parse().unwrap()).collect();
    let total = parsed.iter().copied().sum::<u64>();
    println!("turbofish {} {}", total, "5".parse::<i8>().unwrap() + 1);
}
