//! Reads the `wasmgc` custom section that contract/describe.rs writes into every object (wasm-ld
//! concatenates them): GC struct and array types and the operation behind each import.

use std::collections::BTreeMap;

/// How a field or element is stored, and how Rust code holds it (CONTRACT.md section 3.4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    I8 {
        signed: bool,
    },
    I16 {
        signed: bool,
    },
    Bool,
    I32,
    I64,
    F32,
    F64,
    /// `Gc<T>` (`nullable: false`) or `Option<Gc<T>>`: a root index in linear memory.
    Struct {
        key: String,
        nullable: bool,
    },
    /// `GcArray<E>`: a root index.
    Array {
        key: String,
    },
    /// `ExternRef`: a root index, 0 for null.
    Extern,
}

impl Kind {
    fn parse(text: &str) -> Result<Kind, String> {
        Ok(match text {
            "i8s" => Kind::I8 { signed: true },
            "i8u" => Kind::I8 { signed: false },
            "i16s" => Kind::I16 { signed: true },
            "i16u" => Kind::I16 { signed: false },
            "bool" => Kind::Bool,
            "i32" => Kind::I32,
            "i64" => Kind::I64,
            "f32" => Kind::F32,
            "f64" => Kind::F64,
            "ext" => Kind::Extern,
            _ => {
                if let Some(key) = text.strip_prefix("gc?:") {
                    Kind::Struct {
                        key: key.to_owned(),
                        nullable: true,
                    }
                } else if let Some(key) = text.strip_prefix("gc:") {
                    Kind::Struct {
                        key: key.to_owned(),
                        nullable: false,
                    }
                } else if let Some(key) = text.strip_prefix("arr:") {
                    Kind::Array {
                        key: key.to_owned(),
                    }
                } else {
                    return Err(format!("unknown field kind `{text}`"));
                }
            }
        })
    }

    /// Whether Rust code holds it as a root index.
    pub(super) fn is_handle(&self) -> bool {
        matches!(
            self,
            Kind::Struct { .. } | Kind::Array { .. } | Kind::Extern
        )
    }

    /// Its size in linear memory (also its alignment).
    pub(super) fn size(&self) -> u32 {
        match self {
            Kind::I8 { .. } | Kind::Bool => 1,
            Kind::I16 { .. } => 2,
            Kind::I64 | Kind::F64 => 8,
            _ => 4,
        }
    }
}

/// Where `gc_struct_new` finds the fields.
#[derive(Clone, Debug)]
pub(super) enum Passing {
    /// The struct in memory at parameter 0; the byte offset of each field.
    Memory(Vec<u32>),
    /// Parameter i holds field `fields[i]`.
    Args(Vec<usize>),
    /// No fields.
    Nothing,
}

/// One import's operation.
#[derive(Clone, Debug)]
pub(super) struct OpRecord {
    pub(super) op: String,
    pub(super) type_key: Option<String>,
    pub(super) field: Option<u32>,
    pub(super) passing: Option<Passing>,
}

/// A host import that takes or returns `RawExternRef`s.
#[derive(Clone, Debug)]
pub(super) struct HostImport {
    /// The wasm parameters that are references.
    pub(super) references: Vec<u32>,
    /// Whether the result is one.
    pub(super) result: bool,
}

#[derive(Default, Debug)]
pub(super) struct Records {
    /// (module, name) -> which of its values are references.
    pub(super) hosts: BTreeMap<(String, String), HostImport>,
    /// Struct key -> field kinds, in declaration order.
    pub(super) structs: BTreeMap<String, Vec<Kind>>,
    /// Array key -> element kind.
    pub(super) arrays: BTreeMap<String, Kind>,
    /// Import name -> operation.
    pub(super) ops: BTreeMap<String, OpRecord>,
}

impl Records {
    pub(super) fn add(&mut self, text: &str) -> Result<(), String> {
        for line in text.lines().filter(|line| !line.is_empty()) {
            let bad = |why: &str| format!("bad wasmgc record `{line}`: {why}");
            let mut words = line.split(' ');
            match words.next() {
                Some("struct") => {
                    let key = words.next().ok_or_else(|| bad("no key"))?;
                    let kinds = words
                        .map(Kind::parse)
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(|e| bad(&e))?;
                    self.structs.insert(key.to_owned(), kinds);
                }
                Some("array") => {
                    let key = words.next().ok_or_else(|| bad("no key"))?;
                    let kind = Kind::parse(words.next().ok_or_else(|| bad("no element kind"))?)
                        .map_err(|e| bad(&e))?;
                    self.arrays.insert(key.to_owned(), kind);
                }
                Some("host") => {
                    let module = words.next().ok_or_else(|| bad("no module"))?.to_owned();
                    let name = words.next().ok_or_else(|| bad("no name"))?.to_owned();
                    let mut host = HostImport {
                        references: Vec::new(),
                        result: false,
                    };
                    for word in words {
                        match word.split_once('=') {
                            Some(("params", "-")) => {}
                            Some(("params", list)) => {
                                host.references = list
                                    .split(',')
                                    .map(|n| n.parse().map_err(|_| bad("params")))
                                    .collect::<Result<_, _>>()?;
                            }
                            Some(("result", value)) => host.result = value == "ext",
                            _ => return Err(bad("unknown attribute")),
                        }
                    }
                    self.hosts.insert((module, name), host);
                }
                Some("op") => {
                    let name = words.next().ok_or_else(|| bad("no import name"))?;
                    let op = words.next().ok_or_else(|| bad("no operation"))?.to_owned();
                    let mut record = OpRecord {
                        op,
                        type_key: None,
                        field: None,
                        passing: None,
                    };
                    for word in words {
                        let (key, value) = word
                            .split_once('=')
                            .ok_or_else(|| bad("expected key=value"))?;
                        match key {
                            "type" => record.type_key = Some(value.to_owned()),
                            "field" => {
                                record.field = Some(value.parse().map_err(|_| bad("field"))?)
                            }
                            "pass" => {
                                record.passing =
                                    Some(parse_passing(value).ok_or_else(|| bad("pass"))?)
                            }
                            _ => return Err(bad("unknown attribute")),
                        }
                    }
                    self.ops.insert(name.to_owned(), record);
                }
                _ => return Err(bad("unknown record")),
            }
        }
        Ok(())
    }
}

fn parse_passing(text: &str) -> Option<Passing> {
    let numbers = |list: &str| {
        list.split(',')
            .map(|n| n.parse().ok())
            .collect::<Option<Vec<_>>>()
    };
    if text == "none" {
        Some(Passing::Nothing)
    } else if let Some(list) = text.strip_prefix("mem:") {
        Some(Passing::Memory(numbers(list)?))
    } else if let Some(list) = text.strip_prefix("args:") {
        Some(Passing::Args(
            numbers(list)?
                .into_iter()
                .map(|n: u32| n as usize)
                .collect(),
        ))
    } else {
        None
    }
}
