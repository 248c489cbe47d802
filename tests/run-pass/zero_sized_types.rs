// Checks zero-sized types: Vec<()>, arrays of ZSTs, unit structs with trait impls, PhantomData, ZST map values and empty enums in Result.
use std::collections::{BTreeMap, HashSet};
use std::convert::Infallible;
use std::marker::PhantomData;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
struct Marker;

trait Greet {
    fn hello(&self) -> &'static str;
}

impl Greet for Marker {
    fn hello(&self) -> &'static str {
        "hello from a ZST"
    }
}

struct Meters<T> {
    value: f64,
    _unit: PhantomData<T>,
}

struct Metric;

impl<T> Meters<T> {
    fn new(value: f64) -> Self {
        Meters { value, _unit: PhantomData }
    }
}

fn parse_infallible(s: &str) -> Result<String, Infallible> {
    Ok(s.to_uppercase())
}

fn main() {
    let mut units: Vec<()> = Vec::new();
    for _ in 0..1000 {
        units.push(());
    }
    println!("vec of unit len {} pop {:?}", units.len(), units.pop());
    units.truncate(10);
    units.retain(|_| true);
    println!("after truncate {} iter count {}", units.len(), units.iter().count());
    let markers = [Marker; 64];
    println!("array of ZST len {} size {}", markers.len(), std::mem::size_of_val(&markers));
    println!("{}", markers[63].hello());
    let boxed: Box<Marker> = Box::new(Marker);
    let dynamic: Box<dyn Greet> = Box::new(Marker);
    println!("{:?} {}", boxed, dynamic.hello());
    let set: HashSet<Marker> = [Marker, Marker, Marker].into_iter().collect();
    println!("set of ZST len {}", set.len());
    let mut seen: BTreeMap<&str, ()> = BTreeMap::new();
    for w in ["b", "a", "b", "c", "a"] {
        seen.insert(w, ());
    }
    println!("{:?}", seen);
    let m: Meters<Metric> = Meters::new(2.5);
    println!("value {} size {} phantom {:?}", m.value, std::mem::size_of::<Meters<Metric>>(), PhantomData::<u8>);
    let ok: Result<String, Infallible> = parse_infallible("zst");
    let Ok(s) = ok;
    println!("infallible {}", s);
    let tuples: Vec<((), Marker, [u8; 0])> = vec![((), Marker, []); 3];
    println!("{:?}", tuples);
    let empty_iter_sum: i32 = std::iter::repeat(()).take(5).map(|()| 2).sum();
    println!("repeat unit sum {}", empty_iter_sum);
    let opt: Option<()> = Some(());
    println!("{:?} {:?} {}", opt, opt.map(|()| Marker), std::mem::size_of::<Option<()>>());
    let nested: Vec<Vec<()>> = vec![vec![(); 3], vec![], vec![(); 2]];
    println!("nested total {}", nested.iter().map(Vec::len).sum::<usize>());
    println!("default {:?} cmp {:?}", Marker::default(), Marker.cmp(&Marker));
}
