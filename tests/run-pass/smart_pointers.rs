// Checks Box, Rc and Weak: heap allocation, recursive types, shared ownership counts, Weak upgrade failure and parent/child trees.
use std::cell::RefCell;
use std::rc::{Rc, Weak};

#[derive(Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}

use List::{Cons, Nil};

impl List {
    fn sum(&self) -> i32 {
        match self {
            Cons(v, rest) => v + rest.sum(),
            Nil => 0,
        }
    }
}

#[derive(Debug)]
struct TreeNode {
    name: String,
    parent: RefCell<Weak<TreeNode>>,
    children: RefCell<Vec<Rc<TreeNode>>>,
}

impl TreeNode {
    fn new(name: &str) -> Rc<TreeNode> {
        Rc::new(TreeNode { name: name.to_string(), parent: RefCell::new(Weak::new()), children: RefCell::new(vec![]) })
    }
    fn add_child(parent: &Rc<TreeNode>, child: Rc<TreeNode>) {
        *child.parent.borrow_mut() = Rc::downgrade(parent);
        parent.children.borrow_mut().push(child);
    }
    fn path(&self) -> String {
        match self.parent.borrow().upgrade() {
            Some(p) => format!("{}/{}", p.path(), self.name),
            None => self.name.clone(),
        }
    }
}

fn main() {
    let b = Box::new(5);
    let c = *b + 1;
    println!("box {} {}", b, c);
    let mut big = Box::new([0u64; 1000]);
    big[999] = 7;
    println!("big box {}", big.iter().sum::<u64>());
    let list = Cons(1, Box::new(Cons(2, Box::new(Cons(3, Box::new(Nil))))));
    println!("{:?} sum {}", list, list.sum());
    let boxed_str: Box<str> = Box::from("slice");
    let boxed_slice: Box<[i32]> = Box::new([1, 2, 3]);
    println!("{} {:?}", boxed_str, boxed_slice);
    let moved = *Box::new(String::from("unboxed"));
    println!("{}", moved);

    let a = Rc::new(String::from("shared"));
    println!("count {}", Rc::strong_count(&a));
    let b2 = Rc::clone(&a);
    {
        let c2 = a.clone();
        println!("count {} ptr_eq {}", Rc::strong_count(&a), Rc::ptr_eq(&b2, &c2));
    }
    println!("count {} value {}", Rc::strong_count(&a), b2);
    let w = Rc::downgrade(&a);
    println!("weak {} upgrade {:?}", Rc::weak_count(&a), w.upgrade());
    drop(a);
    println!("after drop one: {:?}", w.upgrade().map(|s| s.len()));
    drop(b2);
    println!("after drop all: {:?}", w.upgrade());
    let empty: Weak<i32> = Weak::new();
    println!("empty weak {:?}", empty.upgrade());

    let mut unique = Rc::new(vec![1, 2]);
    Rc::make_mut(&mut unique).push(3);
    let other = Rc::clone(&unique);
    Rc::make_mut(&mut unique).push(4);
    println!("make_mut {:?} {:?}", unique, other);
    println!("try_unwrap {:?}", Rc::try_unwrap(other));
    let single = Rc::new(10);
    println!("try_unwrap unique {:?}", Rc::try_unwrap(single));

    let root = TreeNode::new("root");
    let usr = TreeNode::new("usr");
    let bin = TreeNode::new("bin");
    TreeNode::add_child(&root, usr.clone());
    TreeNode::add_child(&usr, bin.clone());
    TreeNode::add_child(&root, TreeNode::new("etc"));
    println!("path {}", bin.path());
    println!("root children {:?}", root.children.borrow().iter().map(|c| c.name.clone()).collect::<Vec<_>>());
    println!("usr strong {} weak {}", Rc::strong_count(&usr), Rc::weak_count(&usr));
    drop(root);
    println!("after root dropped: usr parent {:?}, path {}", usr.parent.borrow().upgrade().map(|p| p.name.clone()), bin.path());

    let shared_cell = Rc::new(RefCell::new(0));
    let handles: Vec<Rc<RefCell<i32>>> = (0..4).map(|_| Rc::clone(&shared_cell)).collect();
    for (i, h) in handles.iter().enumerate() {
        *h.borrow_mut() += i as i32 * 10;
    }
    println!("shared total {} count {}", shared_cell.borrow(), Rc::strong_count(&shared_cell));
}
