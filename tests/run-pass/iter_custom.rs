// Checks custom Iterator impls: stateful generators, DoubleEndedIterator, ExactSizeIterator, IntoIterator for own types, and adapters on them.
struct Fib {
    a: u64,
    b: u64,
}

impl Iterator for Fib {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        let r = self.a;
        let next = self.a.checked_add(self.b)?;
        self.a = self.b;
        self.b = next;
        Some(r)
    }
}

// Iterates a closed integer range from both ends.
struct Span {
    lo: i32,
    hi: i32,
}

impl Iterator for Span {
    type Item = i32;
    fn next(&mut self) -> Option<i32> {
        if self.lo > self.hi {
            return None;
        }
        self.lo += 1;
        Some(self.lo - 1)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = if self.lo > self.hi { 0 } else { (self.hi - self.lo + 1) as usize };
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Span {
    fn next_back(&mut self) -> Option<i32> {
        if self.lo > self.hi {
            return None;
        }
        self.hi -= 1;
        Some(self.hi + 1)
    }
}

impl ExactSizeIterator for Span {}

struct Playlist {
    songs: Vec<String>,
}

impl IntoIterator for Playlist {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;
    fn into_iter(self) -> Self::IntoIter {
        self.songs.into_iter()
    }
}

impl<'a> IntoIterator for &'a Playlist {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.songs.iter()
    }
}

// Binary tree with an in-order iterator using an explicit stack.
enum Tree {
    Leaf,
    Node(Box<Tree>, i32, Box<Tree>),
}

impl Tree {
    fn insert(self, v: i32) -> Tree {
        match self {
            Tree::Leaf => Tree::Node(Box::new(Tree::Leaf), v, Box::new(Tree::Leaf)),
            Tree::Node(l, x, r) => {
                if v < x {
                    Tree::Node(Box::new(l.insert(v)), x, r)
                } else {
                    Tree::Node(l, x, Box::new(r.insert(v)))
                }
            }
        }
    }
    fn iter(&self) -> InOrder<'_> {
        let mut it = InOrder { stack: Vec::new() };
        it.push_left(self);
        it
    }
}

struct InOrder<'a> {
    stack: Vec<&'a Tree>,
}

impl<'a> InOrder<'a> {
    fn push_left(&mut self, mut t: &'a Tree) {
        while let Tree::Node(l, _, _) = t {
            self.stack.push(t);
            t = l;
        }
    }
}

impl<'a> Iterator for InOrder<'a> {
    type Item = i32;
    fn next(&mut self) -> Option<i32> {
        let node = self.stack.pop()?;
        if let Tree::Node(_, v, r) = node {
            self.push_left(r);
            Some(*v)
        } else {
            None
        }
    }
}

struct Primes {
    found: Vec<u32>,
}

impl Iterator for Primes {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        let mut c = self.found.last().map_or(2, |&p| p + 1);
        while self.found.iter().take_while(|&&p| p * p <= c).any(|&p| c % p == 0) {
            c += 1;
        }
        self.found.push(c);
        Some(c)
    }
}

fn main() {
    println!("fib {:?}", Fib { a: 0, b: 1 }.take(12).collect::<Vec<_>>());
    println!("fib count until overflow {}", Fib { a: 0, b: 1 }.count());
    println!("fib last {:?}", Fib { a: 0, b: 1 }.last());
    println!("even fib sum {}", Fib { a: 1, b: 2 }.take_while(|&x| x < 4_000_000).filter(|x| x % 2 == 0).sum::<u64>());
    let s = Span { lo: 1, hi: 6 };
    println!("span len {}", s.len());
    println!("span rev {:?}", Span { lo: 1, hi: 6 }.rev().collect::<Vec<_>>());
    let mut both = Span { lo: 1, hi: 6 };
    println!("ends {:?} {:?} {:?} {:?} len {}", both.next(), both.next_back(), both.next(), both.next_back(), both.len());
    println!("rest {:?}", both.collect::<Vec<_>>());
    println!("zip with rev {:?}", Span { lo: 0, hi: 3 }.zip(Span { lo: 0, hi: 3 }.rev()).collect::<Vec<_>>());
    let p = Playlist { songs: vec!["intro".into(), "verse".into(), "outro".into()] };
    for (i, song) in (&p).into_iter().enumerate() {
        println!("  {}. {}", i + 1, song);
    }
    let mut lengths = 0;
    for song in &p {
        lengths += song.len();
    }
    println!("total length {}", lengths);
    let upper: Vec<String> = p.into_iter().map(|s| s.to_uppercase()).collect();
    println!("{:?}", upper);
    let tree = [50, 30, 70, 20, 40, 60, 80, 35].iter().fold(Tree::Leaf, |t, &v| t.insert(v));
    println!("in-order {:?}", tree.iter().collect::<Vec<_>>());
    println!("tree sum {} max {:?}", tree.iter().sum::<i32>(), tree.iter().max());
    println!("primes {:?}", Primes { found: vec![] }.take(15).collect::<Vec<_>>());
    println!("1000th prime {:?}", Primes { found: vec![] }.nth(999));
    let squares = std::iter::from_fn({
        let mut n = 0u32;
        move || {
            n += 1;
            if n <= 5 { Some(n * n) } else { None }
        }
    });
    println!("from_fn {:?}", squares.collect::<Vec<_>>());
}
