// Checks #[repr(C)] struct layout via offsets, unions (type punning, tagged unions), and repr(C) enums passed by value.
use std::mem::{align_of, size_of};

#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
struct Vertex {
    x: f32,
    y: f32,
    color: [u8; 4],
    id: u16,
}

#[repr(C)]
union IntOrFloat {
    i: u32,
    f: f32,
    bytes: [u8; 4],
}

#[repr(C)]
union Wide {
    small: u8,
    big: u64,
    pair: [u32; 2],
}

#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Int = 1,
    Float = 2,
}

#[repr(C)]
struct Tagged {
    kind: Kind,
    payload: IntOrFloat,
}

impl Tagged {
    fn describe(&self) -> String {
        // SAFETY: `kind` records which union field was written.
        unsafe {
            match self.kind {
                Kind::Int => format!("int {}", self.payload.i),
                Kind::Float => format!("float {}", self.payload.f),
            }
        }
    }
}

#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Command {
    Stop,
    Move { dx: i32, dy: i32 },
    Say(u8),
}

fn offset_of_fields(v: &Vertex) -> [usize; 4] {
    let base = v as *const Vertex as usize;
    [
        &v.x as *const f32 as usize - base,
        &v.y as *const f32 as usize - base,
        v.color.as_ptr() as usize - base,
        &v.id as *const u16 as usize - base,
    ]
}

fn apply(cmds: &[Command]) -> (i32, i32, String) {
    let (mut x, mut y, mut said) = (0, 0, String::new());
    for &c in cmds {
        match c {
            Command::Stop => break,
            Command::Move { dx, dy } => {
                x += dx;
                y += dy;
            }
            Command::Say(ch) => said.push(ch as char),
        }
    }
    (x, y, said)
}

fn main() {
    let v = Vertex { x: 1.5, y: -2.0, color: [255, 0, 128, 255], id: 42 };
    println!("{:?}", v);
    println!("offsets {:?} size {} align {}", offset_of_fields(&v), size_of::<Vertex>(), align_of::<Vertex>());
    println!("offset_of! {} {} {}", std::mem::offset_of!(Vertex, y), std::mem::offset_of!(Vertex, color), std::mem::offset_of!(Vertex, id));
    println!("default {:?}", Vertex::default());

    let u = IntOrFloat { f: 1.0 };
    // SAFETY: all fields are plain 4-byte data, any bit pattern is valid.
    unsafe {
        println!("float bits {:#010x} bytes {:?}", u.i, u.bytes);
    }
    let mut u2 = IntOrFloat { i: 0 };
    u2.bytes = [0, 0, 0x80, 0xbf];
    unsafe {
        println!("from bytes {}", u2.f);
        u2.i += 1;
        println!("next float after -1.0: {:e}", u2.f);
    }
    println!("union size {} align {}", size_of::<IntOrFloat>(), align_of::<IntOrFloat>());
    let mut w = Wide { big: 0 };
    w.small = 0xff;
    unsafe {
        println!("wide {:#x} pair {:?}", w.big, w.pair);
        w.pair = [1, 2];
        println!("wide from pair {:#x}", w.big);
    }
    println!("wide size {}", size_of::<Wide>());

    let values = [Tagged { kind: Kind::Int, payload: IntOrFloat { i: 7 } }, Tagged { kind: Kind::Float, payload: IntOrFloat { f: 0.25 } }];
    for t in &values {
        println!("{}", t.describe());
    }
    println!("kind as u8 {} {}", Kind::Int as u8, Kind::Float as u8);
    let cmds = [Command::Move { dx: 3, dy: -1 }, Command::Say(b'h'), Command::Say(b'i'), Command::Move { dx: -10, dy: 5 }, Command::Stop, Command::Say(b'x')];
    println!("{:?}", apply(&cmds));
    println!("command eq {} {}", cmds[1] == Command::Say(b'h'), cmds[0] == Command::Stop);
}
