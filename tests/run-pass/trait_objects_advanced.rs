// Checks advanced trait objects: upcasting to supertraits, ?Sized generics over dyn, generic methods with `where Self: Sized`, inherent impls on dyn and dyn in maps.
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::rc::Rc;

trait Base: Debug {
    fn id(&self) -> u32;
    fn kind(&self) -> String {
        format!("base#{}", self.id())
    }
}

trait Derived: Base {
    fn extra(&self) -> i64;
    fn boxed_clone(&self) -> Box<dyn Derived>;
    fn with_offset<T: Into<i64>>(&self, t: T) -> i64
    where
        Self: Sized,
    {
        self.extra() + t.into()
    }
}

#[derive(Debug, Clone)]
struct Alpha {
    n: u32,
}

#[derive(Debug, Clone)]
struct Beta {
    n: u32,
    weight: i64,
}

impl Base for Alpha {
    fn id(&self) -> u32 {
        self.n
    }
}

impl Base for Beta {
    fn id(&self) -> u32 {
        self.n * 100
    }
    fn kind(&self) -> String {
        format!("beta#{}w{}", self.id(), self.weight)
    }
}

impl Derived for Alpha {
    fn extra(&self) -> i64 {
        -(self.n as i64)
    }
    fn boxed_clone(&self) -> Box<dyn Derived> {
        Box::new(self.clone())
    }
}

impl Derived for Beta {
    fn extra(&self) -> i64 {
        self.weight * 2
    }
    fn boxed_clone(&self) -> Box<dyn Derived> {
        Box::new(Beta { n: self.n + 1, weight: self.weight })
    }
}

impl dyn Derived {
    fn summary(&self) -> String {
        format!("{} extra={}", self.kind(), self.extra())
    }
}

fn describe_base(b: &dyn Base) -> String {
    format!("{:?} -> {}", b, b.kind())
}

fn generic_unsized<T: Base + ?Sized>(t: &T) -> u32 {
    t.id() + 1
}

fn total_extra(items: &[Box<dyn Derived>]) -> i64 {
    items.iter().map(|d| d.extra()).sum()
}

fn main() {
    let items: Vec<Box<dyn Derived>> = vec![Box::new(Alpha { n: 3 }), Box::new(Beta { n: 2, weight: 7 }), Box::new(Alpha { n: 9 })];
    for d in &items {
        println!("{}", d.summary());
    }
    for d in &items {
        let as_base: &dyn Base = d.as_ref();
        println!("upcast {}", describe_base(as_base));
    }
    let boxed_base: Box<dyn Base> = items[1].boxed_clone();
    println!("upcast box {} {:?}", boxed_base.kind(), boxed_base);
    let rc_derived: Rc<dyn Derived> = Rc::new(Beta { n: 5, weight: -1 });
    let rc_base: Rc<dyn Base> = rc_derived.clone();
    println!("upcast rc {} {} count {}", rc_base.kind(), rc_derived.summary(), Rc::strong_count(&rc_base));
    println!("?Sized {} {} {}", generic_unsized(&Alpha { n: 1 }), generic_unsized(items[0].as_ref() as &dyn Base), generic_unsized(rc_base.as_ref()));
    println!("where Self: Sized {} {}", Alpha { n: 4 }.with_offset(10i32), Beta { n: 1, weight: 3 }.with_offset(100u8));
    let clones: Vec<Box<dyn Derived>> = items.iter().map(|d| d.boxed_clone()).collect();
    println!("clones {:?}", clones.iter().map(|c| c.id()).collect::<Vec<_>>());
    println!("total extra {} {}", total_extra(&items), total_extra(&clones));
    let mut registry: BTreeMap<String, Box<dyn Base>> = BTreeMap::new();
    for d in clones {
        registry.insert(d.kind(), d);
    }
    println!("registry keys {:?}", registry.keys().collect::<Vec<_>>());
    let best = registry.values().max_by_key(|b| b.id()).unwrap();
    println!("max id {:?}", best);
    let refs: Vec<&dyn Debug> = vec![&1u8, &"two", &3.5f32, &Alpha { n: 0 }];
    println!("{:?}", refs);
}
