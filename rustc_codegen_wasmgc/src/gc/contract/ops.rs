//! The operations of contract v1 (CONTRACT.md section 3.3) and how an item is recognized as one
//! of them or as a handle type: by its definition path `wasm::contract::v1::NAME` only.

use rustc_hir::def_id::DefId;
use rustc_hir::definitions::DefPathData;
use rustc_middle::ty::TyCtxt;
pub(crate) use wasm_gc_lower::Op;

/// `NAME` when `def_id` is `wasm::contract::v1::NAME` (in a crate named `wasm`).
pub(crate) fn contract_item(tcx: TyCtxt<'_>, def_id: DefId) -> Option<&'static str> {
    if tcx.crate_name(def_id.krate).as_str() != "wasm" {
        return None;
    }
    let path = tcx.def_path(def_id);
    let [contract, version, item] = path.data.as_slice() else { return None };
    match (contract.data, version.data, item.data) {
        (
            DefPathData::TypeNs(contract),
            DefPathData::TypeNs(version),
            DefPathData::TypeNs(name) | DefPathData::ValueNs(name),
        ) if contract.as_str() == "contract" && version.as_str() == "v1" => {
            // Hand back our static name of the item, not the session's interned one.
            HANDLE_TYPES.into_iter().chain(Op::names()).find(|known| *known == name.as_str())
        }
        _ => None,
    }
}

/// The handle types of contract v1 (CONTRACT.md section 3.1).
pub(crate) const HANDLE_TYPES: [&str; 4] = ["Gc", "GcArray", "ExternRef", "RawExternRef"];
