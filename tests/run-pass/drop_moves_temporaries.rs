// Checks Drop timing for temporaries, moved values, mem::drop, mem::replace/take, Box<dyn>, closures, Rc and early returns.
use std::cell::RefCell;
use std::mem;
use std::rc::Rc;

#[derive(Default)]
struct Noisy(String);

impl Noisy {
    fn new(s: &str) -> Noisy {
        println!("  make {}", s);
        Noisy(s.to_string())
    }
    fn len(&self) -> usize {
        self.0.len()
    }
}

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("  drop {}", if self.0.is_empty() { "<empty>" } else { &self.0 });
    }
}

trait Speak {
    fn speak(&self) -> String;
}

impl Speak for Noisy {
    fn speak(&self) -> String {
        format!("I am {}", self.0)
    }
}

fn consume(n: Noisy) -> usize {
    println!("  consuming {}", n.0);
    n.len()
}

fn pass_through(n: Noisy) -> Noisy {
    println!("  passing {}", n.0);
    n
}

fn early(flag: bool) -> u32 {
    let _guard = Noisy::new("guard");
    if flag {
        println!("  returning early");
        return 1;
    }
    let _late = Noisy::new("late");
    println!("  normal return");
    2
}

fn main() {
    println!("temporary in statement:");
    let n = Noisy::new("temp").len();
    println!("  len {}", n);
    println!("temporaries in one expression:");
    let total = Noisy::new("t1").len() + Noisy::new("t2").len();
    println!("  total {}", total);
    println!("temporary in match scrutinee lives through the match:");
    match Noisy::new("scrutinee").len() {
        9 => println!("  matched nine"),
        _ => println!("  other"),
    }
    println!("move into function:");
    let m = Noisy::new("moved");
    let l = consume(m);
    println!("  consumed len {}", l);
    println!("move through function:");
    let p = pass_through(Noisy::new("through"));
    println!("  got back {}", p.0);
    drop(p);
    println!("  after explicit drop");
    println!("mem::replace and mem::take:");
    let mut slot = Noisy::new("first");
    let old = mem::replace(&mut slot, Noisy::new("second"));
    println!("  replaced, old is {}", old.0);
    drop(old);
    let taken = mem::take(&mut slot);
    println!("  took {}, slot now {:?}", taken.0, slot.0);
    drop(taken);
    drop(slot);
    println!("early return:");
    println!("  result {}", early(true));
    println!("  result {}", early(false));
    println!("box dyn:");
    {
        let speakers: Vec<Box<dyn Speak>> = vec![Box::new(Noisy::new("dyn1")), Box::new(Noisy::new("dyn2"))];
        for s in &speakers {
            println!("  {}", s.speak());
        }
    }
    println!("closure owning a value:");
    {
        let owned = Noisy::new("captured");
        let f = move || owned.len();
        println!("  closure result {}", f());
        drop(f);
        println!("  closure dropped");
    }
    println!("rc shared:");
    {
        let a = Rc::new(Noisy::new("rc"));
        let b = Rc::clone(&a);
        drop(a);
        println!("  one owner left: {}", b.0);
    }
    println!("option take:");
    let mut opt = Some(Noisy::new("optional"));
    if let Some(v) = opt.take() {
        println!("  took {}", v.0);
    }
    println!("  opt is none: {}", opt.is_none());
    println!("refcell replace:");
    let cell = RefCell::new(Noisy::new("cell-old"));
    let prev = cell.replace(Noisy::new("cell-new"));
    println!("  replaced");
    drop(prev);
    println!("into_iter partially consumed:");
    {
        let v = vec![Noisy::new("i0"), Noisy::new("i1"), Noisy::new("i2")];
        let mut it = v.into_iter();
        let first = it.next().unwrap();
        println!("  first {}", first.0);
        drop(it);
        println!("  iterator dropped");
    }
    println!("end of main");
}
