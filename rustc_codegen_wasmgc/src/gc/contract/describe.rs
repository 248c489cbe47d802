//! Accelerated contract calls in an object (docs/wasmgc-lowering.md section 1): a call to an
//! instance of a contract operation calls the import `wasmgc.OP.HASH` instead, with the
//! signature the call site already uses, and the object's `wasmgc` custom section describes the
//! GC types and how each import receives its operands. The post-link pass (the `wasm-gc-lower` crate) reads it.
//!
//! Records, one per line:
//! - `struct KEY KIND*`: a `#[wasm::gc]` struct (fields in declaration order);
//! - `array KEY KIND`: the array type of a `GcArray<E>`;
//! - `op NAME OPERATION [type=KEY] [field=N] [pass=...]`: one import. `pass` says where
//!   `gc_struct_new` finds the fields: `mem:OFFSET,..` (the struct in memory, one offset per
//!   field), `args:FIELD,..` (parameter i holds that field) or `none` (no fields).
//! - `host MODULE FIELD params=I,..|- result=ext|-`: a host import with `RawExternRef`
//!   parameters (their wasm parameter positions) or result (CONTRACT.md section 3.5), whose
//!   type the lowering changes to `externref` there.
//!
//! KIND is `i8s i8u i16s i16u i32 i64 f32 f64 bool gc:KEY gc?:KEY arr:KEY ext`.

use std::fmt::Write as _;

use rustc_abi::{BackendRepr, Size};
use rustc_hir::LangItem;
use rustc_middle::ty::layout::{FnAbiOf, LayoutOf};
use rustc_middle::ty::{self, Instance, Ty, TypingEnv};
use rustc_target::callconv::{FnAbi, PassMode};

use super::ops::{Op, contract_item};
use crate::context::CodegenCx;
use crate::value::FnId;

impl<'tcx> CodegenCx<'tcx> {
    /// The import that replaces a call of `instance`, when it is a contract operation and the
    /// contract is accelerated.
    pub(crate) fn contract_intrinsic(&self, instance: Instance<'tcx>) -> Option<FnId> {
        if !self.gc_accelerate {
            return None;
        }
        let ty::InstanceKind::Item(def_id) = instance.def else { return None };
        let op = Op::from_name(contract_item(self.tcx, def_id)?)?;
        let symbol = self.tcx.symbol_name(instance).name;
        let name = format!("{}.{:016x}", op.name(), fnv64(symbol));
        if let Some(&f) = self.func_by_name.borrow().get(&name) {
            return Some(f);
        }
        let fn_abi = self.fn_abi_of_instance(instance, ty::List::empty());
        let sig = self.fn_abi_sig(fn_abi);
        let mut record = format!("op {name} {}", op.name());
        match op {
            Op::StructNew => {
                let ty = instance.args.type_at(0);
                let key = self.gc_struct(ty);
                let pass = self.fields_passing(ty, &fn_abi.args[0].mode);
                let _ = write!(record, " type={key} pass={pass}");
            }
            Op::StructGet | Op::StructSet => {
                let key = self.gc_struct(instance.args.type_at(0));
                let field = instance.args.const_at(1).to_leaf().to_u32();
                let _ = write!(record, " type={key} field={field}");
            }
            Op::ArrayNew | Op::ArrayFromSlice | Op::ArrayGet | Op::ArraySet => {
                let key = self.gc_array(instance.args.type_at(0));
                let _ = write!(record, " type={key}");
            }
            _ => {}
        }
        self.gc_records.borrow_mut().insert(record);
        Some(self.declare_fn(&name, sig, Some((crate::gc::wire::IMPORT_MODULE.to_owned(), name.clone()))))
    }

    /// Records a host import whose signature has `RawExternRef`s (CONTRACT.md section 3.5).
    pub(crate) fn describe_host_import(&self, fn_abi: &FnAbi<'tcx, Ty<'tcx>>, module: &str, field: &str) {
        if !self.gc_accelerate {
            return;
        }
        let is_raw = |ty: Ty<'tcx>| matches!(ty.kind(), ty::Adt(adt, _) if contract_item(self.tcx, adt.did()) == Some("RawExternRef"));
        let mut position = usize::from(matches!(fn_abi.ret.mode, PassMode::Indirect { .. }));
        let mut references = Vec::new();
        for arg in fn_abi.args.iter().take(crate::abi::sig::fixed_arg_count(fn_abi)) {
            let mut params = Vec::new();
            crate::abi::sig::arg_params(self, arg, &mut params);
            if is_raw(arg.layout.ty) {
                references.push(position.to_string());
            }
            position += params.iter().map(|&param| self.types.borrow().info(param).lanes.len()).sum::<usize>();
        }
        let result = is_raw(fn_abi.ret.layout.ty);
        if references.is_empty() && !result {
            return;
        }
        let params = if references.is_empty() { "-".to_owned() } else { references.join(",") };
        self.gc_records
            .borrow_mut()
            .insert(format!("host {module} {field} params={params} result={}", if result { "ext" } else { "-" }));
    }

