#!/usr/bin/env python3
"""Condenses rustc's `#[rustc_abi(debug)]` output into one PassMode per arg/ret.
Usage: modes.py abidebug.txt  ->  prints  `fn | args | ret`"""
import re, sys

def summarize(block):
    head = block[0].strip()
    text = "\n".join(block)
    ext = re.search(r"arg_ext: (\w+)", text)
    ext = "" if not ext or ext.group(1) == "None" else f" {ext.group(1).lower()}"
    if head.startswith("mode: Ignore"): return "Ignore"
    if head.startswith("mode: Direct"): return "Direct" + ext
    if head.startswith("mode: Pair"): return "Pair"
    if head.startswith("mode: Cast"):
        kind = re.search(r"unit: Reg \{\s*kind: (\w+),\s*size: Size\((\d+) bytes\)", text, re.S)
        total = re.search(r"total: Size\((\d+) bytes\)", text)
        k = {"Integer": "i", "Float": "f", "Vector": "v"}[kind.group(1)]
        unit, tot = int(kind.group(2)), int(total.group(1))
        pre = re.findall(r"Some\(\s*Reg \{\s*kind: (\w+),\s*size: Size\((\d+) bytes\)", text, re.S)
        s = f"{k}{unit*8}" if unit == tot else f"{tot//unit}x{k}{unit*8}" + ("" if tot % unit == 0 else f"+rem{(tot%unit)*8}")
        if pre: s = "+".join(f"{a[0][0].lower()}{int(a[1])*8}" for a in pre) + "+" + s
        return f"Cast({s})" + ext
    if head.startswith("mode: Indirect"):
        on_stack = re.search(r"on_stack: (\w+)", text).group(1) == "true"
        return "Indirect" + (" on_stack(byval)" if on_stack else "")
    return head

def parse(path):
    lines = open(path).read().splitlines()
    res, cur, sect, i = {}, None, None, 0
    while i < len(lines):
        l = lines[i]
        m = re.match(r"error: fn_abi_of\((\w+)\) = FnAbi", l)
        if m: cur = m.group(1); res[cur] = {"args": [], "ret": None}; i += 1; continue
        s = l.strip()
        if cur and s == "args: [": sect = "args"
        elif cur and s == "ret: ArgAbi {": sect = "ret"
        elif cur and s.startswith("mode: "):
            ind = len(l) - len(l.lstrip()); blk = [l]; i += 1
            while i < len(lines) and (len(lines[i]) - len(lines[i].lstrip()) > ind or lines[i].strip() in ("}", "},", ")", "),") and len(lines[i]) - len(lines[i].lstrip()) > ind):
                blk.append(lines[i]); i += 1
            sm = summarize(blk)
            if sect == "args": res[cur]["args"].append(sm)
            else: res[cur]["ret"] = sm
            continue
        i += 1
    return res

if __name__ == "__main__":
    for f, d in parse(sys.argv[1]).items():
        print(f"{f} | {', '.join(d['args'])} | {d['ret']}")
