#!/usr/bin/env python3
"""Generates abidebug.rs: one `#[rustc_abi(debug)]` fn per (type, ABI), taking
and returning the type.  Compiling it makes rustc print its own FnAbi (PassMode of
every arg and of the return) as errors; see run.sh.
Run: python3 gen_abidebug.py > abidebug.rs"""
import importlib.util, os
spec = importlib.util.spec_from_file_location("g", os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen_sigs.py"))
src = open(spec.origin).read().replace("\nmain()\n", "\n")
g = {}; exec(src, g)
out = [g["PRELUDE"].replace("#![no_std]", "#![no_std]\n#![feature(rustc_attrs)]")]
for abi, pfx in (("Rust", "rust"), ("C", "c")):
    for n, t in g["TYPES"]:
        out.append(f'#[rustc_abi(debug)] pub extern "{abi}" fn dbg_{pfx}_{n}(x: {t}) -> {t} {{ loop {{}} }}\n')
print("".join(out))
