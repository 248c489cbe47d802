#!/usr/bin/env bash
# Checks the run-pass expectations against the reference toolchain (stable rustc + LLVM),
# not against our backend: each NAME.rs is built natively and for wasm32-wasip1, run,
# and its stdout and exit code are compared with NAME.stdout / NAME.exit.
#
# usage: tests/run-pass/check-native.sh [NAME...]     (default: every program)
# env:   RUSTC_TOOLCHAIN (default stable), EDITION (default 2021),
#        WASM_RUNNER (default: dist/bin/wasm-run if built, else wasmtime `run`),
#        SKIP_NATIVE=1 to check only wasm32.
#
# Programs listed in WASM32_ONLY print pointer-width dependent values (usize is 4 bytes
# on wasm32, 8 natively), so only their wasm32 run is compared.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
toolchain="${RUSTC_TOOLCHAIN:-stable}"
edition="${EDITION:-2021}"
WASM32_ONLY=" mem_size_align "
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -n "${WASM_RUNNER:-}" ]; then
    runner=($WASM_RUNNER)
elif [ -x "$root/dist/bin/wasm-run" ]; then
    runner=("$root/dist/bin/wasm-run")
elif command -v wasmtime >/dev/null; then
    runner=(wasmtime run)
else
    echo "no wasm runner: build dist/bin/wasm-run, install wasmtime or set WASM_RUNNER" >&2
    exit 2
fi

if [ $# -gt 0 ]; then names=("$@"); else
    names=(); for f in "$here"/*.rs; do names+=("$(basename "$f" .rs)"); done
fi

header() { # header NAME.rs KEY -> value of a leading `// KEY: value` line
    sed -n "s|^// $2: *||p" "$1" | head -n1
}

pass=0; fail=0
for name in "${names[@]}"; do
    src="$here/$name.rs"
    [ -f "$src" ] || { echo "FAIL $name: no such program"; fail=$((fail+1)); continue; }
    read -r -a args <<<"$(header "$src" run-args)"
    read -r -a flags <<<"$(header "$src" compile-flags)"
    want_exit=0; [ -f "$here/$name.exit" ] && want_exit="$(tr -d '[:space:]' <"$here/$name.exit")"
    ok=1
    common=(--edition "$edition" -Copt-level=0 -Cpanic=abort -Coverflow-checks=on -Cdebug-assertions=on "${flags[@]}")

    targets=(wasm32)
    if [ -z "${SKIP_NATIVE:-}" ] && [[ "$WASM32_ONLY" != *" $name "* ]]; then targets+=(native); fi
    for t in "${targets[@]}"; do
        if [ "$t" = native ]; then
            out="$work/$name"
            rustc +"$toolchain" "${common[@]}" "$src" -o "$out" 2>"$work/cc.err" \
                || { echo "FAIL $name [$t]: compile error"; cat "$work/cc.err"; ok=0; continue; }
            # the inner shell reports a native abort ("Aborted") on its own stderr: silence that
            code=$( (cd "$work" && "$out" "${args[@]}" >"$work/out" 2>"$work/err"; echo $?) 2>/dev/null )
        else
            out="$work/$name.wasm"
            rustc +"$toolchain" --target wasm32-wasip1 "${common[@]}" "$src" -o "$out" 2>"$work/cc.err" \
                || { echo "FAIL $name [$t]: compile error"; cat "$work/cc.err"; ok=0; continue; }
            "${runner[@]}" "$out" "${args[@]}" >"$work/out" 2>"$work/err"; code=$?
        fi
        if [ -s "$work/cc.err" ]; then echo "WARN $name [$t]: compiler output:"; grep -A3 '^warning' "$work/cc.err" | head -n 12; fi
        if ! cmp -s "$work/out" "$here/$name.stdout"; then
            echo "FAIL $name [$t]: stdout differs"; diff "$here/$name.stdout" "$work/out" | head -n 20; ok=0
        fi
        if [ "$code" != "$want_exit" ]; then
            echo "FAIL $name [$t]: exit $code, expected $want_exit"; head -n 5 "$work/err"; ok=0
        fi
    done
    if [ $ok = 1 ]; then pass=$((pass+1)); else fail=$((fail+1)); fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
