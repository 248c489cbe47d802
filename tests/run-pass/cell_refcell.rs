// Checks Cell and RefCell interior mutability: get/set/replace/take, borrow tracking, try_borrow errors and shared mutable graphs.
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

struct Counter {
    hits: Cell<u32>,
    log: RefCell<Vec<String>>,
}

impl Counter {
    fn hit(&self, who: &str) {
        self.hits.set(self.hits.get() + 1);
        self.log.borrow_mut().push(format!("{}#{}", who, self.hits.get()));
    }
}

struct Memo {
    cache: RefCell<HashMap<u64, u64>>,
    misses: Cell<usize>,
}

impl Memo {
    fn fib(&self, n: u64) -> u64 {
        if n < 2 {
            return n;
        }
        if let Some(&v) = self.cache.borrow().get(&n) {
            return v;
        }
        self.misses.set(self.misses.get() + 1);
        let v = self.fib(n - 1) + self.fib(n - 2);
        self.cache.borrow_mut().insert(n, v);
        v
    }
}

#[derive(Debug)]
struct Account {
    balance: RefCell<i64>,
}

fn transfer(from: &Account, to: &Account, amount: i64) -> Result<(), String> {
    let mut f = from.balance.borrow_mut();
    if *f < amount {
        return Err(format!("insufficient: {} < {}", f, amount));
    }
    *f -= amount;
    *to.balance.borrow_mut() += amount;
    Ok(())
}

fn main() {
    let c = Cell::new(5);
    c.set(c.get() * 2);
    println!("cell {} replace {} now {}", c.get(), c.replace(1), c.get());
    let t = Cell::new(String::from("taken"));
    println!("take {:?} left {:?}", t.take(), t.into_inner());
    let swap_a = Cell::new(1);
    let swap_b = Cell::new(2);
    swap_a.swap(&swap_b);
    println!("swap {} {}", swap_a.get(), swap_b.get());
    let arr = [Cell::new(1), Cell::new(2), Cell::new(3)];
    for cell in &arr {
        cell.set(cell.get() * 100);
    }
    println!("cells {:?}", arr.iter().map(Cell::get).collect::<Vec<_>>());

    let counter = Counter { hits: Cell::new(0), log: RefCell::new(vec![]) };
    counter.hit("a");
    counter.hit("b");
    counter.hit("a");
    println!("hits {} log {:?}", counter.hits.get(), counter.log.borrow());

    let memo = Memo { cache: RefCell::new(HashMap::new()), misses: Cell::new(0) };
    println!("fib(80) {} misses {}", memo.fib(80), memo.misses.get());
    println!("fib(80) again {} misses {}", memo.fib(80), memo.misses.get());

    let r = RefCell::new(vec![1, 2, 3]);
    {
        let b1 = r.borrow();
        let b2 = r.borrow();
        println!("two readers {} {} try_borrow_mut err {}", b1.len(), b2[2], r.try_borrow_mut().is_err());
    }
    {
        let mut w = r.borrow_mut();
        w.push(4);
        println!("writer active: try_borrow err {}", r.try_borrow().is_err());
    }
    println!("after {:?}", r.borrow());
    let old = r.replace(vec![9]);
    println!("replace old {:?} new {:?}", old, r.borrow());
    r.borrow_mut().extend([8, 7]);
    let inner = r.into_inner();
    println!("into_inner {:?}", inner);

    let alice = Account { balance: RefCell::new(100) };
    let bob = Account { balance: RefCell::new(20) };
    println!("{:?}", transfer(&alice, &bob, 70));
    println!("{:?}", transfer(&alice, &bob, 70));
    println!("{:?}", transfer(&bob, &alice, 90));
    println!("balances {} {}", alice.balance.borrow(), bob.balance.borrow());

    let shared = Rc::new(RefCell::new(Vec::<u32>::new()));
    let producers: Vec<Rc<RefCell<Vec<u32>>>> = (0..3).map(|_| Rc::clone(&shared)).collect();
    for (i, p) in producers.iter().enumerate() {
        p.borrow_mut().push(i as u32 * 7);
    }
    println!("shared {:?}", shared.borrow());
    let mapped = std::cell::Ref::map(shared.borrow(), |v| &v[1]);
    println!("ref map {}", *mapped);
    drop(mapped);
    {
        let mut first = std::cell::RefMut::map(shared.borrow_mut(), |v| &mut v[0]);
        *first += 1000;
    }
    println!("refmut map {:?}", shared.borrow());
    let once = std::cell::OnceCell::new();
    println!("oncecell {:?} {} {}", once.get(), once.get_or_init(|| 42), once.get_or_init(|| 7));
}
