//! rustc's type traits: primitive types, layouts to backend types, and type queries.

use rustc_abi::{AddressSpace, BackendRepr, Float, Primitive, Reg, RegKind, Scalar};
use rustc_codegen_ssa::common::TypeKind as SsaTypeKind;
use rustc_codegen_ssa::traits::{BaseTypeCodegenMethods, LayoutTypeCodegenMethods, TypeMembershipCodegenMethods};
use rustc_middle::ty::Ty;
use rustc_middle::ty::layout::TyAndLayout;
use rustc_target::callconv::{CastTarget, FnAbi};

use crate::context::CodegenCx;
use crate::types::{FnSig, Type, TypeKind};
use crate::value::{Value, ValueData};

impl<'tcx> CodegenCx<'tcx> {
    pub(crate) fn int_type(&self, bits: u64) -> Type {
        match bits {
            1 => self.t_i1,
            8 => self.t_i8,
            16 => self.t_i16,
            32 => self.t_i32,
            64 => self.t_i64,
            128 => self.t_i128,
            _ => self.intern(TypeKind::Int(bits as u32)),
        }
    }

    pub(crate) fn kind(&self, t: Type) -> TypeKind {
        self.types.borrow().info(t).kind.clone()
    }

    pub(crate) fn int_bits(&self, t: Type) -> Option<u32> {
        match self.types.borrow().info(t).kind {
            TypeKind::Int(b) => Some(b),
            TypeKind::Ptr => Some(32),
            _ => None,
        }
    }

    pub(crate) fn size_of(&self, t: Type) -> u64 {
        self.types.borrow().info(t).size
    }

    fn primitive_type(&self, p: Primitive, immediate: bool, is_bool: bool) -> Type {
        if is_bool {
            return if immediate { self.t_i1 } else { self.t_i8 };
        }
        match p {
            Primitive::Int(i, _) => self.int_type(i.size().bits()),
            Primitive::Float(Float::F16) => self.intern(TypeKind::F16),
            Primitive::Float(Float::F32) => self.t_f32,
            Primitive::Float(Float::F64) => self.t_f64,
            Primitive::Float(Float::F128) => self.intern(TypeKind::F128),
            Primitive::Pointer(_) => self.t_ptr,
        }
    }

    pub(crate) fn scalar_type(&self, s: Scalar, immediate: bool) -> Type {
        self.primitive_type(s.primitive(), immediate, s.is_bool())
    }

    fn layout_type(&self, layout: TyAndLayout<'tcx>, immediate: bool) -> Type {
        match layout.backend_repr {
            BackendRepr::Scalar(s) => self.scalar_type(s, immediate),
            BackendRepr::ScalarPair(a, b) => {
                let fields = vec![self.scalar_type(a, immediate), self.scalar_type(b, immediate)];
                self.intern(TypeKind::Struct(fields, false))
            }
            BackendRepr::SimdVector { element, count } => {
                self.intern(TypeKind::Vector(self.scalar_type(element, false), count))
            }
            _ => self.intern(TypeKind::Array(self.t_i8, layout.size.bytes())),
        }
    }
}