    /// Records the struct type of `ty` (and every type its fields reach); returns its key.
    fn gc_struct(&self, ty: Ty<'tcx>) -> String {
        let key = type_key(self, ty);
        if !self.gc_keys.borrow_mut().insert(key.clone()) {
            return key;
        }
        let ty::Adt(adt, args) = ty.kind() else {
            self.tcx.dcx().fatal(format!("`{ty}` is not a `#[wasm::gc]` struct"));
        };
        let mut record = format!("struct {key}");
        for field in &adt.non_enum_variant().fields {
            let field_ty =
                self.tcx.normalize_erasing_regions(TypingEnv::fully_monomorphized(), field.ty(self.tcx, args));
            let kind = self.gc_kind(field_ty);
            let _ = write!(record, " {kind}");
        }
        self.gc_records.borrow_mut().insert(record);
        key
    }

    /// Records the array type of `GcArray<elem>`; returns its key.
    fn gc_array(&self, elem: Ty<'tcx>) -> String {
        let key = format!("a{}", type_key(self, elem));
        if self.gc_keys.borrow_mut().insert(key.clone()) {
            let kind = self.gc_kind(elem);
            self.gc_records.borrow_mut().insert(format!("array {key} {kind}"));
        }
        key
    }

    /// The storage kind of a `GcField` type (CONTRACT.md section 3.4).
    fn gc_kind(&self, ty: Ty<'tcx>) -> String {
        use rustc_middle::ty::{FloatTy, IntTy, UintTy};
        let kind = match ty.kind() {
            ty::Bool => "bool",
            ty::Char => "i32",
            ty::Int(IntTy::I8) => "i8s",
            ty::Uint(UintTy::U8) => "i8u",
            ty::Int(IntTy::I16) => "i16s",
            ty::Uint(UintTy::U16) => "i16u",
            ty::Int(IntTy::I32 | IntTy::Isize) | ty::Uint(UintTy::U32 | UintTy::Usize) => "i32",
            ty::Int(IntTy::I64) | ty::Uint(UintTy::U64) => "i64",
            ty::Float(FloatTy::F32) => "f32",
            ty::Float(FloatTy::F64) => "f64",
            ty::Adt(adt, args) => match contract_item(self.tcx, adt.did()) {
                Some("Gc") => return format!("gc:{}", self.gc_struct(args.type_at(0))),
                Some("GcArray") => return format!("arr:{}", self.gc_array(args.type_at(0))),
                Some("ExternRef") => "ext",
                _ if self.tcx.is_lang_item(adt.did(), LangItem::Option) => {
                    let inner = args.type_at(0);
                    if let ty::Adt(inner_adt, inner_args) = inner.kind()
                        && contract_item(self.tcx, inner_adt.did()) == Some("Gc")
                    {
                        return format!("gc?:{}", self.gc_struct(inner_args.type_at(0)));
                    }
                    self.tcx.dcx().fatal(format!("`{ty}` is not a GC field type"))
                }
                _ => self.tcx.dcx().fatal(format!("`{ty}` is not a GC field type")),
            },
            _ => self.tcx.dcx().fatal(format!("`{ty}` is not a GC field type")),
        };
        kind.to_owned()
    }

    /// Where `gc_struct_new::<ty>` finds each field, given how its `fields` argument is passed.
    fn fields_passing(&self, ty: Ty<'tcx>, mode: &PassMode) -> String {
        let layout = self.layout_of(ty);
        let field_count = layout.fields.count();
        let non_empty: Vec<usize> = (0..field_count).filter(|&i| !layout.field(self, i).is_zst()).collect();
        let field_at = |offset: Size| {
            non_empty
                .iter()
                .copied()
                .find(|&i| layout.fields.offset(i) == offset)
                .unwrap_or_else(|| self.tcx.dcx().fatal(format!("no field of `{ty}` at offset {}", offset.bytes())))
        };
        match mode {
            PassMode::Ignore => "none".to_owned(),
            PassMode::Indirect { .. } => {
                let offsets: Vec<String> =
                    (0..field_count).map(|i| layout.fields.offset(i).bytes().to_string()).collect();
                format!("mem:{}", offsets.join(","))
            }
            PassMode::Direct(_) => format!("args:{}", field_at(Size::ZERO)),
            PassMode::Pair(..) => {
                let BackendRepr::ScalarPair(a, b) = layout.backend_repr else {
                    self.tcx.dcx().fatal(format!("`{ty}` is passed as a pair but is not a scalar pair"))
                };
                let second = a.size(self).align_to(b.align(self).abi);
                format!("args:{},{}", field_at(Size::ZERO), field_at(second))
            }
            PassMode::Cast { .. } => {
                self.tcx.dcx().fatal(format!("`{ty}` is passed in a cast form that the WasmGC lowering does not read"))
            }
        }
    }
}

/// A key that names `ty` the same way in every crate of the program.
fn type_key<'tcx>(cx: &CodegenCx<'tcx>, ty: Ty<'tcx>) -> String {
    format!("{:032x}", cx.tcx.type_id_hash(ty).as_u128())
}

fn fnv64(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
