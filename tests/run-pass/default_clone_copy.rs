// Checks derived and manual Default, Clone and Copy: copy semantics, deep clones, clone_from, and Default in struct update syntax.
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Point3 {
    x: f32,
    y: f32,
    z: f32,
}

#[derive(Debug, Default, Clone, PartialEq)]
struct Settings {
    name: String,
    volume: u8,
    muted: bool,
    tags: Vec<String>,
    origin: Point3,
    limits: Option<(i32, i32)>,
    counts: HashMap<String, u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
enum Mode {
    #[default]
    Normal,
    Fast,
}

#[derive(Debug)]
struct Config {
    retries: u32,
    mode: Mode,
    label: &'static str,
}

impl Default for Config {
    fn default() -> Self {
        Config { retries: 3, mode: Mode::Fast, label: "cfg" }
    }
}

#[derive(Debug)]
struct Tracked {
    id: u32,
    generation: u32,
}

impl Clone for Tracked {
    fn clone(&self) -> Self {
        println!("cloning #{} gen {}", self.id, self.generation);
        Tracked { id: self.id, generation: self.generation + 1 }
    }
}

fn takes_copy(mut p: Point3) -> Point3 {
    p.x += 100.0;
    p
}

fn main() {
    let p = Point3::default();
    println!("{:?}", p);
    let mut q = Point3 { y: 2.0, ..p };
    let r = q;
    q.z = 9.0;
    println!("copy: q {:?} r {:?}", q, r);
    let moved_in = takes_copy(q);
    println!("after call q.x {} result.x {}", q.x, moved_in.x);

    let s = Settings::default();
    println!("{:?}", s);
    let mut s2 = Settings { name: "custom".into(), volume: 7, tags: vec!["a".into()], ..Default::default() };
    s2.counts.insert("k".into(), 1);
    let s3 = s2.clone();
    s2.tags.push("b".into());
    s2.counts.insert("k".into(), 2);
    println!("original tags {:?} count {:?}", s2.tags, s2.counts.get("k"));
    println!("clone tags {:?} count {:?}", s3.tags, s3.counts.get("k"));
    println!("eq {} {}", s3 == s3.clone(), s2 == s3);

    println!("{:?} {:?}", Mode::default(), Config::default());
    let c = Config { retries: 9, ..Default::default() };
    println!("{} {:?} {}", c.retries, c.mode, c.label);
    let defaults: (u8, i64, f64, bool, char, String, Vec<u8>, Option<u8>) = Default::default();
    println!("{:?}", defaults);
    let arr: [u16; 4] = Default::default();
    println!("{:?}", arr);

    let t = Tracked { id: 1, generation: 0 };
    let t2 = t.clone();
    let t3 = t2.clone();
    println!("{:?} {:?} {:?}", t, t2, t3);
    let v = vec![Tracked { id: 2, generation: 0 }, Tracked { id: 3, generation: 5 }];
    let v2 = v.clone();
    println!("{:?}", v2.iter().map(|t| (t.id, t.generation)).collect::<Vec<_>>());
    let mut target = String::from("old contents");
    target.clone_from(&String::from("new"));
    println!("clone_from {}", target);

    let shared = Rc::new(vec![1, 2, 3]);
    let shallow = shared.clone();
    let deep: Vec<i32> = (*shared).clone();
    println!("rc clone count {} deep {:?}", Rc::strong_count(&shallow), deep);
    let tuple = (1u8, 'c', 2.5f32);
    let tuple_copy = tuple;
    println!("{:?} {:?}", tuple, tuple_copy);
    let opt: Option<&str> = Some("borrowed");
    let copied = opt;
    println!("{:?} {:?} {:?}", opt, copied, opt.map(str::to_owned));
    let nums = [1, 2, 3];
    let doubled: Vec<i32> = nums.iter().copied().map(|x| x * 2).collect();
    let cloned: Vec<String> = ["x", "y"].iter().map(|s| s.to_string()).collect::<Vec<_>>().clone();
    println!("{:?} {:?} {:?}", nums, doubled, cloned);
}
