// Checks Drop order: locals in reverse, struct fields and Vec/array/tuple elements in order, scopes, reassignment, shadowing and `let _`.
// Values here exist only to be dropped, so some are never read.
#![allow(unused_assignments, dead_code)]
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

struct Pair {
    first: Noisy,
    second: Noisy,
}

impl Drop for Pair {
    fn drop(&mut self) {
        println!("drop Pair({}, {}) before its fields", self.first.0, self.second.0);
    }
}

struct Holder {
    inner: Vec<Noisy>,
    name: Noisy,
}

fn main() {
    println!("-- locals");
    {
        let _a = Noisy("a");
        let _b = Noisy("b");
        let _c = Noisy("c");
        println!("end of scope");
    }
    println!("-- struct with Drop and fields");
    {
        let _p = Pair { second: Noisy("s2"), first: Noisy("s1") };
    }
    println!("-- struct without Drop");
    {
        let _h = Holder { name: Noisy("holder-name"), inner: vec![Noisy("v0"), Noisy("v1")] };
    }
    println!("-- vec, array, tuple");
    {
        let _v = vec![Noisy("vec0"), Noisy("vec1"), Noisy("vec2")];
        let _arr = [Noisy("arr0"), Noisy("arr1")];
        let _t = (Noisy("tup0"), Noisy("tup1"));
    }
    println!("-- reassignment");
    {
        let mut x = Noisy("old");
        println!("assigning");
        x = Noisy("new");
        println!("assigned, holding {}", x.0);
    }
    println!("-- shadowing");
    {
        let s = Noisy("shadow1");
        let s = Noisy(if s.0.len() > 3 { "shadow2" } else { "?" });
        println!("shadowed, current {}", s.0);
    }
    println!("-- let _ vs let _x");
    {
        let _ = Noisy("underscore");
        let _kept = Noisy("kept");
        println!("after lets");
    }
    println!("-- nested scopes");
    {
        let _outer = Noisy("outer");
        {
            let _inner = Noisy("inner");
        }
        println!("inner gone");
    }
    println!("-- loop iterations");
    for name in ["it0", "it1"] {
        let _n = Noisy(name);
        println!("body {}", name);
    }
    println!("-- vec operations");
    {
        let mut v = vec![Noisy("e0"), Noisy("e1"), Noisy("e2"), Noisy("e3")];
        v.remove(1);
        println!("removed");
        v.truncate(2);
        println!("truncated");
        v.clear();
        println!("cleared");
    }
    println!("-- option");
    {
        let mut o = Some(Noisy("opt"));
        o = None;
        println!("set none {}", o.is_none());
    }
    println!("done");
}
