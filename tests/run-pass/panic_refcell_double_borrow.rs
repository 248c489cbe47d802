// Checks that a second mutable borrow of a RefCell while one is alive panics.
use std::cell::RefCell;

fn main() {
    let cell = RefCell::new(vec![1, 2, 3]);
    {
        let r1 = cell.borrow();
        let r2 = cell.borrow();
        println!("two shared borrows: {} {}", r1.len(), r2[0]);
        println!("try_borrow_mut while shared: {}", cell.try_borrow_mut().is_err());
    }
    cell.borrow_mut().push(4);
    println!("after push: {:?}", cell.borrow());
    let mut first = cell.borrow_mut();
    first.push(5);
    println!("holding a mutable borrow");
    let second = cell.borrow_mut();
    println!("unreachable {}", second.len());
}
