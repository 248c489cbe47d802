//! Objects that come from the host, held as `ExternRef`: cloned, compared, stored in GC objects.
//!
//! On wasm32 the host functions are imports from module `wasm_host` (see `crates/wasm/HOST-ABI.md`),
//! provided by the runner. Natively, `emulated_host` below plays the host with `wasm::host::emulated`.

use wasm::{ExternRef, Gc, GcArray};

#[wasm::host_imports(module = "wasm_host", native = emulated_host)]
extern "C" {
    /// A new host object called `name`, touched 0 times.
    fn make_object(name: &str) -> ExternRef;
    /// Counts one more touch of `object` in the host and returns the new count.
    fn touch(object: &ExternRef) -> u32;
    /// Writes `name(touches=N)` (or `null`) into `out` as far as it fits; returns the full length.
    fn describe(object: &ExternRef, out: &mut [u8]) -> u32;
    /// Whether both references name the same host object.
    fn same_object(a: &ExternRef, b: &ExternRef) -> bool;
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

fn main() {
    let apple = make_object("apple");
    let pear = make_object("pear");
    println!(
        "from the host: {}, {}",
        description(&apple),
        description(&pear)
    );

    let apple_again = apple.clone();
    println!(
        "a clone names the same object: {}",
        same_object(&apple, &apple_again)
    );
    println!(
        "apple and pear are different: {}",
        !same_object(&apple, &pear)
    );
    touch(&apple);
    println!("touched through the clone: {} touches", touch(&apple_again));
    println!("seen through the original: {}", description(&apple));
    drop(apple_again);
    println!("after dropping the clone: {}", description(&apple));

    let nothing = ExternRef::null();
    println!(
        "null: is_null={} describes as {}",
        nothing.is_null(),
        description(&nothing)
    );
    println!(
        "null equals null: {}",
        same_object(&nothing, &ExternRef::default())
    );

    let shelf = Gc::new(Shelf {
        item: pear.clone(),
        label: GcArray::from_slice(b"fruit"),
    });
    println!(
        "shelf {} holds pear: {}",
        String::from_utf8_lossy(&shelf.label().to_vec()),
        same_object(&shelf.item(), &pear)
    );
    shelf.set_item(make_object("plum"));
    touch(&shelf.item());
    println!("shelf now holds {}", description(&shelf.item()));

    let basket = GcArray::new(3, ExternRef::null());
    basket.set(0, apple.clone());
    basket.set(2, shelf.item());
    for (slot, item) in basket.iter().enumerate() {
        println!("basket[{slot}] = {}", description(&item));
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod emulated_host {
    use std::cell::Cell;

    use wasm::ExternRef;
    use wasm::host::emulated;

    struct HostObject {
        name: String,
        touches: Cell<u32>,
    }

    pub fn make_object(name: &str) -> ExternRef {
        emulated::new_object(HostObject {
            name: name.to_owned(),
            touches: Cell::new(0),
        })
    }

    pub fn touch(object: &ExternRef) -> u32 {
        let object = emulated::object::<HostObject>(object).expect("a host object");
        object.touches.set(object.touches.get() + 1);
        object.touches.get()
    }

    pub fn describe(object: &ExternRef, out: &mut [u8]) -> u32 {
        let text = match emulated::object::<HostObject>(object) {
            Some(object) => format!("{}(touches={})", object.name, object.touches.get()),
            None => "null".to_owned(),
        };
        let copied = text.len().min(out.len());
        out[..copied].copy_from_slice(&text.as_bytes()[..copied]);
        text.len() as u32
    }

    pub fn same_object(a: &ExternRef, b: &ExternRef) -> bool {
        emulated::same_object(a, b)
    }
}
