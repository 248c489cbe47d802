//! `--invoke` for components: the export a call names, its arguments and its results in WAVE
//! (the WebAssembly Value Encoding, through wasmtime's `wave` support).

use wasmtime::Engine;
use wasmtime::component::types::{ComponentFunc, ComponentItem};
use wasmtime::component::wasm_wave::untyped::UntypedValue;
use wasmtime::component::{Component, ComponentExportIndex, Type, Val};

/// `NAME(ARGS)` -> (`NAME`, `(ARGS)`). WAVE's own function-call syntax is not used for the
/// name: it has no form for a function of an interface as the component names it
/// (`pkg:ns/iface#func`, the form wit and `wasm-tools` print).
pub(crate) fn split_call(call: &str) -> Result<(&str, &str), String> {
    let usage = || {
        format!(
            "--invoke `{call}`: a component's function is called as NAME(ARGS), ARGS in WAVE, \
             e.g. --invoke 'add(1, 2)' or --invoke 'wasmrust:abi/shapes#area(circle(1.5))'"
        )
    };
    let open = call.find('(').ok_or_else(usage)?;
    let (name, args) = (call[..open].trim(), call[open..].trim());
    if name.is_empty() || !args.ends_with(')') {
        return Err(usage());
    }
    Ok((name, args))
}

