//! The bodies that replace the `wasmgc` imports: each contract operation as GC instructions
//! over the root table (a handle Rust code holds is an index into it; 0 is null), and the two
//! helpers that allocate and release root slots. CONTRACT.md section 3.3 gives the meanings.

use std::collections::BTreeMap;

use wasm_encoder::{
    AbstractHeapType, BlockType, FieldType, Function, HeapType, Instruction, MemArg, MemArgTarget,
    RefType, StorageType, ValType,
};

use super::records::{Kind, OpRecord, Passing};
use crate::Op;
use crate::wire::ANY_TYPE;

/// Indices the bodies refer to.
pub(super) struct Env<'a> {
    pub(super) roots_table: u32,
    pub(super) free_global: u32,
    pub(super) root_fn: u32,
    pub(super) unroot_fn: u32,
    pub(super) struct_types: &'a BTreeMap<String, u32>,
    pub(super) array_types: &'a BTreeMap<String, u32>,
    pub(super) structs: &'a BTreeMap<String, Vec<Kind>>,
    pub(super) arrays: &'a BTreeMap<String, Kind>,
}

/// A function body under construction: extra locals after the parameters, and instructions.
struct Body {
    params: u32,
    /// Parameters that hold an object (bit mask), not the address of its handle.
    references: u8,
    /// A handle result is returned as the object itself.
    reference_result: bool,
    /// Handle parameters hold the root index itself, not its address (the release form's
    /// imports, imports.rs).
    by_value: bool,
    locals: Vec<ValType>,
    code: Vec<Instruction<'static>>,
}

impl Body {
    fn new(params: u32) -> Body {
        Body {
            params,
            references: 0,
            reference_result: false,
            by_value: false,
            locals: Vec::new(),
            code: Vec::new(),
        }
    }

    fn is_reference(&self, param: u32) -> bool {
        param < 8 && self.references & (1 << param) != 0
    }

    fn local(&mut self, ty: ValType) -> u32 {
        self.locals.push(ty);
        self.params + self.locals.len() as u32 - 1
    }

    /// Pushes the root index of the handle parameter `param` holds or points to.
    fn handle(&mut self, param: u32) -> &mut Body {
        self.op(Instruction::LocalGet(param));
        if !self.by_value {
            self.op(Instruction::I32Load(mem(0, 4)));
        }
        self
    }

    fn op(&mut self, instruction: Instruction<'static>) -> &mut Body {
        self.code.push(instruction);
        self
    }

    fn finish(self) -> Function {
        let mut function = Function::new_with_locals_types(self.locals);
        for instruction in &self.code {
            function.instruction(instruction);
        }
        function.instruction(&Instruction::End);
        function
    }
}

fn mem(offset: u32, size: u32) -> MemArg {
    MemArg {
        offset: u64::from(offset),
        align: size.trailing_zeros(),
        target: MemArgTarget::Memory(0),
        ordering: None,
    }
}

