#!/usr/bin/env python3
"""Builds the per-ABI markdown tables of docs/abi-wasm32.md from
  OUT/abidebug.txt (rustc's FnAbi dump), OUT/sigs.ll (-Copt-level=0 LLVM IR),
  OUT/sigs.o (the wasm object), and checks the caller-side imports.
Usage: table.py OUT"""
import os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import modes, wasmsig

out = sys.argv[1]
spec = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen_sigs.py")
g = {}; exec(open(spec).read().replace("\nmain()\n", "\n"), g)
md = modes.parse(os.path.join(out, "abidebug.txt"))
ll = open(os.path.join(out, "sigs.ll")).read()
wasm = {n: (ps, rs) for n, imp, ps, rs in wasmsig.read(os.path.join(out, "sigs.o"))}

def llsig(name):
    m = re.search(r"^define dso_local (.*?)@" + re.escape(name) + r"\((.*?)\) unnamed_addr", ll, re.M)
    ret, params = m.group(1).strip(), m.group(2)
    params = re.sub(r" %[\w.]+", "", params)
    return ret, params

def w(ps): return ", ".join(ps) if ps else "—"
problems = []
for abi, pfx in (("Rust", "rust"), ("C", "c")):
    print(f'\n### extern "{abi}"\n')
    print("| Rust type | arg PassMode | arg LLVM params | arg wasm params | ret PassMode | ret LLVM | ret wasm type |")
    print("|---|---|---|---|---|---|---|")
    for n, t in g["TYPES"]:
        d = md[f"dbg_{pfx}_{n}"]
        _, ap = llsig(f"{pfx}_arg_{n}")
        rr, rp = llsig(f"{pfx}_ret_{n}")
        wa = wasm[f"{pfx}_arg_{n}"][0]
        wrp, wrr = wasm[f"{pfx}_ret_{n}"]
        rl = rr if not rp else f"{rr} ({rp})"
        rw = f"({w(wrp)}) -> ({w(wrr)})"
        print(f"| `{t}` | {d['args'][0]} | `{ap or '—'}` | {w(wa)} | {d['ret']} | `{rl}` | {rw} |")
        # caller side: the import of the extern fn must be [ret-slot] + arg params -> results
        if f"{pfx}_ext_{n}" not in wasm:
            problems.append(f"{pfx}_ext_{n}: not imported (never called)"); continue
        ip, ir = wasm[f"{pfx}_ext_{n}"]
        if (ip, ir) != (wrp + wa, wrr):
            problems.append(f"{pfx}_ext_{n}: import {ip}->{ir} != {wrp}+{wa}->{wrr}")
print()
print("caller-side check (import type == [return slot] ++ arg params -> results):",
      "OK for all" if not problems else "; ".join(problems))
