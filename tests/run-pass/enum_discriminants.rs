// Checks C-like enums: explicit and implicit discriminants, repr types, `as` casts, conversions back, many variants.
use std::convert::TryFrom;
use std::mem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Low = 10,
    Mid,
    High = 20,
    Max,
}

#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Opcode {
    Nop = 0x00,
    Load = 0x10,
    Store = 0x11,
    Jump = 0xC8,
    Halt = 0xFF,
}

impl TryFrom<u8> for Opcode {
    type Error = String;
    fn try_from(b: u8) -> Result<Self, Self::Error> {
        Ok(match b {
            0x00 => Opcode::Nop,
            0x10 => Opcode::Load,
            0x11 => Opcode::Store,
            0xC8 => Opcode::Jump,
            0xFF => Opcode::Halt,
            other => return Err(format!("bad opcode {:#04x}", other)),
        })
    }
}

#[repr(i8)]
#[derive(Debug, Clone, Copy)]
enum Sign {
    Neg = -1,
    Zero,
    Pos,
}

#[repr(u64)]
#[derive(Debug, Clone, Copy)]
enum Big {
    Small = 1,
    Huge = 1 << 40,
    Top = u64::MAX,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Letter {
    A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
}

const LETTERS: [Letter; 26] = {
    use Letter::*;
    [A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z]
};

impl Letter {
    fn is_vowel(self) -> bool {
        matches!(self, Letter::A | Letter::E | Letter::I | Letter::O | Letter::U)
    }
    fn to_char(self) -> char {
        (b'A' + self as u8) as char
    }
}

#[allow(dead_code)] // the payloads only matter for mem::discriminant
#[derive(Debug)]
enum Shape {
    Dot,
    Line(u32),
    Square(u32),
}

fn main() {
    println!("{} {} {} {}", Level::Low as i32, Level::Mid as i32, Level::High as u8, Level::Max as i64);
    println!("{:?} < {:?}: {}", Level::Mid, Level::High, Level::Mid < Level::High);
    let mut levels = vec![Level::Max, Level::Low, Level::High, Level::Mid];
    levels.sort();
    println!("{:?}", levels);

    let program = [0x10u8, 0x11, 0x00, 0xC8, 0x42, 0xFF];
    for b in program {
        match Opcode::try_from(b) {
            Ok(op) => println!("{:#04x} -> {:?} ({})", b, op, op as u8),
            Err(e) => println!("{}", e),
        }
    }
    println!("Jump as i8 = {}, Halt as u32 = {}", Opcode::Jump as i8, Opcode::Halt as u32);
    println!("size of Opcode = {}", mem::size_of::<Opcode>());

    for s in [Sign::Neg, Sign::Zero, Sign::Pos] {
        print!("{:?}={} ", s, s as i8);
    }
    println!("neg as u8 = {}", Sign::Neg as u8);
    println!("{} {} {}", Big::Small as u64, Big::Huge as u64, Big::Top as u64);
    println!("size of Big = {}", mem::size_of::<Big>());

    let word: String = [Letter::W, Letter::A, Letter::S, Letter::M].iter().map(|l| l.to_char()).collect();
    println!("{}", word);
    let vowels: Vec<Letter> = LETTERS.iter().copied().filter(|l| l.is_vowel()).collect();
    println!("{:?}", vowels);
    println!("Z = {} {:?}", Letter::Z as usize, LETTERS[25]);
    println!("max {:?}", LETTERS.iter().max());

    println!("same variant: {}", mem::discriminant(&Shape::Line(1)) == mem::discriminant(&Shape::Line(99)));
    println!("different variant: {}", mem::discriminant(&Shape::Line(1)) == mem::discriminant(&Shape::Square(1)));
    println!("{:?}", [Shape::Dot, Shape::Line(2), Shape::Square(3)]);
}
