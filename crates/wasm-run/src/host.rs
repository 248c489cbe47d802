//! The `wasm_host` imports of crates/wasm/HOST-ABI.md: the `ExternRef` handle table, `print`, and
//! the host objects of `example/externref_host.rs`, with `i32` handles (fallback mode) or real
//! `externref`s (accelerated mode, section 5), whichever the module imports.

use std::io::Write;
use std::sync::{Arc, Mutex};

use wasmtime::{
    Caller, Extern, ExternRef, ExternType, HeapType, Linker, Memory, Module, Rooted, ValType,
};

use crate::run::HostState;

const MODULE: &str = "wasm_host";

/// A host object of the example functions: a name and how often it was touched.
struct HostObject {
    name: String,
    touches: u32,
}

/// Shared, because several handles may refer to one object (`externref_clone`).
type ObjectRef = Arc<Mutex<HostObject>>;

/// Handles to host objects. Handle 0 is null and never allocated; handle `h` is `slots[h - 1]`.
#[derive(Default)]
pub struct HandleTable {
    slots: Vec<Option<ObjectRef>>,
    free: Vec<u32>,
}

impl HandleTable {
    fn insert(&mut self, object: ObjectRef) -> wasmtime::Result<u32> {
        if let Some(handle) = self.free.pop() {
            self.slots[handle as usize - 1] = Some(object);
            return Ok(handle);
        }
        self.slots.push(Some(object));
        u32::try_from(self.slots.len())
            .map_err(|_| wasmtime::Error::msg("more than u32::MAX host references"))
    }

    /// The object of a live handle; a null or unknown handle is the guest's bug: trap.
    fn get(&self, handle: u32) -> wasmtime::Result<ObjectRef> {
        handle
            .checked_sub(1)
            .and_then(|index| self.slots.get(index as usize))
            .and_then(Option::clone)
            .ok_or_else(|| wasmtime::Error::msg(format!("ExternRef handle {handle} is not live")))
    }

    fn remove(&mut self, handle: u32) -> wasmtime::Result<()> {
        self.get(handle)?;
        self.slots[handle as usize - 1] = None;
        self.free.push(handle);
        Ok(())
    }

    /// How many handles the guest still owns (0 at exit when every `ExternRef` was dropped).
    pub fn live(&self) -> usize {
        self.slots.iter().filter(|slot| slot.is_some()).count()
    }
}

/// Whether `module` imports the accelerated form (HOST-ABI.md section 5): an `externref`
/// anywhere in the type of a `wasm_host` function.
pub fn wants_externrefs(module: &Module) -> bool {
    let is_extern = |ty: ValType| matches!(ty, ValType::Ref(r) if matches!(r.heap_type(), HeapType::Extern | HeapType::NoExtern));
    module.imports().any(|import| {
        import.module() == MODULE
            && matches!(import.ty(), ExternType::Func(f) if f.params().any(is_extern) || f.results().any(is_extern))
    })
}

pub fn add_to_linker(linker: &mut Linker<HostState>, externrefs: bool) -> wasmtime::Result<()> {
    add_print(linker)?;
    if externrefs {
        return add_example_objects_as_externrefs(linker);
    }
    linker.func_wrap(
        MODULE,
        "externref_clone",
        |mut caller: Caller<'_, HostState>, handle: u32| {
            let table = &mut caller.data_mut().handles;
            let object = table.get(handle)?;
            table.insert(object)
        },
    )?;
    linker.func_wrap(
        MODULE,
        "externref_drop",
        |mut caller: Caller<'_, HostState>, handle: u32| caller.data_mut().handles.remove(handle),
    )?;
    add_example_objects(linker)
}

fn add_print(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    linker.func_wrap(
        MODULE,
        "print",
        |mut caller: Caller<'_, HostState>, ptr: u32, len: u32| {
            let bytes = read_bytes(&mut caller, ptr, len)?;
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&bytes)?;
            stdout.flush()?;
            Ok(())
        },
    )?;
    Ok(())
}

/// A reference's host object; `None` for null. A reference the host did not make traps.
fn object_of(
    caller: &Caller<'_, HostState>,
    reference: Option<Rooted<ExternRef>>,
) -> wasmtime::Result<Option<ObjectRef>> {
    let Some(reference) = reference else {
        return Ok(None);
    };
    let data = reference
        .data(caller)?
        .ok_or_else(|| wasmtime::Error::msg("an externref without host data"))?;
    let object = data
        .downcast_ref::<ObjectRef>()
        .ok_or_else(|| wasmtime::Error::msg("an externref this host did not make"))?;
    Ok(Some(object.clone()))
}

