// Checks associated types and associated consts in traits and impls, including defaults, generic use and operator traits.
use std::ops::{Index, IndexMut, Neg};

trait Container {
    type Item;
    const KIND: &'static str;
    const MAX_ITEMS: usize = 4;
    fn items(&self) -> Vec<Self::Item>;
    fn first(&self) -> Option<Self::Item> {
        self.items().into_iter().next()
    }
}

struct Digits(u64);
struct Words(String);

impl Container for Digits {
    type Item = u8;
    const KIND: &'static str = "digits";
    fn items(&self) -> Vec<u8> {
        self.0.to_string().bytes().map(|b| b - b'0').collect()
    }
}

impl Container for Words {
    type Item = String;
    const KIND: &'static str = "words";
    const MAX_ITEMS: usize = 2;
    fn items(&self) -> Vec<String> {
        self.0.split_whitespace().map(String::from).collect()
    }
}

fn summarize<C: Container>(c: &C) -> String
where
    C::Item: std::fmt::Debug,
{
    let items = c.items();
    let shown: Vec<_> = items.iter().take(C::MAX_ITEMS).collect();
    format!("{} ({} items, max {}): {:?} first={:?}", C::KIND, items.len(), C::MAX_ITEMS, shown, c.first())
}

trait Unit {
    const FACTOR: f64;
    const SYMBOL: char;
}
struct Meters;
struct Feet;
impl Unit for Meters {
    const FACTOR: f64 = 1.0;
    const SYMBOL: char = 'm';
}
impl Unit for Feet {
    const FACTOR: f64 = 0.3048;
    const SYMBOL: char = 'f';
}

fn convert<From: Unit, To: Unit>(v: f64) -> String {
    format!("{}{} = {:.3}{}", v, From::SYMBOL, v * From::FACTOR / To::FACTOR, To::SYMBOL)
}

struct Grid {
    w: usize,
    cells: Vec<i32>,
}

impl Grid {
    const EMPTY: i32 = -1;
    fn new(w: usize, h: usize) -> Self {
        Grid { w, cells: vec![Self::EMPTY; w * h] }
    }
}

impl Index<(usize, usize)> for Grid {
    type Output = i32;
    fn index(&self, (r, c): (usize, usize)) -> &i32 {
        &self.cells[r * self.w + c]
    }
}

impl IndexMut<(usize, usize)> for Grid {
    fn index_mut(&mut self, (r, c): (usize, usize)) -> &mut i32 {
        &mut self.cells[r * self.w + c]
    }
}

#[derive(Debug, Clone, Copy)]
struct Money(i64);

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

struct Countdown(u32);

impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.0 == 0 {
            None
        } else {
            self.0 -= 1;
            Some(self.0 + 1)
        }
    }
}

fn sum_all<I>(it: I) -> u64
where
    I: Iterator,
    I::Item: Into<u64>,
{
    it.map(Into::into).sum()
}

struct Bits;
impl Bits {
    const WIDTH: u32 = u32::BITS;
    const MASK: u32 = (1 << (Self::WIDTH / 2)) - 1;
}

fn main() {
    println!("{}", summarize(&Digits(9075312)));
    println!("{}", summarize(&Words("associated types are neat".into())));
    println!("{}", summarize(&Words(String::new())));
    println!("{}", convert::<Feet, Meters>(10.0));
    println!("{}", convert::<Meters, Feet>(1.0));
    let mut g = Grid::new(3, 2);
    g[(1, 2)] = 7;
    g[(0, 0)] += 10;
    println!("{:?} {} {}", g.cells, g[(1, 2)], Grid::EMPTY);
    println!("{:?}", -Money(250));
    println!("{:?} sum {}", Countdown(4).collect::<Vec<_>>(), sum_all(Countdown(100)));
    println!("sum u8s {}", sum_all([200u8, 100, 50].into_iter()));
    println!("{} {:#x}", Bits::WIDTH, Bits::MASK);
    println!("{} {} {}", <Digits as Container>::KIND, Digits::MAX_ITEMS, <Words as Container>::MAX_ITEMS);
    println!("{} {}", i16::MAX, <u8 as TryFrom<i32>>::try_from(300).is_err());
}
