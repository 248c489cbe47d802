//! DWARF types for `-Cdebuginfo=2`, from each type's layout: primitives, pointers and references
//! (fat ones as `data_ptr`/`length` or `pointer`/`vtable` pairs), function pointers with their
//! signature, arrays, structs, tuples and closures with their fields, and enums as variant parts
//! over their tag, niche or direct.

use gimli::write::{AttributeValue, UnitEntryId};
use rustc_abi::{FieldIdx, FieldsShape, Size, TagEncoding, VariantIdx, Variants};
use rustc_codegen_ssa::debuginfo::type_names;
use rustc_data_structures::fx::FxHashMap;
use rustc_middle::ty::layout::{LayoutOf, TyAndLayout};
use rustc_middle::ty::{self, Ty};

use super::unit::DebugUnit;
use crate::context::CodegenCx;

/// The tag value that selects a variant; `None` for none (a niche layout's untagged variant).
type Selector<'tcx> = Box<dyn Fn(VariantIdx) -> Option<u128> + 'tcx>;

/// The unit's types already described, by Rust type.
#[derive(Default)]
pub(crate) struct DebugTypes<'tcx> {
    entries: FxHashMap<Ty<'tcx>, UnitEntryId>,
}

impl<'tcx> DebugTypes<'tcx> {
    /// The DIE of `ty`, described on first use. A struct's DIE exists before its fields are, so
    /// types that point to themselves end.
    pub(crate) fn of(&mut self, cx: &CodegenCx<'tcx>, unit: &mut DebugUnit, ty: Ty<'tcx>) -> UnitEntryId {
        if let Some(&id) = self.entries.get(&ty) {
            return id;
        }
        let tcx = cx.tcx;
        let layout = cx.layout_of(ty);
        let name = type_names::compute_debuginfo_type_name(tcx, ty, true);
        let size = layout.size.bytes();
        let root = unit.dwarf.unit.root();
        let new = |unit: &mut DebugUnit, tag| {
            let id = unit.dwarf.unit.add(root, tag);
            let name = unit.dwarf.strings.add(name.as_str());
            let e = unit.dwarf.unit.get_mut(id);
            e.set(gimli::DW_AT_name, AttributeValue::StringRef(name));
            e.set(gimli::DW_AT_byte_size, AttributeValue::Udata(size));
            id
        };
        let base = |unit: &mut DebugUnit, encoding| {
            let id = new(unit, gimli::DW_TAG_base_type);
            unit.dwarf.unit.get_mut(id).set(gimli::DW_AT_encoding, AttributeValue::Encoding(encoding));
            id
        };
        if let ty::Pat(base, _) = ty.kind() {
            // A pattern type (`NonNull`'s pointer) is its base type to a debugger.
            let id = self.of(cx, unit, *base);
            self.entries.insert(ty, id);
            return id;
        }
        let id = match ty.kind() {
            ty::Bool => base(unit, gimli::DW_ATE_boolean),
            ty::Char => base(unit, gimli::DW_ATE_UTF),
            ty::Int(_) => base(unit, gimli::DW_ATE_signed),
            ty::Uint(_) => base(unit, gimli::DW_ATE_unsigned),
            ty::Float(_) => base(unit, gimli::DW_ATE_float),
            ty::Never => base(unit, gimli::DW_ATE_unsigned),
            ty::Tuple(elems) if elems.is_empty() => base(unit, gimli::DW_ATE_unsigned),
            ty::Ref(_, pointee, _) | ty::RawPtr(pointee, _) if size == 4 => {
                let id = new(unit, gimli::DW_TAG_pointer_type);
                self.entries.insert(ty, id);
                let pointee = self.of(cx, unit, *pointee);
                unit.dwarf.unit.get_mut(id).set(gimli::DW_AT_type, AttributeValue::UnitRef(pointee));
                id
            }
            // A function pointer points to its signature, as in LLVM's DWARF.
            ty::FnPtr(sig_tys, header) => {
                let id = new(unit, gimli::DW_TAG_pointer_type);
                self.entries.insert(ty, id);
                let sig = tcx.instantiate_bound_regions_with_erased(sig_tys.with(*header));
                let signature = unit.dwarf.unit.add(root, gimli::DW_TAG_subroutine_type);
                if !sig.output().is_unit() {
                    let output = self.of(cx, unit, sig.output());
                    unit.dwarf.unit.get_mut(signature).set(gimli::DW_AT_type, AttributeValue::UnitRef(output));
                }
                for &input in sig.inputs() {
                    let input = self.of(cx, unit, input);
                    let parameter = unit.dwarf.unit.add(signature, gimli::DW_TAG_formal_parameter);
                    unit.dwarf.unit.get_mut(parameter).set(gimli::DW_AT_type, AttributeValue::UnitRef(input));
                }
                unit.dwarf.unit.get_mut(id).set(gimli::DW_AT_type, AttributeValue::UnitRef(signature));
                id
            }
            ty::Array(elem, _) => {
                let id = new(unit, gimli::DW_TAG_array_type);
                self.entries.insert(ty, id);
                let elem_id = self.of(cx, unit, *elem);
                unit.dwarf.unit.get_mut(id).set(gimli::DW_AT_type, AttributeValue::UnitRef(elem_id));
                if let FieldsShape::Array { count, .. } = layout.fields {
                    let range = unit.dwarf.unit.add(id, gimli::DW_TAG_subrange_type);
                    unit.dwarf.unit.get_mut(range).set(gimli::DW_AT_count, AttributeValue::Udata(count));
                }
                id
            }
            // Fat pointers are pairs: rustc names their halves `data_ptr`/`length` (slices, str)
            // and `pointer`/`vtable` (trait objects), as in LLVM's DWARF.
            ty::Ref(_, pointee, _) | ty::RawPtr(pointee, _) => {
                let id = new(unit, gimli::DW_TAG_structure_type);
                self.entries.insert(ty, id);
                let tail = tcx.struct_tail_for_codegen(*pointee, ty::TypingEnv::fully_monomorphized());
                let (first, second, data) = match tail.kind() {
                    ty::Dynamic(..) => ("pointer", "vtable", Ty::new_mut_ptr(tcx, tcx.types.unit)),
                    ty::Str => ("data_ptr", "length", Ty::new_mut_ptr(tcx, tcx.types.u8)),
                    ty::Slice(elem) => ("data_ptr", "length", Ty::new_mut_ptr(tcx, *elem)),
                    _ => ("pointer", "metadata", Ty::new_mut_ptr(tcx, tcx.types.unit)),
                };
                let second_ty =
                    if second == "vtable" { Ty::new_mut_ptr(tcx, tcx.types.usize) } else { tcx.types.usize };
                self.member(cx, unit, id, first, data, Size::ZERO);
                self.member(cx, unit, id, second, second_ty, Size::from_bytes(4));
                id
            }
            ty::Adt(def, _) if def.is_enum() => {
                let id = new(unit, gimli::DW_TAG_structure_type);
                self.entries.insert(ty, id);
                self.enum_variants(cx, unit, id, ty, layout);
                id
            }
            ty::Adt(..) | ty::Tuple(_) | ty::Closure(..) => {
                let tag = if matches!(ty.kind(), ty::Adt(def, _) if def.is_union()) {
                    gimli::DW_TAG_union_type
                } else {
                    gimli::DW_TAG_structure_type
                };
                let id = new(unit, tag);
                self.entries.insert(ty, id);
                for i in 0..layout.fields.count() {
                    let field = layout.field(cx, i);
                    // A SIMD vector's layout has a field per lane, its struct one array field.
                    let field_name = match ty.kind() {
                        ty::Adt(def, _) => {
                            def.non_enum_variant().fields.get(FieldIdx::from_usize(i)).map(|f| f.name.to_string())
                        }
                        _ => None,
                    };
                    let field_name = field_name.unwrap_or_else(|| format!("__{i}"));
                    self.member(cx, unit, id, &field_name, field.ty, layout.fields.offset(i));
                }
                id
            }
            // `dyn` and `str` by value, and the rest: named, sized, opaque.
            _ => new(unit, gimli::DW_TAG_structure_type),
        };
        unit.dwarf.unit.get_mut(id).set(gimli::DW_AT_alignment, AttributeValue::Udata(layout.align.abi.bytes()));
        self.entries.insert(ty, id);
        id
    }

