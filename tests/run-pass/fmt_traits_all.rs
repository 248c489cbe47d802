// Checks every formatting trait (Display, Debug, LowerHex, UpperHex, Octal, Binary, LowerExp, UpperExp) on builtins and custom impls.
use std::fmt;

struct Color(u8, u8, u8);

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "rgb({}, {}, {})", self.0, self.1, self.2)
    }
}

impl fmt::LowerHex for Color {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if f.alternate() {
            f.write_str("#")?;
        }
        write!(f, "{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

impl fmt::UpperHex for Color {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let v = ((self.0 as u32) << 16) | ((self.1 as u32) << 8) | self.2 as u32;
        fmt::UpperHex::fmt(&v, f)
    }
}

struct Mask(u16);

impl fmt::Binary for Mask {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Binary::fmt(&self.0, f)
    }
}

impl fmt::Octal for Mask {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "mode {:o}", self.0)
    }
}

struct Quantity(f64);

impl fmt::LowerExp for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match f.precision() {
            Some(p) => write!(f, "{:.*e} units", p, self.0),
            None => write!(f, "{:e} units", self.0),
        }
    }
}

impl fmt::UpperExp for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::UpperExp::fmt(&self.0, f)
    }
}

impl fmt::Debug for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_tuple("Quantity").field(&self.0).finish()
    }
}

fn main() {
    let c = Color(255, 128, 7);
    println!("{} | {:x} | {:#x} | {:X} | {:#010X}", c, c, c, c, c);
    let m = Mask(0b1010_0101);
    println!("{:b} | {:#b} | {:016b} | {:#018b} | {:o}", m, m, m, m, m);
    let q = Quantity(1234.5);
    println!("{:e} | {:.2e} | {:E} | {:12.1E}| {:?}", q, q, q, q, q);
    println!("{:e} {:E} {:e} {:e}", 1234567u32, 1200i64, 0.00042f32, -5e-10f64);
    println!("{:e} {:.3e} {:e}", u64::MAX, 12345678u64, 100u8);
    println!("{:x} {:X} {:o} {:b}", 3735928559u32, 3735928559u32, 511u16, 10u8);
    println!("{:#x} {:#o} {:#b}", -1i16, -8i8, -1i8);
    println!("{:x} {:b}", i128::MAX, u16::MAX);
    println!("{:?} {:?} {:?} {:?}", 'a', "s\"q", 1.0f32, [Some("x"), None]);
    println!("{:x?} {:#X?}", vec![255, 16], (10u8, 11u8));
    let p: Option<&u8> = None;
    println!("{:?}", p);
}