/// The example functions of HOST-ABI.md section 4 in the accelerated form of section 5.
fn add_example_objects_as_externrefs(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    type Reference = Option<Rooted<ExternRef>>;
    linker.func_wrap(
        MODULE,
        "make_object",
        |mut caller: Caller<'_, HostState>, ptr: u32, len: u32| {
            let object = new_object(&mut caller, ptr, len)?;
            Ok(Some(ExternRef::new(&mut caller, object)?))
        },
    )?;
    linker.func_wrap(
        MODULE,
        "touch",
        |caller: Caller<'_, HostState>, reference: Reference| touch(object_of(&caller, reference)?),
    )?;
    linker.func_wrap(
        MODULE,
        "describe",
        |mut caller: Caller<'_, HostState>, reference: Reference, ptr: u32, len: u32| {
            let object = object_of(&caller, reference)?;
            describe(&mut caller, object, ptr, len)
        },
    )?;
    linker.func_wrap(
        MODULE,
        "same_object",
        |caller: Caller<'_, HostState>, a: Reference, b: Reference| {
            Ok(same_object(object_of(&caller, a)?, object_of(&caller, b)?))
        },
    )?;
    Ok(())
}

/// The functions `example/externref_host.rs` declares (HOST-ABI.md section 4).
fn add_example_objects(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    linker.func_wrap(
        MODULE,
        "make_object",
        |mut caller: Caller<'_, HostState>, ptr: u32, len: u32| {
            let object = new_object(&mut caller, ptr, len)?;
            caller.data_mut().handles.insert(object)
        },
    )?;
    linker.func_wrap(
        MODULE,
        "touch",
        |caller: Caller<'_, HostState>, handle: u32| touch(handle_object(&caller, handle)?),
    )?;
    linker.func_wrap(
        MODULE,
        "describe",
        |mut caller: Caller<'_, HostState>, handle: u32, ptr: u32, len: u32| {
            let object = handle_object(&caller, handle)?;
            describe(&mut caller, object, ptr, len)
        },
    )?;
    linker.func_wrap(
        MODULE,
        "same_object",
        |caller: Caller<'_, HostState>, a: u32, b: u32| {
            Ok(same_object(
                handle_object(&caller, a)?,
                handle_object(&caller, b)?,
            ))
        },
    )?;
    Ok(())
}

/// A handle's object; `None` for the null handle 0.
fn handle_object(
    caller: &Caller<'_, HostState>,
    handle: u32,
) -> wasmtime::Result<Option<ObjectRef>> {
    match handle {
        0 => Ok(None),
        _ => caller.data().handles.get(handle).map(Some),
    }
}

/// `make_object`: an object named by the UTF-8 bytes at `(ptr, len)`, touched 0 times.
fn new_object(
    caller: &mut Caller<'_, HostState>,
    ptr: u32,
    len: u32,
) -> wasmtime::Result<ObjectRef> {
    let name = String::from_utf8(read_bytes(caller, ptr, len)?)
        .map_err(|_| wasmtime::Error::msg("make_object: the name is not UTF-8"))?;
    Ok(Arc::new(Mutex::new(HostObject { name, touches: 0 })))
}

/// `touch`: one more touch; the new count.
fn touch(object: Option<ObjectRef>) -> wasmtime::Result<u32> {
    let object = object.ok_or_else(|| wasmtime::Error::msg("touch: null reference"))?;
    let mut object = lock(&object);
    object.touches += 1;
    Ok(object.touches)
}

/// `describe`: `NAME(touches=N)` or `null`, as much as fits at `(ptr, len)`; the full length.
fn describe(
    caller: &mut Caller<'_, HostState>,
    object: Option<ObjectRef>,
    ptr: u32,
    len: u32,
) -> wasmtime::Result<u32> {
    let text = match object {
        None => "null".to_owned(),
        Some(object) => {
            let object = lock(&object);
            format!("{}(touches={})", object.name, object.touches)
        }
    };
    let shown = &text.as_bytes()[..text.len().min(len as usize)];
    memory(caller)?.write(&mut *caller, ptr as usize, shown)?;
    Ok(text.len() as u32)
}

/// `same_object`: two nulls are the same; otherwise the same object.
fn same_object(a: Option<ObjectRef>, b: Option<ObjectRef>) -> u32 {
    u32::from(match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => Arc::ptr_eq(&a, &b),
        _ => false,
    })
}

fn lock(object: &ObjectRef) -> std::sync::MutexGuard<'_, HostObject> {
    // Only this thread ever locks: a poisoned lock still holds consistent data.
    object
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn memory(caller: &mut Caller<'_, HostState>) -> wasmtime::Result<Memory> {
    match caller.get_export("memory") {
        Some(Extern::Memory(memory)) => Ok(memory),
        _ => Err(wasmtime::Error::msg("the module exports no `memory`")),
    }
}

/// `len` bytes at `ptr` of the guest's memory; out of bounds traps.
fn read_bytes(caller: &mut Caller<'_, HostState>, ptr: u32, len: u32) -> wasmtime::Result<Vec<u8>> {
    let mut bytes = vec![0; len as usize];
    memory(caller)?.read(&*caller, ptr as usize, &mut bytes)?;
    Ok(bytes)
}
