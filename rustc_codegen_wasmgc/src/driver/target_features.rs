//! The wasm features a module may use, from `-Ctarget-cpu`, the target spec and `-Ctarget-feature`,
//! computed as LLVM does; refuses the settings whose code this backend cannot write.

use rustc_session::Session;

/// LLVM's wasm CPUs and their features (LLVM `WebAssembly.td`, as `rustc --print cfg` shows them).
const CPUS: &[(&str, &[&str])] = &[
    (
        "generic",
        &[
            "bulk-memory",
            "bulk-memory-opt",
            "call-indirect-overlong",
            "multivalue",
            "mutable-globals",
            "nontrapping-fptoint",
            "reference-types",
            "sign-ext",
        ],
    ),
    ("mvp", &[]),
    (
        "lime1",
        &[
            "bulk-memory-opt",
            "call-indirect-overlong",
            "extended-const",
            "multivalue",
            "mutable-globals",
            "nontrapping-fptoint",
            "sign-ext",
        ],
    ),
    ("bleeding-edge", BLEEDING_EDGE),
];

/// LLVM's newest CPU has every feature but the last of `ALL`.
const BLEEDING_EDGE: &[&str] = match ALL.split_last() {
    Some((_, rest)) => rest,
    None => &[],
};

/// Every wasm feature LLVM knows (the union of the CPUs' lists and rustc's wasm features);
/// `wide-arithmetic` last, as the one `bleeding-edge` lacks.
const ALL: &[&str] = &[
    "atomics",
    "bulk-memory",
    "bulk-memory-opt",
    "call-indirect-overlong",
    "exception-handling",
    "extended-const",
    "fp16",
    "gc",
    "multimemory",
    "multivalue",
    "mutable-globals",
    "nontrapping-fptoint",
    "reference-types",
    "relaxed-simd",
    "sign-ext",
    "simd128",
    "tail-call",
    "wide-arithmetic",
];

/// Enabling the first enables the second; disabling the second disables the first (LLVM's
/// implied-feature rules for wasm).
const IMPLIES: &[(&str, &str)] = &[
    ("bulk-memory", "bulk-memory-opt"),
    ("reference-types", "call-indirect-overlong"),
    ("gc", "reference-types"),
    ("relaxed-simd", "simd128"),
    ("fp16", "simd128"),
];

/// Features every function the backend writes may rely on, and what needs each.
const REQUIRED: &[(&str, &str)] = &[
    ("bulk-memory-opt", "`memory.copy` and `memory.fill` for copies and fills"),
    ("sign-ext", "the sign-extension instructions for narrow signed integers"),
    ("nontrapping-fptoint", "saturating float-to-int conversions for `as` casts"),
    ("mutable-globals", "the imported mutable `__stack_pointer` global"),
    ("call-indirect-overlong", "`call_indirect` with a relocatable table number"),
];

/// Features whose meaning the backend does not implement: accepting them would compile wrong code.
const REFUSED: &[(&str, &str)] = &[(
    "atomics",
    "atomic operations would be compiled as plain loads and stores on unshared memory; \
     build threaded wasm with LLVM (`cargo wasm build --release`)",
)];

/// Which features are on, and for each the flag that last decided it (for the messages).
pub(crate) struct Features {
    on: Vec<(&'static str, String)>,
    off: Vec<(&'static str, String)>,
}

impl Features {
    /// What the CPU and the target spec give, before `-Ctarget-feature` (rustc applies that to
    /// `cfg(target_feature)` itself).
    pub(crate) fn base(sess: &Session) -> Result<Features, String> {
        let (cpu, cpu_source) = match sess.opts.cg.target_cpu.as_deref() {
            Some(cpu) => (cpu, format!("`-Ctarget-cpu={cpu}`")),
            None => (&*sess.target.cpu, format!("target `{}` (CPU `{}`)", sess.target.llvm_target, sess.target.cpu)),
        };
        let Some((_, base)) = CPUS.iter().find(|(name, _)| *name == cpu) else {
            let known: Vec<&str> = CPUS.iter().map(|(name, _)| *name).collect();
            return Err(format!("{cpu_source}: unknown wasm CPU (known: {})", known.join(", ")));
        };
        let (on, off) = ALL.iter().partition(|name| base.contains(name));
        let tag = |names: Vec<&'static str>| names.into_iter().map(|name| (name, cpu_source.clone())).collect();
        let mut features = Features { on: tag(on), off: tag(off) };
        let spec_source = format!("target `{}`", sess.target.llvm_target);
        features.apply(&sess.target.features, |_| spec_source.clone());
        Ok(features)
    }

    /// The features the module is built with.
    pub(crate) fn of(sess: &Session) -> Result<Features, String> {
        let mut features = Features::base(sess)?;
        features.apply(&sess.opts.cg.target_feature, |flag| format!("`-Ctarget-feature={flag}`"));
        Ok(features)
    }

    /// The features on, by LLVM's names: what an object's `target_features` section lists.
    pub(crate) fn enabled(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self.on.iter().map(|(name, _)| *name).collect();
        names.sort_unstable();
        names
    }

    /// The features of the objects of this session (`init` has checked them).
    pub(crate) fn of_objects(sess: &Session) -> Vec<&'static str> {
        Features::of(sess).map(|features| features.enabled()).unwrap_or_default()
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.on.iter().any(|(known, _)| *known == name)
    }

    /// `+a,-b` in order; names LLVM does not know for wasm are rustc's to warn about.
    fn apply(&mut self, list: &str, source: impl Fn(&str) -> String) {
        for flag in list.split(',').map(str::trim).filter(|flag| !flag.is_empty()) {
            let (enable, name) = match (flag.strip_prefix('+'), flag.strip_prefix('-')) {
                (Some(name), _) => (true, name),
                (None, Some(name)) => (false, name),
                (None, None) => continue,
            };
            let Some(&name) = ALL.iter().find(|known| **known == name) else { continue };
            self.set(name, enable, &source(flag));
        }
    }

    fn set(&mut self, name: &'static str, enable: bool, source: &str) {
        self.on.retain(|(known, _)| *known != name);
        self.off.retain(|(known, _)| *known != name);
        let list = if enable { &mut self.on } else { &mut self.off };
        list.push((name, source.to_owned()));
        for &(stronger, weaker) in IMPLIES {
            if enable && stronger == name && !self.has(weaker) {
                self.set(weaker, true, source);
            }
            if !enable && weaker == name && self.has(stronger) {
                self.set(stronger, false, source);
            }
        }
    }

    /// The features the code needs but the flags took away, and the ones it cannot honour.
    pub(crate) fn check(&self) -> Result<(), String> {
        let mut problems = Vec::new();
        for (name, why) in REQUIRED {
            if let Some((_, source)) = self.off.iter().find(|(known, _)| known == name) {
                problems.push(format!(
                    "{source} turns off the wasm feature `{name}`, which rustc_codegen_wasmgc always uses \
                     ({why}); LLVM builds without it (`cargo wasm build --release`)"
                ));
            }
        }
        for (name, why) in REFUSED {
            if let Some((_, source)) = self.on.iter().find(|(known, _)| known == name) {
                problems.push(format!(
                    "{source} turns on the wasm feature `{name}`, which rustc_codegen_wasmgc does not \
                     implement: {why}"
                ));
            }
        }
        if problems.is_empty() { Ok(()) } else { Err(problems.join("\n")) }
    }
}
