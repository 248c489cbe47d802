#!/usr/bin/env bash
# Reproduces every measurement of docs/abi-wasm32.md.  Run from anywhere in the
# repo (rust-toolchain.toml pins the nightly).  Output goes to $OUT.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1
cd "$(dirname "$0")"
OUT=${OUT:-/tmp/abi-out}; mkdir -p "$OUT"
T=wasm32-unknown-unknown
RC="rustc --target $T --crate-type=lib -Cpanic=abort"
python3 gen_sigs.py > sigs.rs
python3 gen_abidebug.py > abidebug.rs
# 1. rustc's own PassModes (errors are expected: that is how rustc_abi(debug) reports)
$RC abidebug.rs -o "$OUT/abidebug.rlib" > "$OUT/abidebug.txt" 2>&1 || true
# 2. LLVM IR + wasm object at O0 and O2; the wasip1 object with stable
$RC --emit=obj,llvm-ir -Copt-level=0 sigs.rs -o "$OUT/sigs.o"
$RC --emit=obj,llvm-ir -Copt-level=2 sigs.rs -o "$OUT/sigs_O2.o"
rustc +stable --target wasm32-wasip1 --crate-type=lib -Cpanic=abort --emit=obj,llvm-ir -Copt-level=0 sigs.rs -o "$OUT/sigs_wasip1.o"
for f in extras varargs relocs; do $RC --emit=obj,llvm-ir -Copt-level=2 $f.rs -o "$OUT/$f.o"; done
$RC --emit=obj,llvm-ir -Copt-level=2 lowering.rs -o "$OUT/lowering.o"
$RC --emit=obj -Copt-level=0 relocs.rs -o "$OUT/relocs_O0.o"
# 3. tables + cross-checks
python3 table.py "$OUT" > "$OUT/tables.md"
for v in sigs_O2 sigs_wasip1; do
  probes() { python3 wasmsig.py "$1" | sed 's/^import //' | grep -E '^(rust|c)_(arg|ret|ext)_' | sort; }
  if diff <(probes "$OUT/sigs.o") <(probes "$OUT/$v.o") > "$OUT/diff_$v.txt"; then
    echo "wasm types of sigs.o == $v.o"; else echo "wasm types differ: see $OUT/diff_$v.txt"; fi
done
for f in extras varargs relocs lowering; do python3 wasmsig.py "$OUT/$f.o" > "$OUT/$f.sigs"; done
if command -v wasm-tools > /dev/null; then
  for f in relocs relocs_O0 lowering extras varargs sigs; do
    wasm-tools print "$OUT/$f.o" > "$OUT/$f.wat"; wasm-tools dump "$OUT/$f.o" > "$OUT/$f.dump"; done
  wasm-tools objdump "$OUT/relocs.o" > "$OUT/relocs.objdump"
fi
# 4. clang's C ABI for the same extern "C" probes (Debian clang-14 has the wasm32 backend)
if command -v clang-14 > /dev/null; then
  python3 gen_cside.py > cside.c
  clang-14 --target=wasm32-unknown-unknown -O2 -c cside.c -o "$OUT/cside.o"
  clang-14 --target=wasm32-unknown-unknown -O2 -S -emit-llvm cside.c -o "$OUT/cside.ll"
  python3 - "$OUT" <<'PY'
import sys; sys.path.insert(0, "."); import wasmsig
out = sys.argv[1]
c = {n: (p, r) for n, i, p, r in wasmsig.read(out + "/cside.o")}
r = {n: (p, r) for n, i, p, r in wasmsig.read(out + "/sigs.o")}
ks = [k for k in sorted(c) if k.startswith(("c_arg_", "c_ret_", "c_ext_"))]
bad = [k for k in ks if c[k] != r.get(k)]
print(f"clang vs rustc extern \"C\" wasm types: {len(ks)} compared, {len(bad)} differ {bad}")
PY
fi
python3 wasmsig.py --features "$OUT"/*.o > "$OUT/features.txt"
LT=$(rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin
for f in relocs extras varargs lowering; do "$LT/llvm-objdump" -d -r "$OUT/$f.o" > "$OUT/$f.dis"; done
rustc --print cfg --target $T > "$OUT/cfg-unknown.txt"
rustc +stable --print cfg --target wasm32-wasip1 > "$OUT/cfg-wasip1-stable.txt"
echo "done: $OUT"
