#!/usr/bin/env python3
"""Minimal wasm object reader: prints `name: (params) -> (results)` for every
function (imports and definitions) of a relocatable wasm object, using the
symbol names of the `linking` section.  Usage: wasmsig.py probe.o"""
import sys

VT = {0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64", 0x7b: "v128",
      0x70: "funcref", 0x6f: "externref"}

class R:
    def __init__(s, b, p=0, end=None): s.b, s.p, s.end = b, p, len(b) if end is None else end
    def u8(s): v = s.b[s.p]; s.p += 1; return v
    def leb(s):
        r = sh = 0
        while True:
            x = s.u8(); r |= (x & 0x7f) << sh; sh += 7
            if x < 0x80: return r
    def name(s): n = s.leb(); v = s.b[s.p:s.p + n].decode(); s.p += n; return v

def read(path):
    b = open(path, "rb").read(); r = R(b, 8)
    types, funcs, nimp, names = [], [], 0, {}
    while r.p < len(b):
        sid = r.u8(); size = r.leb(); start = r.p; sr = R(b, start, start + size)
        if sid == 1:
            for _ in range(sr.leb()):
                assert sr.u8() == 0x60
                ps = [VT[sr.u8()] for _ in range(sr.leb())]
                rs = [VT[sr.u8()] for _ in range(sr.leb())]
                types.append((ps, rs))
        elif sid == 2:
            for _ in range(sr.leb()):
                mod, fld, kind = sr.name(), sr.name(), sr.u8()
                if kind == 0: funcs.append(sr.leb()); nimp += 1; names.setdefault(len(funcs) - 1, []).append(fld)
                elif kind == 1: sr.u8(); fl = sr.leb(); sr.leb(); fl & 1 and sr.leb()
                elif kind == 2: fl = sr.leb(); sr.leb(); fl & 1 and sr.leb()
                elif kind == 3: sr.u8(); sr.u8()
                else: sr.u8(); sr.leb()
        elif sid == 3:
            for _ in range(sr.leb()): funcs.append(sr.leb())
        elif sid == 0 and sr.name() == "linking":
            sr.leb()
            while sr.p < sr.end:
                st = sr.u8(); sz = sr.leb(); se = sr.p + sz
                if st == 8:
                    for _ in range(sr.leb()):
                        kind, flags = sr.u8(), sr.leb()
                        if kind in (0, 2, 4, 5):
                            idx = sr.leb()
                            if not flags & 0x10 or flags & 0x40:
                                nm = sr.name()
                                if kind == 0 and nm not in names.get(idx, []): names.setdefault(idx, []).append(nm)
                        elif kind == 1:
                            sr.name()
                            if not flags & 0x10: sr.leb(); sr.leb(); sr.leb()
                        elif kind == 3: sr.leb()
                sr.p = se
        r.p = start + size
    out = []
    for i, t in enumerate(funcs):
        ps, rs = types[t]
        for nm in names.get(i, [f"func{i}"]):
            out.append((nm, i < nimp, ps, rs))
    return out

def fmt(ps, rs):
    return "(" + ", ".join(ps) + ") -> (" + ", ".join(rs) + ")"

def custom(path, want):
    """Payload of the custom section `want`, or None."""
    b = open(path, "rb").read(); r = R(b, 8)
    while r.p < len(b):
        sid = r.u8(); size = r.leb(); start = r.p
        if sid == 0:
            sr = R(b, start, start + size)
            if sr.name() == want: return R(b, sr.p, start + size)
        r.p = start + size

def features(path):
    r = custom(path, "target_features")
    return [] if r is None else [chr(r.u8()) + r.name() for _ in range(r.leb())]

if __name__ == "__main__":
    if sys.argv[1] == "--features":
        for p in sys.argv[2:]: print(p, " ".join(features(p)))
        sys.exit()
    for n, imp, ps, rs in read(sys.argv[1]):
        print(f"{'import ' if imp else ''}{n}: {fmt(ps, rs)}")