/// The exported function `name`: `func` at the top of the component or `interface#func`
/// (the interface's `@VERSION` may be left out); a bare `func` not at the top is looked for in
/// the exported interfaces, and must be in exactly one.
pub(crate) fn find_func(
    component: &Component,
    engine: &Engine,
    name: &str,
) -> Result<(ComponentExportIndex, ComponentFunc), String> {
    let all = exported_funcs(component, engine);
    let missing = || {
        format!(
            "no exported function `{name}`; the component exports: {}",
            if all.is_empty() {
                "no functions".to_owned()
            } else {
                all.join(", ")
            }
        )
    };
    if let Some((interface, func)) = name.rsplit_once('#') {
        let instance = find_instance(component, engine, interface).ok_or_else(missing)?;
        return match component.get_export(Some(&instance), func) {
            Some((ComponentItem::ComponentFunc(ty), index)) => Ok((index, ty)),
            _ => Err(missing()),
        };
    }
    if let Some((ComponentItem::ComponentFunc(ty), index)) = component.get_export(None, name) {
        return Ok((index, ty));
    }
    let holders: Vec<&String> = all
        .iter()
        .filter(|full| full.rsplit_once('#').is_some_and(|(_, func)| func == name))
        .collect();
    match holders.as_slice() {
        [] => Err(missing()),
        [full] => find_func(component, engine, full),
        several => Err(format!(
            "`{name}` is exported by several interfaces, name one: {}",
            several
                .iter()
                .map(|full| full.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The exported instance `interface`, or the only one of that name with some `@VERSION`.
fn find_instance(
    component: &Component,
    engine: &Engine,
    interface: &str,
) -> Option<ComponentExportIndex> {
    if let Some((ComponentItem::ComponentInstance(_), index)) =
        component.get_export(None, interface)
    {
        return Some(index);
    }
    let ty = component.component_type();
    let versioned: Vec<&str> = ty
        .exports(engine)
        .filter(|(_, item)| matches!(item.ty, ComponentItem::ComponentInstance(_)))
        .map(|(name, _)| name)
        .filter(|name| {
            name.split_once('@')
                .is_some_and(|(base, _)| base == interface)
        })
        .collect();
    match versioned.as_slice() {
        [only] => component.get_export_index(None, *only),
        _ => None,
    }
}

/// Every exported function, named as `--invoke` takes it: `func` or `interface#func`.
fn exported_funcs(component: &Component, engine: &Engine) -> Vec<String> {
    let ty = component.component_type();
    let mut names = Vec::new();
    for (name, item) in ty.exports(engine) {
        match item.ty {
            ComponentItem::ComponentFunc(_) => names.push(name.to_owned()),
            ComponentItem::ComponentInstance(instance) => names.extend(
                instance
                    .exports(engine)
                    .filter(|(_, item)| matches!(item.ty, ComponentItem::ComponentFunc(_)))
                    .map(|(func, _)| format!("{name}#{func}")),
            ),
            _ => {}
        }
    }
    names
}

/// The parameters of `ty` from `args`, the parenthesized WAVE tuple of the call. As in a WAVE
/// call, trailing `option` parameters may be left out (they are `none`).
pub(crate) fn parse_args(args: &str, ty: &ComponentFunc) -> Result<Vec<Val>, String> {
    let types: Vec<Type> = ty.params().map(|(_, ty)| ty).collect();
    let inner = args
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
        .unwrap_or(args);
    // WAVE has no empty tuple: `()` is no arguments.
    if inner.trim().is_empty() {
        if types.iter().all(|ty| matches!(ty, Type::Option(_))) {
            return Ok(vec![Val::Option(None); types.len()]);
        }
        let names: Vec<String> = types.iter().map(type_name).collect();
        return Err(format!(
            "`{args}`: the function takes {} parameters ({})",
            types.len(),
            names.join(", ")
        ));
    }
    let bad = |error: &dyn std::fmt::Display| format!("`{args}`: {error}");
    let value = UntypedValue::parse(args).map_err(|error| bad(&error))?;
    value
        .node()
        .to_wasm_params::<Val>(&types, value.source())
        .map_err(|error| bad(&error))
}

/// A type as wit writes it, for error messages.
fn type_name(ty: &Type) -> String {
    use wasmtime::component::wasm_wave::wasm::DisplayType;
    DisplayType(ty).to_string()
}

/// One result in WAVE.
pub(crate) fn show(value: &Val) -> Result<String, String> {
    value
        .to_wave()
        .map_err(|error| format!("cannot print a result in WAVE: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasmtime::Config;
    use wasmtime::Store;
    use wasmtime::component::Linker;

    #[test]
    fn a_call_splits_into_name_and_argument_tuple() {
        assert_eq!(split_call("add(1, 2)"), Ok(("add", "(1, 2)")));
        assert_eq!(
            split_call(" wasmrust:abi/shapes#area( circle(1.5) ) "),
            Ok(("wasmrust:abi/shapes#area", "( circle(1.5) )"))
        );
        assert_eq!(split_call("f()"), Ok(("f", "()")));
        assert!(split_call("add").is_err());
        assert!(split_call("(1)").is_err());
        assert!(split_call("add(1").is_err());
    }

    /// A library component: `add(u32, u32) -> u32`, an interface `wasmrust:test/shapes@0.1.0`
    /// of `scale(record point, option<u32>) -> point`, `pick(enum color, flags perms) ->
    /// tuple<color, perms>` and `add` again, and `name(string) -> result<string, string>`
    /// (ok with its argument, err on the empty string).
    const LIBRARY: &str = r#"(component
      (core module $m
        (memory (export "memory") 1)
        (global $next (mut i32) (i32.const 4096))
        (func (export "realloc") (param i32 i32 i32 i32) (result i32)
          (local $at i32)
          (local.set $at (global.get $next))
          (global.set $next (i32.add (global.get $next) (local.get 3)))
          (local.get $at))
        (func (export "add") (param i32 i32) (result i32)
          (i32.add (local.get 0) (local.get 1)))
        ;; (x, y, none | some(k)) -> *(x*k, y*k) (k = 2 when none)
        (func (export "scale") (param f64 f64 i32 i32) (result i32)
          (local $k f64)
          (local.set $k (if (result f64) (local.get 2)
            (then (f64.convert_i32_u (local.get 3))) (else (f64.const 2))))
          (f64.store (i32.const 0) (f64.mul (local.get 0) (local.get $k)))
          (f64.store (i32.const 8) (f64.mul (local.get 1) (local.get $k)))
          (i32.const 0))
        ;; (color, perms) -> *(color + 1 mod 3, perms | 4)
        (func (export "pick") (param i32 i32) (result i32)
          (i32.store8 (i32.const 16) (i32.rem_u (i32.add (local.get 0) (i32.const 1)) (i32.const 3)))
          (i32.store8 (i32.const 17) (i32.or (local.get 1) (i32.const 4)))
          (i32.const 16))
        ;; (ptr, len) -> *(is_err, ptr, len): the string back, or err "empty" for ""
        (func (export "name") (param i32 i32) (result i32)
          (if (local.get 1)
            (then
              (i32.store (i32.const 32) (i32.const 0))
              (i32.store (i32.const 36) (local.get 0))
              (i32.store (i32.const 40) (local.get 1)))
            (else
              (i32.store (i32.const 32) (i32.const 1))
              (i32.store (i32.const 36) (i32.const 48))
              (i32.store (i32.const 40) (i32.const 5))))
          (i32.const 32))
        (data (i32.const 48) "empty"))
      (core instance $i (instantiate $m))
      (alias core export $i "memory" (core memory $memory))
      (alias core export $i "realloc" (core func $realloc))
      (type $point (record (field "x" f64) (field "y" f64)))
      (type $color (enum "red" "green" "blue"))
      (type $perms (flags "read" "write" "exec"))
      (func $add (param "a" u32) (param "b" u32) (result u32)
        (canon lift (core func $i "add")))
      (func $scale (param "p" $point) (param "k" (option u32)) (result $point)
        (canon lift (core func $i "scale") (memory $memory)))
      (func $pick (param "c" $color) (param "p" $perms) (result (tuple $color $perms))
        (canon lift (core func $i "pick") (memory $memory)))
      (func $name (param "s" string) (result (result string (error string)))
        (canon lift (core func $i "name") (memory $memory) (realloc $realloc)))
      (instance $shapes
        (export "point" (type $point))
        (export "color" (type $color))
        (export "perms" (type $perms))
        (export "scale" (func $scale))
        (export "pick" (func $pick))
        (export "add" (func $add)))
      (export "wasmrust:test/shapes@0.1.0" (instance $shapes))
      (export "add" (func $add))
      (export "name" (func $name)))"#;

    /// Calls `call` on a fresh instance of LIBRARY as `--invoke` does; the results in WAVE.
    fn invoke(call: &str) -> Result<Vec<String>, String> {
        let engine = Engine::new(&Config::new()).unwrap();
        let component = Component::new(&engine, wat::parse_str(LIBRARY).unwrap()).unwrap();
        let (name, args) = split_call(call)?;
        let (export, ty) = find_func(&component, &engine, name)?;
        let params = parse_args(args, &ty)?;
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        let func = instance.get_func(&mut store, export).unwrap();
        let mut results = vec![Val::Bool(false); ty.results().len()];
        func.call(&mut store, &params, &mut results).unwrap();
        results.iter().map(show).collect()
    }

    #[test]
    fn functions_are_found_at_the_top_and_in_interfaces() {
        assert_eq!(invoke("add(2, 40)").unwrap(), ["42"]);
        // WAVE writes a float without a fractional part as an integer, and reads it back.
        let scaled = ["{x: 3, y: -5}"];
        assert_eq!(
            invoke("wasmrust:test/shapes@0.1.0#scale({x: 1.5, y: -2.5}, none)").unwrap(),
            scaled
        );
        // The interface without its version; a bare name found in one interface only.
        assert_eq!(
            invoke("wasmrust:test/shapes#scale({x: 1.5, y: -2.5})").unwrap(),
            scaled
        );
        assert_eq!(
            invoke("scale({x: 3, y: -5}, some(3))").unwrap(),
            ["{x: 9, y: -15}"]
        );
        assert_eq!(
            invoke("scale({x: 0.25, y: 1e3}, some(2))").unwrap(),
            ["{x: 0.5, y: 2000}"]
        );
        // `add` of the interface, named in full (the bare name is the top one's).
        assert_eq!(invoke("wasmrust:test/shapes#add(1, 1)").unwrap(), ["2"]);
        let missing = invoke("mul(1, 2)").unwrap_err();
        assert!(missing.contains("no exported function `mul`"), "{missing}");
        assert!(
            missing.contains("wasmrust:test/shapes@0.1.0#scale"),
            "lists the exports: {missing}"
        );
        assert!(invoke("wasmrust:test/other#add(1, 1)").is_err());
    }

    #[test]
    fn enums_flags_tuples_strings_and_results_round_trip() {
        assert_eq!(
            invoke("pick(blue, {read, write})").unwrap(),
            ["(red, {read, write, exec})"]
        );
        assert_eq!(invoke("pick(red, {})").unwrap(), ["(green, {exec})"]);
        assert_eq!(
            invoke(r#"name("héllo \"wave\"\n")"#).unwrap(),
            [r#"ok("héllo \"wave\"\n")"#]
        );
        assert_eq!(invoke(r#"name("")"#).unwrap(), [r#"err("empty")"#]);
    }

    #[test]
    fn arguments_are_checked_against_the_signature() {
        assert!(invoke("add(1)").is_err());
        assert!(invoke("add(1, 2, 3)").is_err());
        assert!(invoke(r#"add("one", 2)"#).is_err());
        assert!(
            invoke("add()")
                .unwrap_err()
                .contains("takes 2 parameters (u32, u32)")
        );
        assert!(invoke("pick(purple, {})").is_err());
        assert!(invoke("name(\"unterminated)").is_err());
    }
}
