//! Constants and statics: immediate constants, constant allocations as data symbols with relocations.

use rustc_abi::{self as abi, HasDataLayout, Primitive, Size};
use rustc_codegen_ssa::traits::{
    BaseTypeCodegenMethods, ConstCodegenMethods, MiscCodegenMethods, StaticCodegenMethods,
};
use rustc_hir::def::DefKind;
use rustc_hir::def_id::DefId;
use rustc_middle::middle::codegen_fn_attrs::CodegenFnAttrFlags;
use rustc_middle::mir::interpret::{ConstAllocation, GlobalAlloc, Scalar};
use rustc_middle::ty::{self, Instance};

use crate::context::CodegenCx;
use crate::emit::RelocTarget;
use crate::emit::object::{DataDef, DataReloc, SYM_BINDING_LOCAL, SYM_NO_STRIP, SYM_VISIBILITY_HIDDEN};
use crate::types::{Type, TypeKind};
use crate::value::{DataId, Value, ValueData};

fn truncate(bits: u128, width: u32) -> u128 {
    if width >= 128 { bits } else { bits & ((1u128 << width) - 1) }
}

impl<'tcx> CodegenCx<'tcx> {
    pub(crate) fn const_int_of(&self, ty: Type, bits: u128) -> Value {
        let width = self.int_bits(ty).unwrap_or(128);
        self.value(ValueData::Int { ty, bits: truncate(bits, width) })
    }

    /// Bytes and relocations of a constant allocation.
    fn alloc_contents(&self, alloc: ConstAllocation<'_>) -> (Vec<u8>, Vec<DataReloc>) {
        let alloc = alloc.inner();
        let mut bytes = alloc.inspect_with_uninit_and_ptr_outside_interpreter(0..alloc.len()).to_vec();
        let mut relocs = Vec::new();
        let ptr_size = self.data_layout().pointer_size();
        for &(offset, prov) in alloc.provenance().ptrs().iter() {
            let at = offset.bytes() as usize;
            let raw = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
            let ptr = rustc_middle::mir::interpret::Pointer::new(prov, Size::from_bytes(raw));
            let scalar = Scalar::from_pointer(ptr, &self.tcx);
            let layout = abi::Scalar::Initialized {
                value: Primitive::Pointer(abi::AddressSpace::ZERO),
                valid_range: abi::WrappingRange::full(ptr_size),
            };
            let v = self.scalar_to_backend(scalar, layout, self.t_ptr);
            match self.value_data(v) {
                ValueData::DataAddr { data, offset } => {
                    bytes[at..at + 4].fill(0);
                    relocs.push(DataReloc {
                        offset: at as u32,
                        target: RelocTarget::Data(data),
                        addend: offset as i32,
                    });
                }
                ValueData::FnAddr(f) => {
                    bytes[at..at + 4].fill(0);
                    relocs.push(DataReloc { offset: at as u32, target: RelocTarget::Func(f), addend: 0 });
                }
                ValueData::Int { bits, .. } => bytes[at..at + 4].copy_from_slice(&(bits as u32).to_le_bytes()),
                other => rustc_middle::bug!("unexpected pointer constant {other:?}"),
            }
        }
        (bytes, relocs)
    }

    /// An anonymous data symbol holding `bytes`, shared between identical constants.
    pub(crate) fn anon_data(&self, bytes: Vec<u8>, relocs: Vec<DataReloc>, align: u64, mutable: bool) -> DataId {
        let key = (!mutable).then(|| (bytes.clone(), relocs.clone()));
        if let Some(key) = &key
            && let Some(&d) = self.const_datas.borrow().get(key)
        {
            let mut datas = self.datas.borrow_mut();
            let def = datas[d.0 as usize].def.as_mut().unwrap();
            def.align = def.align.max(align);
            return d;
        }
        let name = self.anon_name("alloc");
        let d = self.declare_data(&name);
        {
            let mut datas = self.datas.borrow_mut();
            datas[d.0 as usize].flags = SYM_BINDING_LOCAL | SYM_VISIBILITY_HIDDEN;
            datas[d.0 as usize].def = Some(DataDef { bytes, relocs, align, mutable });
        }
        if let Some(key) = key {
            self.const_datas.borrow_mut().insert(key, d);
        }
        d
    }

    pub(crate) fn static_data(&self, def_id: DefId) -> DataId {
        let instance = Instance::mono(self.tcx, def_id);
        let name = self.tcx.symbol_name(instance).name;
        self.declare_data(name)
    }
}