impl<'tcx> BaseTypeCodegenMethods for CodegenCx<'tcx> {
    fn type_i8(&self) -> Type {
        self.t_i8
    }
    fn type_i16(&self) -> Type {
        self.t_i16
    }
    fn type_i32(&self) -> Type {
        self.t_i32
    }
    fn type_i64(&self) -> Type {
        self.t_i64
    }
    fn type_i128(&self) -> Type {
        self.t_i128
    }
    fn type_isize(&self) -> Type {
        self.t_i32
    }
    fn type_f16(&self) -> Type {
        self.intern(TypeKind::F16)
    }
    fn type_f32(&self) -> Type {
        self.t_f32
    }
    fn type_f64(&self) -> Type {
        self.t_f64
    }
    fn type_f128(&self) -> Type {
        self.intern(TypeKind::F128)
    }
    fn type_array(&self, ty: Type, len: u64) -> Type {
        self.intern(TypeKind::Array(ty, len))
    }
    fn type_func(&self, args: &[Type], ret: Type) -> FnSig {
        self.sig(args.to_vec(), ret)
    }
    fn type_kind(&self, ty: Type) -> SsaTypeKind {
        match self.kind(ty) {
            TypeKind::Void => SsaTypeKind::Void,
            TypeKind::Int(_) => SsaTypeKind::Integer,
            TypeKind::F16 => SsaTypeKind::Half,
            TypeKind::F32 => SsaTypeKind::Float,
            TypeKind::F64 => SsaTypeKind::Double,
            TypeKind::F128 => SsaTypeKind::FP128,
            TypeKind::Ptr | TypeKind::ExternRef => SsaTypeKind::Pointer,
            TypeKind::Array(..) => SsaTypeKind::Array,
            TypeKind::Struct(..) => SsaTypeKind::Struct,
            TypeKind::Vector(..) => SsaTypeKind::Vector,
        }
    }
    fn type_ptr(&self) -> Type {
        self.t_ptr
    }
    fn type_ptr_ext(&self, _address_space: AddressSpace) -> Type {
        self.t_ptr
    }
    fn element_type(&self, ty: Type) -> Type {
        match self.kind(ty) {
            TypeKind::Array(e, _) | TypeKind::Vector(e, _) => e,
            k => rustc_middle::bug!("element_type of {k:?}"),
        }
    }
    fn vector_length(&self, ty: Type) -> usize {
        match self.kind(ty) {
            TypeKind::Vector(_, n) => n as usize,
            k => rustc_middle::bug!("vector_length of {k:?}"),
        }
    }
    fn float_width(&self, ty: Type) -> usize {
        match self.kind(ty) {
            TypeKind::F16 => 16,
            TypeKind::F32 => 32,
            TypeKind::F64 => 64,
            TypeKind::F128 => 128,
            k => rustc_middle::bug!("float_width of {k:?}"),
        }
    }
    fn int_width(&self, ty: Type) -> u64 {
        u64::from(self.int_bits(ty).unwrap_or_else(|| rustc_middle::bug!("int_width of non-int")))
    }
    fn val_ty(&self, v: Value) -> Type {
        match self.values.borrow()[v.0 as usize] {
            ValueData::Local { ty, .. }
            | ValueData::Int { ty, .. }
            | ValueData::Float { ty, .. }
            | ValueData::Undef(ty)
            | ValueData::Aggregate { ty, .. } => ty,
            ValueData::DataAddr { .. } | ValueData::FnAddr(_) | ValueData::FrameAddr { .. } => self.t_ptr,
        }
    }
}

impl<'tcx> LayoutTypeCodegenMethods<'tcx> for CodegenCx<'tcx> {
    fn backend_type(&self, layout: TyAndLayout<'tcx>) -> Type {
        self.layout_type(layout, false)
    }
    fn cast_backend_type(&self, cast: &CastTarget) -> Type {
        let rest_unit = self.reg_backend_type(&cast.rest.unit);
        let unit_size = cast.rest.unit.size.bytes();
        let total = cast.rest.total.bytes();
        let prefix: Vec<Type> = cast.prefix.iter().flatten().map(|r| self.reg_backend_type(r)).collect();
        if prefix.is_empty() && total <= unit_size {
            return rest_unit;
        }
        let mut fields = prefix;
        let full = total / unit_size;
        if full > 0 {
            fields.push(self.intern(TypeKind::Array(rest_unit, full)));
        }
        let rem = total % unit_size;
        if rem > 0 {
            fields.push(self.int_type(rem * 8));
        }
        self.intern(TypeKind::Struct(fields, false))
    }
    fn fn_decl_backend_type(&self, fn_abi: &FnAbi<'tcx, Ty<'tcx>>) -> FnSig {
        self.fn_abi_sig(fn_abi)
    }
    fn fn_ptr_backend_type(&self, _fn_abi: &FnAbi<'tcx, Ty<'tcx>>) -> Type {
        self.t_ptr
    }
    fn reg_backend_type(&self, reg: &Reg) -> Type {
        match reg.kind {
            RegKind::Integer => self.int_type(reg.size.bits()),
            RegKind::Float => match reg.size.bits() {
                16 => self.intern(TypeKind::F16),
                32 => self.t_f32,
                64 => self.t_f64,
                _ => self.intern(TypeKind::F128),
            },
            RegKind::Vector { .. } => self.intern(TypeKind::Vector(self.t_i8, reg.size.bytes())),
        }
    }
    fn immediate_backend_type(&self, layout: TyAndLayout<'tcx>) -> Type {
        self.layout_type(layout, true)
    }
    fn is_backend_immediate(&self, layout: TyAndLayout<'tcx>) -> bool {
        matches!(layout.backend_repr, BackendRepr::Scalar(_) | BackendRepr::SimdVector { .. })
    }
    fn is_backend_scalar_pair(&self, layout: TyAndLayout<'tcx>) -> bool {
        matches!(layout.backend_repr, BackendRepr::ScalarPair(..))
    }
    fn scalar_pair_element_backend_type(&self, layout: TyAndLayout<'tcx>, index: usize, immediate: bool) -> Type {
        let BackendRepr::ScalarPair(a, b) = layout.backend_repr else {
            rustc_middle::bug!("scalar_pair_element_backend_type of {layout:?}")
        };
        self.scalar_type(if index == 0 { a } else { b }, immediate)
    }
}

impl<'tcx> TypeMembershipCodegenMethods<'tcx> for CodegenCx<'tcx> {}
