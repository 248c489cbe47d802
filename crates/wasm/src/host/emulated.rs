//! An in-process stand-in for the host's table of `ExternRef` objects, for running host code natively.
//!
//! On wasm32 the host keeps the objects an [`ExternRef`] refers to. Natively there is no host, so a
//! `native = path` module of [`#[wasm::host_imports]`](crate::host_imports) plays it with these
//! functions. The table follows `HOST-ABI.md` exactly: one slot per handle, handle 0 is null, cloning
//! fills a new slot with the same object, dropping empties the slot. It is per thread, like `ExternRef`.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use std::vec::Vec;

use crate::contract::v1::{ExternRef, RawExternRef, externref_from_raw};

#[derive(Default)]
struct HandleTable {
    slots: Vec<Option<Rc<dyn Any>>>,
    free: Vec<u32>,
}

impl HandleTable {
    fn insert(&mut self, object: Rc<dyn Any>) -> u32 {
        match self.free.pop() {
            Some(handle) => {
                self.slots[slot_index(handle)] = Some(object);
                handle
            }
            None => {
                self.slots.push(Some(object));
                u32::try_from(self.slots.len()).expect("more than u32::MAX host references")
            }
        }
    }

    fn get(&self, handle: u32) -> Rc<dyn Any> {
        match self.slots.get(slot_index(handle)) {
            Some(Some(object)) => Rc::clone(object),
            _ => panic!("ExternRef handle {handle} is not in the emulated host table"),
        }
    }

    fn remove(&mut self, handle: u32) -> Rc<dyn Any> {
        let slot = self
            .slots
            .get_mut(slot_index(handle))
            .and_then(Option::take);
        let object =
            slot.unwrap_or_else(|| panic!("ExternRef handle {handle} was already dropped"));
        self.free.push(handle);
        object
    }
}

fn slot_index(handle: u32) -> usize {
    handle as usize - 1
}

std::thread_local! {
    static TABLE: RefCell<HandleTable> = RefCell::default();
}

/// Hands `object` to the emulated host and returns a new reference to it.
///
/// ```
/// let text = wasm::host::emulated::new_object(String::from("from the host"));
/// assert!(!text.is_null());
/// ```
pub fn new_object<T: Any>(object: T) -> ExternRef {
    let handle = TABLE.with_borrow_mut(|table| table.insert(Rc::new(object)));
    // SAFETY: the handle is new and owned by nobody else.
    unsafe { externref_from_raw(RawExternRef(handle)) }
}

/// The host object `reference` refers to, if it is not null and is a `T`.
///
/// ```
/// use wasm::host::emulated::{new_object, object};
///
/// let number = new_object(42u32);
/// assert_eq!(object::<u32>(&number).as_deref(), Some(&42));
/// assert!(object::<String>(&number).is_none());
/// assert!(object::<u32>(&wasm::ExternRef::null()).is_none());
/// ```
pub fn object<T: Any>(reference: &ExternRef) -> Option<Rc<T>> {
    if reference.is_null() {
        return None;
    }
    TABLE
        .with_borrow(|table| table.get(reference.raw.0))
        .downcast::<T>()
        .ok()
}

/// Whether `a` and `b` refer to the same host object (two nulls count as the same).
///
/// ```
/// use wasm::host::emulated::{new_object, same_object};
///
/// let a = new_object(1u8);
/// assert!(same_object(&a, &a.clone()));
/// assert!(!same_object(&a, &new_object(1u8)));
/// ```
pub fn same_object(a: &ExternRef, b: &ExternRef) -> bool {
    match (a.is_null(), b.is_null()) {
        (true, true) => true,
        (false, false) => {
            TABLE.with_borrow(|table| Rc::ptr_eq(&table.get(a.raw.0), &table.get(b.raw.0)))
        }
        _ => false,
    }
}

/// How many non-null handles are alive on this thread: what a host's table would hold.
///
/// ```
/// use wasm::host::emulated::{live_handles, new_object};
///
/// let before = live_handles();
/// let object = new_object(());
/// let copy = object.clone();
/// assert_eq!(live_handles(), before + 2);
/// drop((object, copy));
/// assert_eq!(live_handles(), before);
/// ```
pub fn live_handles() -> usize {
    TABLE.with_borrow(|table| table.slots.len() - table.free.len())
}

pub(crate) fn clone_handle(handle: u32) -> u32 {
    TABLE.with_borrow_mut(|table| {
        let object = table.get(handle);
        table.insert(object)
    })
}

pub(crate) fn drop_handle(handle: u32) {
    // During thread exit the table may already be gone; its objects went with it.
    let _ = TABLE.try_with(|table| {
        let object = table.borrow_mut().remove(handle);
        // Dropped after the borrow ends: a host object's destructor may release references itself.
        drop(object);
    });
}