    /// An enum's variants, as rustc describes them to LLVM: a `DW_TAG_variant_part` whose
    /// discriminant is the tag (an artificial member), a `DW_TAG_variant` per variant with the
    /// tag value that selects it (none for a niche layout's untagged variant), each holding a
    /// member whose type is the variant's struct of fields at their offsets in the enum.
    fn enum_variants(
        &mut self,
        cx: &CodegenCx<'tcx>,
        unit: &mut DebugUnit,
        id: UnitEntryId,
        ty: Ty<'tcx>,
        layout: TyAndLayout<'tcx>,
    ) {
        let ty::Adt(def, _) = ty.kind() else { return };
        let tcx = cx.tcx;
        let (tag_id, tag_bits, selector): (Option<UnitEntryId>, u64, Selector<'tcx>) = match &layout.variants {
            Variants::Multiple { tag, tag_encoding, tag_field, .. } => {
                let size = tag.size(cx);
                let tag_ty = match size.bytes() {
                    1 => tcx.types.u8,
                    2 => tcx.types.u16,
                    4 => tcx.types.u32,
                    8 => tcx.types.u64,
                    _ => tcx.types.u128,
                };
                let part = unit.dwarf.unit.add(id, gimli::DW_TAG_variant_part);
                let offset = layout.fields.offset(tag_field.as_usize());
                let tag_ty_id = self.of(cx, unit, tag_ty);
                let member = unit.dwarf.unit.add(part, gimli::DW_TAG_member);
                let name = unit.dwarf.strings.add("<tag>");
                let m = unit.dwarf.unit.get_mut(member);
                m.set(gimli::DW_AT_name, AttributeValue::StringRef(name));
                m.set(gimli::DW_AT_type, AttributeValue::UnitRef(tag_ty_id));
                m.set(gimli::DW_AT_data_member_location, AttributeValue::Udata(offset.bytes()));
                m.set(gimli::DW_AT_artificial, AttributeValue::Flag(true));
                unit.dwarf.unit.get_mut(part).set(gimli::DW_AT_discr, AttributeValue::UnitRef(member));
                let selector: Selector<'tcx> = match tag_encoding {
                    TagEncoding::Direct => Box::new(move |v| Some(ty.discriminant_for_variant(tcx, v)?.val)),
                    TagEncoding::Niche { untagged_variant, niche_variants, niche_start } => {
                        let (untagged, start, first) = (*untagged_variant, *niche_start, niche_variants.start());
                        let first = first.as_u32();
                        Box::new(move |v| (v != untagged).then(|| u128::from(v.as_u32() - first).wrapping_add(start)))
                    }
                };
                (Some(part), size.bits(), selector)
            }
            _ => (None, 0, Box::new(|_| None)),
        };
        let parent = tag_id.unwrap_or(id);
        for (index, variant) in def.variants().iter_enumerated() {
            let variant_layout = layout.for_variant(cx, index);
            if matches!(layout.variants, Variants::Single { index: only } if only != index) {
                continue;
            }
            let struct_id = unit.dwarf.unit.add(id, gimli::DW_TAG_structure_type);
            let name = unit.dwarf.strings.add(variant.name.as_str());
            let e = unit.dwarf.unit.get_mut(struct_id);
            e.set(gimli::DW_AT_name, AttributeValue::StringRef(name));
            e.set(gimli::DW_AT_byte_size, AttributeValue::Udata(layout.size.bytes()));
            for i in 0..variant_layout.fields.count() {
                let field = variant_layout.field(cx, i);
                let field_name = variant
                    .fields
                    .get(FieldIdx::from_usize(i))
                    .map_or_else(|| format!("__{i}"), |f| f.name.to_string());
                self.member(cx, unit, struct_id, &field_name, field.ty, variant_layout.fields.offset(i));
            }
            let holder = if tag_id.is_some() {
                let v = unit.dwarf.unit.add(parent, gimli::DW_TAG_variant);
                if let Some(value) = selector(index) {
                    let mask = if tag_bits >= 128 { u128::MAX } else { (1u128 << tag_bits) - 1 };
                    unit.dwarf
                        .unit
                        .get_mut(v)
                        .set(gimli::DW_AT_discr_value, AttributeValue::Udata((value & mask) as u64));
                }
                v
            } else {
                parent
            };
            let member = unit.dwarf.unit.add(holder, gimli::DW_TAG_member);
            let name = unit.dwarf.strings.add(variant.name.as_str());
            let m = unit.dwarf.unit.get_mut(member);
            m.set(gimli::DW_AT_name, AttributeValue::StringRef(name));
            m.set(gimli::DW_AT_type, AttributeValue::UnitRef(struct_id));
            m.set(gimli::DW_AT_data_member_location, AttributeValue::Udata(0));
        }
    }

    fn member(
        &mut self,
        cx: &CodegenCx<'tcx>,
        unit: &mut DebugUnit,
        parent: UnitEntryId,
        name: &str,
        ty: Ty<'tcx>,
        offset: Size,
    ) {
        let ty_id = self.of(cx, unit, ty);
        let id = unit.dwarf.unit.add(parent, gimli::DW_TAG_member);
        let name = unit.dwarf.strings.add(name);
        let e = unit.dwarf.unit.get_mut(id);
        e.set(gimli::DW_AT_name, AttributeValue::StringRef(name));
        e.set(gimli::DW_AT_type, AttributeValue::UnitRef(ty_id));
        e.set(gimli::DW_AT_data_member_location, AttributeValue::Udata(offset.bytes()));
    }
}
