//! What both passes (lib.rs, imports.rs) read of a module's functions: the function types, the
//! function imports, and the names of the name section.

use std::collections::BTreeMap;

use wasmparser::{FuncType, Name, NameSectionReader, Payload, TypeRef};

#[derive(Default)]
pub(crate) struct Functions {
    pub(crate) types: Vec<FuncType>,
    /// Every function import: (module, name, type index), in order.
    pub(crate) imports: Vec<(String, String, u32)>,
    /// Function index -> name, from the name section.
    pub(crate) names: BTreeMap<u32, String>,
}

impl Functions {
    /// Takes what it needs from `payload` (the type and import sections, the name section).
    pub(crate) fn read(&mut self, payload: &Payload<'_>) -> Result<(), String> {
        let err = |e: wasmparser::BinaryReaderError| e.to_string();
        match payload {
            Payload::TypeSection(reader) => {
                for ty in reader.clone().into_iter_err_on_gc_types() {
                    self.types.push(ty.map_err(err)?);
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.clone().into_imports() {
                    let import = import.map_err(err)?;
                    if let TypeRef::Func(ty) | TypeRef::FuncExact(ty) = import.ty {
                        self.imports
                            .push((import.module.to_owned(), import.name.to_owned(), ty));
                    }
                }
            }
            Payload::CustomSection(reader) if reader.name() == "name" => {
                for subsection in NameSectionReader::new(reader.data_reader()) {
                    if let Ok(Name::Function(map)) = subsection {
                        for naming in map.into_iter().flatten() {
                            self.names.insert(naming.index, naming.name.to_owned());
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// `` `NAME` `` of function `index`, or "function INDEX" when it has no name.
    pub(crate) fn describe(&self, index: u32) -> String {
        self.names
            .get(&index)
            .map_or(format!("function {index}"), |name| format!("`{name}`"))
    }
}
