//! Backend types: an interned, LLVM-like type language and its mapping onto wasm value lanes.

use rustc_data_structures::fx::FxHashMap;

/// A wasm value type as it appears in locals, params and results.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ValType {
    I32,
    I64,
    F32,
    F64,
    /// A reference held by a typed local (gc/typed_locals/); never stored to memory.
    ExternRef,
    /// The exception being unwound, between the landing pad that caught it and the cleanup
    /// that rethrows it (`-Cpanic=unwind`, eh/).
    ExnRef,
}

impl ValType {
    pub(crate) fn byte(self) -> u8 {
        match self {
            ValType::I32 => 0x7f,
            ValType::I64 => 0x7e,
            ValType::F32 => 0x7d,
            ValType::F64 => 0x7c,
            ValType::ExternRef => 0x6f,
            ValType::ExnRef => 0x69,
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Type(pub(crate) u32);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum TypeKind {
    Void,
    /// An integer of the given bit width (1 = bool in registers).
    Int(u32),
    F16,
    F32,
    F64,
    F128,
    Ptr,
    Array(Type, u64),
    Struct(Vec<Type>, bool),
    Vector(Type, u64),
    /// An `externref` value: a GC handle kept in a local instead of a root-table slot.
    ExternRef,
}

/// Everything the backend needs to know about a type, computed once at interning.
#[derive(Debug)]
pub(crate) struct TypeInfo {
    pub(crate) kind: TypeKind,
    /// The wasm lanes a value of this type occupies, in order.
    pub(crate) lanes: Vec<ValType>,
    /// Byte offset in memory of each lane, and the number of bytes it covers there.
    pub(crate) lane_mem: Vec<(u32, u32)>,
    pub(crate) size: u64,
    pub(crate) align: u64,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct FnSig(pub(crate) u32);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct FnSigData {
    pub(crate) params: Vec<Type>,
    pub(crate) ret: Type,
}

/// The wasm-level signature of a backend function signature, following LLVM's wasm32 lowering.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct WasmSig {
    pub(crate) params: Vec<ValType>,
    pub(crate) results: Vec<ValType>,
    /// The return value does not fit one result and is written through a hidden first param.
    pub(crate) sret: bool,
    /// First wasm param index of each backend param.
    pub(crate) param_start: Vec<u32>,
}

#[derive(Default)]
pub(crate) struct TypeTable {
    infos: Vec<TypeInfo>,
    by_kind: FxHashMap<TypeKind, Type>,
    sigs: Vec<(FnSigData, WasmSig)>,
    sig_by_data: FxHashMap<FnSigData, FnSig>,
}

fn align_to(x: u64, a: u64) -> u64 {
    x.div_ceil(a) * a
}

impl TypeTable {
    pub(crate) fn info(&self, t: Type) -> &TypeInfo {
        &self.infos[t.0 as usize]
    }

    pub(crate) fn intern(&mut self, kind: TypeKind) -> Type {
        if let Some(&t) = self.by_kind.get(&kind) {
            return t;
        }
        let info = self.compute(kind.clone());
        let t = Type(self.infos.len() as u32);
        self.infos.push(info);
        self.by_kind.insert(kind, t);
        t
    }

    fn compute(&self, kind: TypeKind) -> TypeInfo {
        let scalar = |vt: ValType, size: u64, align: u64| (vec![vt], vec![(0u32, size as u32)], size, align);
        let (lanes, lane_mem, size, align) = match &kind {
            TypeKind::Void => (vec![], vec![], 0, 1),
            TypeKind::Int(bits) => {
                let bytes = u64::from(bits.div_ceil(8));
                match bits {
                    0..=32 => {
                        let alloc = bytes.next_power_of_two();
                        scalar(ValType::I32, bytes, alloc)
                    }
                    33..=64 => scalar(ValType::I64, bytes, 8),
                    128 => (vec![ValType::I64, ValType::I64], vec![(0, 8), (8, 8)], 16, 16),
                    // Other widths only appear in casts the backend rejects with a diagnostic.
                    _ => (vec![], vec![], bytes, 8),
                }
            }
            TypeKind::F16 => scalar(ValType::I32, 2, 2),
            TypeKind::F32 => scalar(ValType::F32, 4, 4),
            TypeKind::F64 => scalar(ValType::F64, 8, 8),
            TypeKind::F128 => (vec![ValType::I64, ValType::I64], vec![(0, 8), (8, 8)], 16, 16),
            TypeKind::Ptr => scalar(ValType::I32, 4, 4),
            TypeKind::ExternRef => (vec![ValType::ExternRef], vec![(0, 0)], 0, 1),
            TypeKind::Array(elem, n) | TypeKind::Vector(elem, n) => {
                let e = self.info(*elem);
                let stride = align_to(e.size, e.align);
                let mut lanes = Vec::new();
                let mut mem = Vec::new();
                // Large byte arrays are opaque memory blobs; never materialized as lanes. SIMD
                // vectors are values (one lane per element, intrinsics/simd.rs) up to portable SIMD's 64.
                let max_lanes = if matches!(kind, TypeKind::Vector(..)) { 64 } else { 16 };
                if *n <= max_lanes {
                    for i in 0..*n {
                        lanes.extend_from_slice(&e.lanes);
                        mem.extend(e.lane_mem.iter().map(|&(o, s)| (o + (i * stride) as u32, s)));
                    }
                }
                (lanes, mem, stride * n, e.align)
            }
            TypeKind::Struct(fields, packed) => {
                let mut lanes = Vec::new();
                let mut mem = Vec::new();
                let mut off = 0u64;
                let mut align = 1u64;
                for f in fields {
                    let fi = self.info(*f);
                    let fa = if *packed { 1 } else { fi.align };
                    off = align_to(off, fa);
                    align = align.max(fa);
                    lanes.extend_from_slice(&fi.lanes);
                    mem.extend(fi.lane_mem.iter().map(|&(o, s)| (o + off as u32, s)));
                    off += fi.size;
                }
                (lanes, mem, align_to(off, align), align)
            }
        };
        TypeInfo { kind, lanes, lane_mem, size, align }
    }

    /// Lane ranges of each field of an aggregate type, for extract/insert_value.
    pub(crate) fn field_lanes(&self, t: Type, idx: u64) -> (usize, usize) {
        match &self.info(t).kind {
            TypeKind::Struct(fields, _) => {
                let start: usize = fields[..idx as usize].iter().map(|f| self.info(*f).lanes.len()).sum();
                (start, self.info(fields[idx as usize]).lanes.len())
            }
            TypeKind::Array(e, _) | TypeKind::Vector(e, _) => {
                let n = self.info(*e).lanes.len();
                (n * idx as usize, n)
            }
            k => panic!("field_lanes of non-aggregate {k:?}"),
        }
    }

    pub(crate) fn field_type(&self, t: Type, idx: u64) -> Type {
        match &self.info(t).kind {
            TypeKind::Struct(fields, _) => fields[idx as usize],
            TypeKind::Array(e, _) | TypeKind::Vector(e, _) => *e,
            k => panic!("field_type of non-aggregate {k:?}"),
        }
    }

    pub(crate) fn sig(&mut self, data: FnSigData) -> FnSig {
        if let Some(&s) = self.sig_by_data.get(&data) {
            return s;
        }
        let wasm = self.lower_sig(&data);
        let s = FnSig(self.sigs.len() as u32);
        self.sigs.push((data.clone(), wasm));
        self.sig_by_data.insert(data, s);
        s
    }

    pub(crate) fn sig_data(&self, s: FnSig) -> &FnSigData {
        &self.sigs[s.0 as usize].0
    }

    pub(crate) fn wasm_sig(&self, s: FnSig) -> &WasmSig {
        &self.sigs[s.0 as usize].1
    }

    /// LLVM's wasm32 lowering: each param contributes its lanes (i128 = two i64, low first);
    /// a return of more than one lane is demoted to a hidden pointer in front of the params.
    fn lower_sig(&self, data: &FnSigData) -> WasmSig {
        let ret_lanes = &self.info(data.ret).lanes;
        let sret = ret_lanes.len() > 1;
        let mut params = Vec::new();
        if sret {
            params.push(ValType::I32);
        }
        let mut param_start = Vec::with_capacity(data.params.len());
        for p in &data.params {
            param_start.push(params.len() as u32);
            params.extend_from_slice(&self.info(*p).lanes);
        }
        let results = if sret { vec![] } else { ret_lanes.clone() };
        WasmSig { params, results, sret, param_start }
    }
}