impl<'tcx> ConstCodegenMethods for CodegenCx<'tcx> {
    fn const_null(&self, t: Type) -> Value {
        match self.kind(t) {
            TypeKind::Int(_) | TypeKind::Ptr => self.const_int_of(t, 0),
            TypeKind::F32 | TypeKind::F64 => self.value(ValueData::Float { ty: t, bits: 0 }),
            _ => self.value(ValueData::Undef(t)),
        }
    }
    fn const_undef(&self, t: Type) -> Value {
        self.value(ValueData::Undef(t))
    }
    fn const_poison(&self, t: Type) -> Value {
        self.value(ValueData::Undef(t))
    }
    fn const_bool(&self, val: bool) -> Value {
        self.const_int_of(self.t_i1, u128::from(val))
    }
    fn const_i8(&self, i: i8) -> Value {
        self.const_int_of(self.t_i8, i as u128)
    }
    fn const_i16(&self, i: i16) -> Value {
        self.const_int_of(self.t_i16, i as u128)
    }
    fn const_i32(&self, i: i32) -> Value {
        self.const_int_of(self.t_i32, i as u128)
    }
    fn const_i64(&self, i: i64) -> Value {
        self.const_int_of(self.t_i64, i as u128)
    }
    fn const_int(&self, t: Type, i: i64) -> Value {
        self.const_int_of(t, i as i128 as u128)
    }
    fn const_u8(&self, i: u8) -> Value {
        self.const_int_of(self.t_i8, u128::from(i))
    }
    fn const_u32(&self, i: u32) -> Value {
        self.const_int_of(self.t_i32, u128::from(i))
    }
    fn const_u64(&self, i: u64) -> Value {
        self.const_int_of(self.t_i64, u128::from(i))
    }
    fn const_u128(&self, i: u128) -> Value {
        self.const_int_of(self.t_i128, i)
    }
    fn const_usize(&self, i: u64) -> Value {
        self.const_int_of(self.t_i32, u128::from(i))
    }
    fn const_uint(&self, t: Type, i: u64) -> Value {
        self.const_int_of(t, u128::from(i))
    }
    fn const_uint_big(&self, t: Type, u: u128) -> Value {
        self.const_int_of(t, u)
    }
    fn const_real(&self, t: Type, val: f64) -> Value {
        let bits = match self.kind(t) {
            TypeKind::F32 => u64::from((val as f32).to_bits()),
            TypeKind::F64 => val.to_bits(),
            // Soft floats are bit patterns in integer lanes (builder/softfloat.rs).
            TypeKind::F16 => return self.const_int_of(t, u128::from((val as f16).to_bits())),
            TypeKind::F128 => return self.const_int_of(t, (val as f128).to_bits()),
            k => rustc_middle::bug!("const_real of {k:?}"),
        };
        self.value(ValueData::Float { ty: t, bits })
    }
    fn const_str(&self, s: &str) -> (Value, Value) {
        let d = self.anon_data(s.as_bytes().to_vec(), Vec::new(), 1, false);
        (self.value(ValueData::DataAddr { data: d, offset: 0 }), self.const_usize(s.len() as u64))
    }
    fn const_struct(&self, elts: &[Value], packed: bool) -> Value {
        let fields = elts.iter().map(|&e| self.val_ty(e)).collect();
        let ty = self.intern(TypeKind::Struct(fields, packed));
        self.value(ValueData::Aggregate { ty, elems: elts.to_vec() })
    }
    fn const_vector(&self, elts: &[Value]) -> Value {
        let ty = self.intern(TypeKind::Vector(self.val_ty(elts[0]), elts.len() as u64));
        self.value(ValueData::Aggregate { ty, elems: elts.to_vec() })
    }
    fn const_to_opt_uint(&self, v: Value) -> Option<u64> {
        match self.value_data(v) {
            ValueData::Int { bits, .. } => u64::try_from(bits).ok(),
            _ => None,
        }
    }
    fn const_to_opt_u128(&self, v: Value, sign_ext: bool) -> Option<u128> {
        match self.value_data(v) {
            ValueData::Int { ty, bits } => {
                let width = self.int_bits(ty)?;
                if sign_ext && width < 128 && (bits >> (width - 1)) & 1 == 1 {
                    Some(bits | !((1u128 << width) - 1))
                } else {
                    Some(bits)
                }
            }
            _ => None,
        }
    }
    fn scalar_to_backend(&self, cv: Scalar, layout: abi::Scalar, llty: Type) -> Value {
        match cv {
            Scalar::Int(int) => {
                let bits = int.to_bits(layout.size(self));
                match self.kind(llty) {
                    TypeKind::F32 | TypeKind::F64 => self.value(ValueData::Float { ty: llty, bits: bits as u64 }),
                    _ => self.const_int_of(llty, bits),
                }
            }
            Scalar::Ptr(ptr, _) => {
                let (prov, offset) = ptr.prov_and_relative_offset();
                let offset = offset.bytes() as i64;
                match self.tcx.global_alloc(prov.alloc_id()) {
                    GlobalAlloc::Memory(alloc) => {
                        if alloc.inner().len() == 0 {
                            let addr = alloc.inner().align.bytes() as i64 + offset;
                            return self.const_int_of(llty, addr as u128);
                        }
                        let d = self.data_for_alloc(alloc);
                        self.value(ValueData::DataAddr { data: d, offset })
                    }
                    GlobalAlloc::Function { instance } => self.get_fn_addr(instance),
                    GlobalAlloc::VTable(ty, dyn_ty) => {
                        let principal = dyn_ty.principal().map(|p| self.tcx.instantiate_bound_regions_with_erased(p));
                        let alloc = self.tcx.global_alloc(self.tcx.vtable_allocation((ty, principal))).unwrap_memory();
                        let d = self.data_for_alloc(alloc);
                        self.value(ValueData::DataAddr { data: d, offset })
                    }
                    GlobalAlloc::TypeId { .. } => self.const_int_of(llty, offset as u128),
                    GlobalAlloc::Static(def_id) => {
                        let d = self.static_data(def_id);
                        self.value(ValueData::DataAddr { data: d, offset })
                    }
                }
            }
        }
    }
    fn const_ptr_byte_offset(&self, val: Value, offset: Size) -> Value {
        match self.value_data(val) {
            ValueData::DataAddr { data, offset: o } => {
                self.value(ValueData::DataAddr { data, offset: o + offset.bytes() as i64 })
            }
            ValueData::Int { ty, bits } => self.const_int_of(ty, bits + u128::from(offset.bytes())),
            other => rustc_middle::bug!("const_ptr_byte_offset of {other:?}"),
        }
    }
}

