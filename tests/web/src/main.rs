//! A program for a web page: its host functions are JavaScript (index.html), the objects they
//! return are JS objects held as `ExternRef`, and it prints through `wasm::host::print`.

use wasm::{ExternRef, Gc, GcArray};

// Only a JS host provides these: natively, calling one panics (no `native = ...` emulation).
#[wasm::host_imports(module = "wasm_host")]
unsafe extern "C" {
    /// A new JS object `{ name, visits: 0 }`.
    fn make_object(name: &str) -> ExternRef;
    /// Counts one more visit of `object` and returns the new count.
    fn visit(object: &ExternRef) -> u32;
    /// Writes `NAME(visits=N)` (or `null`) into `out` as far as it fits; returns the full length.
    fn describe(object: &ExternRef, out: &mut [u8]) -> u32;
    /// JavaScript's `a === b`.
    fn same_object(a: &ExternRef, b: &ExternRef) -> bool;
    /// A JS array of the names of the objects visited at least `visits` times so far.
    fn names_visited(visits: u32) -> ExternRef;
    /// The length of a JS array.
    fn array_length(array: &ExternRef) -> u32;
}

#[wasm::gc]
struct Shelf {
    item: ExternRef,
    label: GcArray<u8>,
}

fn description(object: &ExternRef) -> String {
    let mut buffer = [0u8; 64];
    let len = describe(object, &mut buffer) as usize;
    String::from_utf8_lossy(&buffer[..len.min(buffer.len())]).into_owned()
}

fn say(line: &str) {
    wasm::host::print(&format!("{line}\n"));
}

fn main() {
    let apple = make_object("apple");
    let pear = make_object("pear");
    say(&format!(
        "from JavaScript: {}, {}",
        description(&apple),
        description(&pear)
    ));

    let apple_again = apple.clone();
    say(&format!(
        "a clone is the same object: {}",
        same_object(&apple, &apple_again)
    ));
    visit(&apple);
    say(&format!(
        "visited through the clone: {} visits",
        visit(&apple_again)
    ));
    drop(apple_again);
    say(&format!(
        "after dropping the clone: {}",
        description(&apple)
    ));

    let nothing = ExternRef::null();
    say(&format!(
        "null: is_null={} describes as {}",
        nothing.is_null(),
        description(&nothing)
    ));

    let shelf = Gc::new(Shelf {
        item: pear.clone(),
        label: GcArray::from_slice(b"fruit"),
    });
    say(&format!(
        "shelf {} holds pear: {}",
        String::from_utf8_lossy(&shelf.label().to_vec()),
        same_object(&shelf.item(), &pear)
    ));
    shelf.set_item(make_object("plum"));
    visit(&shelf.item());
    say(&format!("shelf now holds {}", description(&shelf.item())));

    let visited = names_visited(1);
    say(&format!(
        "objects visited so far: {}",
        array_length(&visited)
    ));
    say("done");
}