impl Env<'_> {
    fn struct_index(&self, key: &str) -> Result<u32, String> {
        self.struct_types
            .get(key)
            .copied()
            .ok_or_else(|| format!("no wasmgc record of struct type {key}"))
    }

    fn array_index(&self, key: &str) -> Result<u32, String> {
        self.array_types
            .get(key)
            .copied()
            .ok_or_else(|| format!("no wasmgc record of array type {key}"))
    }

    /// The heap type of a reference to struct `key`; `(ref struct)` for the release form's `*`,
    /// whose records do not say which struct a field holds (imports.rs).
    fn struct_heap(&self, key: &str) -> Result<HeapType, String> {
        Ok(if key == ANY_TYPE {
            HeapType::Abstract {
                shared: false,
                ty: AbstractHeapType::Struct,
            }
        } else {
            HeapType::Concrete(self.struct_index(key)?)
        })
    }

    /// The heap type of a reference to array `key`, or `(ref array)` for `*`.
    fn array_heap(&self, key: &str) -> Result<HeapType, String> {
        Ok(if key == ANY_TYPE {
            HeapType::Abstract {
                shared: false,
                ty: AbstractHeapType::Array,
            }
        } else {
            HeapType::Concrete(self.array_index(key)?)
        })
    }

    /// The storage type of a field or element of this kind.
    pub(super) fn storage(&self, kind: &Kind) -> Result<FieldType, String> {
        let element_type = match kind {
            Kind::I8 { .. } | Kind::Bool => StorageType::I8,
            Kind::I16 { .. } => StorageType::I16,
            Kind::I32 => StorageType::Val(ValType::I32),
            Kind::I64 => StorageType::Val(ValType::I64),
            Kind::F32 => StorageType::Val(ValType::F32),
            Kind::F64 => StorageType::Val(ValType::F64),
            Kind::Struct { key, nullable } => StorageType::Val(ValType::Ref(RefType {
                nullable: *nullable,
                heap_type: self.struct_heap(key)?,
            })),
            Kind::Array { key } => StorageType::Val(ValType::Ref(RefType {
                nullable: false,
                heap_type: self.array_heap(key)?,
            })),
            Kind::Extern => StorageType::Val(ValType::EXTERNREF),
        };
        Ok(FieldType {
            element_type,
            mutable: true,
        })
    }

    /// `(anyref) -> i32`: a root slot for the reference, from the free list or by growing the table.
    /// Free slots hold `(ref.i31 next_free)`; 0 ends the list (slot 0 is never used).
    pub(super) fn root_helper(&self) -> Function {
        let mut body = Body::new(1);
        let slot = body.local(ValType::I32);
        body.op(Instruction::GlobalGet(self.free_global))
            .op(Instruction::If(BlockType::Result(ValType::I32)))
            .op(Instruction::GlobalGet(self.free_global))
            .op(Instruction::LocalTee(slot))
            .op(Instruction::TableGet(self.roots_table))
            .op(Instruction::RefCastNonNull(HeapType::Abstract {
                shared: false,
                ty: AbstractHeapType::I31,
            }))
            .op(Instruction::I31GetU)
            .op(Instruction::GlobalSet(self.free_global))
            .op(Instruction::LocalGet(slot))
            .op(Instruction::LocalGet(0))
            .op(Instruction::TableSet(self.roots_table))
            .op(Instruction::LocalGet(slot))
            .op(Instruction::Else)
            .op(Instruction::LocalGet(0))
            .op(Instruction::I32Const(1))
            .op(Instruction::TableGrow(self.roots_table))
            .op(Instruction::LocalTee(slot))
            .op(Instruction::I32Const(-1))
            .op(Instruction::I32Eq)
            .op(Instruction::If(BlockType::Empty))
            .op(Instruction::Unreachable)
            .op(Instruction::End)
            .op(Instruction::LocalGet(slot))
            .op(Instruction::End);
        body.finish()
    }

    /// `(i32)`: puts a slot back on the free list.
    pub(super) fn unroot_helper(&self) -> Function {
        let mut body = Body::new(1);
        body.op(Instruction::LocalGet(0))
            .op(Instruction::GlobalGet(self.free_global))
            .op(Instruction::RefI31)
            .op(Instruction::TableSet(self.roots_table))
            .op(Instruction::LocalGet(0))
            .op(Instruction::GlobalSet(self.free_global));
        body.finish()
    }

    /// The body of an operation's import with `params` wasm parameters; the parameters in the
    /// bit mask `references` hold the object itself (an `externref`) instead of its address.
    /// With `reference_result`, a handle result comes back as the object (an `externref`).
    pub(super) fn operation(
        &self,
        record: &OpRecord,
        params: u32,
        references: u8,
        reference_result: bool,
        by_value: bool,
    ) -> Result<Function, String> {
        let mut body = Body::new(params);
        body.references = references;
        body.reference_result = reference_result;
        body.by_value = by_value;
        // Which operations have which variants (op.rs).
        let op = Op::from_name(&record.op)
            .ok_or_else(|| format!("`{}` is not a contract v1 operation", record.op))?;
        if references & !op.handle_params() != 0 {
            return Err(format!(
                "`{}` takes no reference in the parameters {references:#b}",
                record.op
            ));
        }
        if reference_result && !op.reference_result() {
            return Err(format!(
                "`{}` has no variant that returns a reference",
                record.op
            ));
        }
        match record.op.as_str() {
            "gc_struct_new" => self.struct_new(&mut body, record)?,
            "gc_struct_get" => {
                let (index, kind) = self.struct_field(record)?;
                self.load_object(&mut body, 0, RefCastTarget::Concrete(index));
                let field_index = record.field.unwrap_or(0);
                body.op(match &kind {
                    Kind::I8 { signed: true } | Kind::I16 { signed: true } => {
                        Instruction::StructGetS {
                            struct_type_index: index,
                            field_index,
                        }
                    }
                    Kind::I8 { signed: false } | Kind::I16 { signed: false } | Kind::Bool => {
                        Instruction::StructGetU {
                            struct_type_index: index,
                            field_index,
                        }
                    }
                    _ => Instruction::StructGet {
                        struct_type_index: index,
                        field_index,
                    },
                });
                self.to_result(&mut body, &kind)?;
            }
            "gc_struct_set" => {
                let (index, kind) = self.struct_field(record)?;
                self.load_object(&mut body, 0, RefCastTarget::Concrete(index));
                self.push_value(&mut body, &kind, Source::Local(1))?;
                body.op(Instruction::StructSet {
                    struct_type_index: index,
                    field_index: record.field.unwrap_or(0),
                });
                self.release_if_handle(&mut body, &kind, 1);
            }
            "gc_ptr_eq" | "gc_array_ptr_eq" => {
                self.load_object(&mut body, 0, RefCastTarget::Eq);
                self.load_object(&mut body, 1, RefCastTarget::Eq);
                body.op(Instruction::RefEq);
            }
            "gc_clone" | "gc_array_clone" => {
                // From a root or a reference, to a new root or the reference itself.
                if !body.is_reference(0) {
                    body.handle(0).op(Instruction::TableGet(self.roots_table));
                    if body.reference_result {
                        body.op(Instruction::ExternConvertAny);
                    }
                } else {
                    body.op(Instruction::LocalGet(0));
                    if !body.reference_result {
                        body.op(Instruction::AnyConvertExtern);
                    }
                }
                if !body.reference_result {
                    body.op(Instruction::Call(self.root_fn));
                }
            }
            "gc_drop" | "gc_array_drop" => {
                body.handle(0).op(Instruction::Call(self.unroot_fn));
            }
            "gc_array_new" => {
                let (index, kind) = self.array_element(record)?;
                self.push_value(&mut body, &kind, Source::Local(1))?;
                body.op(Instruction::LocalGet(0))
                    .op(Instruction::ArrayNew(index));
                self.new_object_result(&mut body);
                self.release_if_handle(&mut body, &kind, 1);
            }
            "gc_array_from_slice" => self.array_from_slice(&mut body, record)?,
            "gc_array_len" => {
                self.load_object(&mut body, 0, RefCastTarget::Array);
                body.op(Instruction::ArrayLen);
            }
            "gc_array_get_unchecked" => {
                let (index, kind) = self.array_element(record)?;
                self.load_object(&mut body, 0, RefCastTarget::Concrete(index));
                body.op(Instruction::LocalGet(1)).op(match &kind {
                    Kind::I8 { signed: true } | Kind::I16 { signed: true } => {
                        Instruction::ArrayGetS(index)
                    }
                    Kind::I8 { signed: false } | Kind::I16 { signed: false } | Kind::Bool => {
                        Instruction::ArrayGetU(index)
                    }
                    _ => Instruction::ArrayGet(index),
                });
                self.to_result(&mut body, &kind)?;
            }
            "gc_array_set_unchecked" => {
                let (index, kind) = self.array_element(record)?;
                self.load_object(&mut body, 0, RefCastTarget::Concrete(index));
                body.op(Instruction::LocalGet(1));
                self.push_value(&mut body, &kind, Source::Local(2))?;
                body.op(Instruction::ArraySet(index));
                self.release_if_handle(&mut body, &kind, 2);
            }
            "externref_null" => {
                body.op(Instruction::I32Const(0));
            }
            "externref_is_null" if body.is_reference(0) => {
                body.op(Instruction::LocalGet(0)).op(Instruction::RefIsNull);
            }
            "externref_clone" if body.is_reference(0) => {
                let local = body.local(ValType::EXTERNREF);
                body.op(Instruction::LocalGet(0));
                self.root_unless_null(&mut body, local, true);
            }
            "externref_is_null" => {
                body.handle(0).op(Instruction::I32Eqz);
            }
            "externref_clone" => {
                let handle = body.local(ValType::I32);
                body.handle(0)
                    .op(Instruction::LocalTee(handle))
                    .op(Instruction::If(BlockType::Result(ValType::I32)))
                    .op(Instruction::LocalGet(handle))
                    .op(Instruction::TableGet(self.roots_table))
                    .op(Instruction::Call(self.root_fn))
                    .op(Instruction::Else)
                    .op(Instruction::I32Const(0))
                    .op(Instruction::End);
            }
            "externref_as_raw" => {
                // The handle itself: the host import's wrapper turns it into the `externref`.
                body.handle(0);
            }
            "externref_from_raw" => {
                // The wrapper already rooted the `externref` the host returned.
                body.op(Instruction::LocalGet(0));
            }
            "externref_drop" => {
                let handle = body.local(ValType::I32);
                body.handle(0).op(Instruction::LocalSet(handle));
                self.release(&mut body, handle);
            }
            other => {
                return Err(format!("`{other}` is not a contract v1 operation"));
            }
        }
        Ok(body.finish())
    }

    /// `(i32) -> externref`: the object of a handle moving into a typed local; its root is freed.
    pub(super) fn slot_take_helper(&self) -> Function {
        let mut body = Body::new(1);
        body.op(Instruction::LocalGet(0))
            .op(Instruction::If(BlockType::Result(ValType::EXTERNREF)))
            .op(Instruction::LocalGet(0))
            .op(Instruction::TableGet(self.roots_table))
            .op(Instruction::ExternConvertAny)
            .op(Instruction::LocalGet(0))
            .op(Instruction::Call(self.unroot_fn))
            .op(Instruction::Else)
            .op(Instruction::RefNull(HeapType::EXTERN))
            .op(Instruction::End);
        body.finish()
    }

    /// `(root: i32, object: externref) -> i32`: the typed local's root, made if it has none yet.
    pub(super) fn slot_load_helper(&self) -> Function {
        let mut body = Body::new(2);
        body.op(Instruction::LocalGet(0))
            .op(Instruction::If(BlockType::Result(ValType::I32)))
            .op(Instruction::LocalGet(0))
            .op(Instruction::Else)
            .op(Instruction::LocalGet(1))
            .op(Instruction::RefIsNull)
            .op(Instruction::If(BlockType::Result(ValType::I32)))
            .op(Instruction::I32Const(0))
            .op(Instruction::Else)
            .op(Instruction::LocalGet(1))
            .op(Instruction::AnyConvertExtern)
            .op(Instruction::Call(self.root_fn))
            .op(Instruction::End)
            .op(Instruction::End);
        body.finish()
    }

    /// `(root: i32) -> externref`: a typed local's drop; frees its root, returns the empty local.
    pub(super) fn slot_drop_helper(&self) -> Function {
        let mut body = Body::new(1);
        let root = 0;
        self.release(&mut body, root);
        body.op(Instruction::RefNull(HeapType::EXTERN));
        body.finish()
    }

    /// Calls host import `import` (now typed with `externref`s) from a function of its former
    /// type: root handles in, a new root for a returned reference.
    pub(super) fn host_wrapper(
        &self,
        import: u32,
        params: u32,
        references: &[u32],
        result: bool,
    ) -> Function {
        let mut body = Body::new(params);
        for param in 0..params {
            body.op(Instruction::LocalGet(param));
            if references.contains(&param) {
                body.op(Instruction::TableGet(self.roots_table))
                    .op(Instruction::ExternConvertAny);
            }
        }
        body.op(Instruction::Call(import));
        if result {
            let local = body.local(ValType::EXTERNREF);
            self.root_unless_null(&mut body, local, true);
        }
        body.finish()
    }

    fn struct_field(&self, record: &OpRecord) -> Result<(u32, Kind), String> {
        let key = record
            .type_key
            .as_deref()
            .ok_or("a struct operation without type")?;
        let field = record
            .field
            .ok_or("a struct field operation without field")? as usize;
        let kind = self
            .structs
            .get(key)
            .and_then(|fields| fields.get(field))
            .ok_or_else(|| format!("struct {key} has no field {field}"))?
            .clone();
        Ok((self.struct_index(key)?, kind))
    }

    fn array_element(&self, record: &OpRecord) -> Result<(u32, Kind), String> {
        let key = record
            .type_key
            .as_deref()
            .ok_or("an array operation without type")?;
        let kind = self
            .arrays
            .get(key)
            .ok_or_else(|| format!("no array type {key}"))?
            .clone();
        Ok((self.array_index(key)?, kind))
    }

    /// Pushes the object whose handle is stored at the address in parameter `param`.
    fn load_object(&self, body: &mut Body, param: u32, cast: RefCastTarget) {
        if body.is_reference(param) {
            body.op(Instruction::LocalGet(param))
                .op(Instruction::AnyConvertExtern);
        } else {
            body.handle(param)
                .op(Instruction::TableGet(self.roots_table));
        }
        body.op(Instruction::RefCastNonNull(match cast {
            RefCastTarget::Concrete(index) => HeapType::Concrete(index),
            RefCastTarget::Eq => HeapType::Abstract {
                shared: false,
                ty: AbstractHeapType::Eq,
            },
            RefCastTarget::Array => HeapType::Abstract {
                shared: false,
                ty: AbstractHeapType::Array,
            },
        }));
    }

    /// Pushes the stored form of a value Rust code holds (a handle becomes its reference).
    fn push_value(&self, body: &mut Body, kind: &Kind, source: Source) -> Result<(), String> {
        match source {
            Source::Local(local) => {
                body.op(Instruction::LocalGet(local));
            }
            Source::Memory { address, offset } => {
                let at = mem(offset, kind.size());
                body.op(Instruction::LocalGet(address)).op(match kind {
                    Kind::I8 { signed: true } => Instruction::I32Load8S(at),
                    Kind::I8 { signed: false } | Kind::Bool => Instruction::I32Load8U(at),
                    Kind::I16 { signed: true } => Instruction::I32Load16S(at),
                    Kind::I16 { signed: false } => Instruction::I32Load16U(at),
                    Kind::I64 => Instruction::I64Load(at),
                    Kind::F32 => Instruction::F32Load(at),
                    Kind::F64 => Instruction::F64Load(at),
                    _ => Instruction::I32Load(at),
                });
            }
        }
        match kind {
            Kind::Struct { key, nullable } => {
                let heap_type = self.struct_heap(key)?;
                body.op(Instruction::TableGet(self.roots_table))
                    .op(if *nullable {
                        Instruction::RefCastNullable(heap_type)
                    } else {
                        Instruction::RefCastNonNull(heap_type)
                    });
            }
            Kind::Array { key } => {
                let heap_type = self.array_heap(key)?;
                body.op(Instruction::TableGet(self.roots_table))
                    .op(Instruction::RefCastNonNull(heap_type));
            }
            Kind::Extern => {
                body.op(Instruction::TableGet(self.roots_table))
                    .op(Instruction::ExternConvertAny);
            }
            _ => {}
        }
        Ok(())
    }

    /// A new object on the stack becomes the result: a new root, or the object itself.
    fn new_object_result(&self, body: &mut Body) {
        body.op(if body.reference_result {
            Instruction::ExternConvertAny
        } else {
            Instruction::Call(self.root_fn)
        });
    }

    /// A value read from an object becomes the result: what Rust code holds, or for a handle
    /// kept as a reference, the object itself (null stays null).
    fn to_result(&self, body: &mut Body, kind: &Kind) -> Result<(), String> {
        if !body.reference_result {
            return self.to_handle(body, kind);
        }
        match kind {
            Kind::Struct { .. } | Kind::Array { .. } => {
                body.op(Instruction::ExternConvertAny);
            }
            Kind::Extern => {}
            _ => return Err("a reference result of a field that is not a handle".to_owned()),
        }
        Ok(())
    }

    /// Turns the stored form on the stack into what Rust code holds (a reference gets a root).
    fn to_handle(&self, body: &mut Body, kind: &Kind) -> Result<(), String> {
        match kind {
            Kind::Struct {
                nullable: false, ..
            }
            | Kind::Array { .. } => {
                body.op(Instruction::Call(self.root_fn));
            }
            Kind::Struct {
                key,
                nullable: true,
            } => {
                let local = body.local(ValType::Ref(RefType {
                    nullable: true,
                    heap_type: self.struct_heap(key)?,
                }));
                self.root_unless_null(body, local, false);
            }
            Kind::Extern => {
                let local = body.local(ValType::EXTERNREF);
                self.root_unless_null(body, local, true);
            }
            _ => {}
        }
        Ok(())
    }

    fn root_unless_null(&self, body: &mut Body, local: u32, external: bool) {
        body.op(Instruction::LocalTee(local))
            .op(Instruction::RefIsNull)
            .op(Instruction::If(BlockType::Result(ValType::I32)))
            .op(Instruction::I32Const(0))
            .op(Instruction::Else)
            .op(Instruction::LocalGet(local));
        if external {
            body.op(Instruction::AnyConvertExtern);
        }
        body.op(Instruction::Call(self.root_fn))
            .op(Instruction::End);
    }

    fn release_if_handle(&self, body: &mut Body, kind: &Kind, local: u32) {
        if kind.is_handle() {
            self.release(body, local);
        }
    }

    /// Frees the root in `local` unless it is 0 (null).
    fn release(&self, body: &mut Body, local: u32) {
        body.op(Instruction::LocalGet(local))
            .op(Instruction::If(BlockType::Empty))
            .op(Instruction::LocalGet(local))
            .op(Instruction::Call(self.unroot_fn))
            .op(Instruction::End);
    }

    fn struct_new(&self, body: &mut Body, record: &OpRecord) -> Result<(), String> {
        let key = record
            .type_key
            .as_deref()
            .ok_or("gc_struct_new without type")?;
        let fields = self
            .structs
            .get(key)
            .ok_or_else(|| format!("no struct type {key}"))?
            .clone();
        let index = self.struct_index(key)?;
        let passing = record.passing.clone().ok_or("gc_struct_new without pass")?;
        // Handles move into the object: their roots are released after `struct.new`.
        let mut consumed = Vec::new();
        for (field, kind) in fields.iter().enumerate() {
            let source = match &passing {
                Passing::Memory(offsets) => {
                    let offset = *offsets.get(field).ok_or("fewer offsets than fields")?;
                    Source::Memory { address: 0, offset }
                }
                Passing::Args(order) => {
                    let param = order
                        .iter()
                        .position(|&f| f == field)
                        .ok_or("a field with no parameter")?;
                    Source::Local(param as u32)
                }
                Passing::Nothing => {
                    return Err(format!("struct {key} has fields but none are passed"));
                }
            };
            let source = if kind.is_handle() {
                // Keep the handle in a local: it is read again to release its root.
                let handle = body.local(ValType::I32);
                match source {
                    Source::Local(local) => {
                        body.op(Instruction::LocalGet(local));
                    }
                    Source::Memory { address, offset } => {
                        body.op(Instruction::LocalGet(address))
                            .op(Instruction::I32Load(mem(offset, 4)));
                    }
                }
                body.op(Instruction::LocalSet(handle));
                consumed.push(handle);
                Source::Local(handle)
            } else {
                source
            };
            self.push_value(body, kind, source)?;
        }
        body.op(Instruction::StructNew(index));
        self.new_object_result(body);
        for handle in consumed {
            self.release(body, handle);
        }
        Ok(())
    }

    /// `(ptr, len) -> handle`: a new array with clones of the slice's elements.
    fn array_from_slice(&self, body: &mut Body, record: &OpRecord) -> Result<(), String> {
        let (index, kind) = self.array_element(record)?;
        let size = kind.size();
        let array = body.local(ValType::Ref(RefType {
            nullable: true,
            heap_type: HeapType::Concrete(index),
        }));
        // Starts at 0 (a local's initial value), or at 1 when element 0 initialized the array.
        let i = body.local(ValType::I32);
        let address = body.local(ValType::I32);
        if matches!(
            kind,
            Kind::Struct {
                nullable: false,
                ..
            } | Kind::Array { .. }
        ) {
            // Elements without a default: the first one initializes every slot.
            body.op(Instruction::LocalGet(1))
                .op(Instruction::I32Eqz)
                .op(Instruction::If(BlockType::Empty))
                .op(Instruction::ArrayNewFixed {
                    array_type_index: index,
                    array_size: 0,
                })
                .op(Instruction::LocalSet(array))
                .op(Instruction::Else);
            self.push_value(
                body,
                &kind,
                Source::Memory {
                    address: 0,
                    offset: 0,
                },
            )?;
            body.op(Instruction::LocalGet(1))
                .op(Instruction::ArrayNew(index))
                .op(Instruction::LocalSet(array))
                .op(Instruction::I32Const(1))
                .op(Instruction::LocalSet(i))
                .op(Instruction::End);
        } else {
            body.op(Instruction::LocalGet(1))
                .op(Instruction::ArrayNewDefault(index))
                .op(Instruction::LocalSet(array));
        }
        body.op(Instruction::Block(BlockType::Empty))
            .op(Instruction::Loop(BlockType::Empty))
            .op(Instruction::LocalGet(i))
            .op(Instruction::LocalGet(1))
            .op(Instruction::I32GeU)
            .op(Instruction::BrIf(1))
            .op(Instruction::LocalGet(0))
            .op(Instruction::LocalGet(i))
            .op(Instruction::I32Const(size as i32))
            .op(Instruction::I32Mul)
            .op(Instruction::I32Add)
            .op(Instruction::LocalSet(address))
            .op(Instruction::LocalGet(array))
            .op(Instruction::LocalGet(i));
        self.push_value(body, &kind, Source::Memory { address, offset: 0 })?;
        body.op(Instruction::ArraySet(index))
            .op(Instruction::LocalGet(i))
            .op(Instruction::I32Const(1))
            .op(Instruction::I32Add)
            .op(Instruction::LocalSet(i))
            .op(Instruction::Br(0))
            .op(Instruction::End)
            .op(Instruction::End)
            .op(Instruction::LocalGet(array))
            .op(Instruction::Call(self.root_fn));
        Ok(())
    }
}

/// Where a value Rust code holds comes from.
#[derive(Copy, Clone)]
enum Source {
    Local(u32),
    /// In memory at the address in local `address` plus `offset`.
    Memory {
        address: u32,
        offset: u32,
    },
}

#[derive(Copy, Clone)]
enum RefCastTarget {
    Concrete(u32),
    Eq,
    Array,
}