impl<'tcx> CodegenCx<'tcx> {
    /// A static in `.init_array[.PRIORITY]`: its function pointers are constructors, which the
    /// object lists in the `linking` section's init functions (as LLVM does), so that wasm-ld's
    /// `__wasm_call_ctors` calls them before `main`. The static itself is not emitted.
    fn init_functions(&self, def_id: DefId, priority: &str, bytes: &[u8], relocs: &[DataReloc]) {
        // `.init_array` alone runs last, like LLVM's default priority.
        let priority = match priority.strip_prefix('.') {
            Some(digits) => digits.parse::<u32>().ok(),
            None if priority.is_empty() => Some(65535),
            None => None,
        };
        let pointers: Option<Vec<crate::value::FnId>> = relocs
            .iter()
            .enumerate()
            .map(|(slot, reloc)| match reloc.target {
                RelocTarget::Func(f) if reloc.offset as usize == slot * 4 && reloc.addend == 0 => Some(f),
                _ => None,
            })
            .collect();
        match (priority, pointers) {
            (Some(priority), Some(functions)) if functions.len() * 4 == bytes.len() => {
                let mut init = self.init_funcs.borrow_mut();
                init.extend(functions.into_iter().map(|f| (priority, f)));
            }
            _ => crate::errors::unsupported(
                self.tcx,
                self.tcx.def_span(def_id),
                "an `.init_array` static that is not function pointers, or whose section has no numeric priority",
            ),
        }
    }

    fn data_for_alloc(&self, alloc: ConstAllocation<'_>) -> DataId {
        let (bytes, relocs) = self.alloc_contents(alloc);
        let inner = alloc.inner();
        self.anon_data(bytes, relocs, inner.align.bytes(), inner.mutability.is_mut())
    }
}

impl<'tcx> StaticCodegenMethods for CodegenCx<'tcx> {
    fn static_addr_of(&self, alloc: ConstAllocation<'_>, _kind: Option<&str>) -> Value {
        let d = self.data_for_alloc(alloc);
        self.value(ValueData::DataAddr { data: d, offset: 0 })
    }

    fn codegen_static(&mut self, def_id: DefId) {
        let Ok(alloc) = self.tcx.eval_static_initializer(def_id) else { return };
        let attrs = self.tcx.codegen_fn_attrs(def_id);
        let (bytes, relocs) = self.alloc_contents(alloc);
        if let Some(section) = attrs.link_section {
            // On wasm a link section is a custom section with the static's bytes (rustc rejects
            // pointers in them); the static stays an ordinary one too, as under LLVM. Except
            // `.init_array`, which lists constructors.
            if let Some(priority) = section.as_str().strip_prefix(".init_array") {
                self.init_functions(def_id, priority, &bytes, &relocs);
                return;
            }
            if !relocs.is_empty() {
                crate::errors::unsupported(
                    self.tcx,
                    self.tcx.def_span(def_id),
                    "`#[link_section]` on a static that holds pointers (a custom section has no relocations)",
                );
                return;
            }
            self.custom_sections.borrow_mut().push((section.to_string(), bytes.clone()));
        }
        let inner = alloc.inner();
        let d = self.static_data(def_id);
        let mut datas = self.datas.borrow_mut();
        let decl = &mut datas[d.0 as usize];
        if attrs.flags.intersects(CodegenFnAttrFlags::USED_COMPILER | CodegenFnAttrFlags::USED_LINKER) {
            decl.flags |= SYM_NO_STRIP;
        }
        // A nested static (memory a static's initializer borrows, interned as its own static) has
        // no type to ask for; the interner already gave its allocation the right mutability.
        let nested = matches!(self.tcx.def_kind(def_id), DefKind::Static { nested: true, .. });
        let mutable = inner.mutability.is_mut()
            || (!nested && {
                let typing_env = ty::TypingEnv::fully_monomorphized();
                !Instance::mono(self.tcx, def_id).ty(self.tcx, typing_env).is_freeze(self.tcx, typing_env)
            });
        decl.def = Some(DataDef { bytes, relocs, align: inner.align.bytes(), mutable });
    }
}
