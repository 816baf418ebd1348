#!/usr/bin/env python3
"""High-precision XIRR reference, independent of the TypeScript code (standard library only).

Reads a JSON array of cases on stdin: {"id", "o": [day numbers], "a": [amounts], "lo": number|null}
where "lo" is LibreOffice's XIRR (null when LibreOffice returned an error). Writes a JSON array:

  {"id", "verdict", "ref", "roots", "loErr"}

verdict:
  "lo"           LibreOffice's value has a true root within max(1e-9·|r|, 1e-10) of it; ref = that root,
                 refined to ~1e-25 with decimal arithmetic; loErr = |lo − ref|.
  "lo-imprecise" LibreOffice stopped short of a root (within 1e-4 of it in ln(1+r), not within 1e-9 in r):
                 its absolute 1e-10 residual test ends early when the amounts are tiny; ref = that root.
  "lo-bogus"     LibreOffice returned a value with no root anywhere near it; ref = the unique root, or null
                 when there is none; with several roots, ref = null and rootList lists them.
  "hp"           LibreOffice errored but roots exist; ref = the unique root, or when there are several,
                 the one closest to ln(1.1) in y = ln(1+r) (the documented rule).
  "none"         LibreOffice errored and no root was found: ref = null.

Roots are searched for in y = ln(1+r) ∈ [−36, 709] on a float grid (sign of a rescaled, fsum-ed NPV),
each sign change then bisected with 60-digit decimal arithmetic.
"""
import json
import math
import sys
from decimal import Decimal, getcontext

getcontext().prec = 60
D365 = Decimal(365)
Y_MIN, Y_MAX = -36.0, 709.0


def make_grid():
    g = []
    y = Y_MIN
    while y < -3:
        g.append(y)
        y += 0.01
    k = -3000
    while k <= 3000:
        g.append(k / 1000.0)
        k += 1
    y = 3.0
    while y < Y_MAX:
        y *= 1.002
        g.append(min(y, Y_MAX))
    return g


GRID = make_grid()


class Case:
    def __init__(self, days, amounts):
        days, amounts = zip(*[(d, a) for d, a in zip(days, amounts) if a != 0])
        dmin = min(days)
        self.tf = [(d - dmin) / 365.0 for d in days]
        self.af = [float(a) for a in amounts]
        self.td = [Decimal(d - dmin) / D365 for d in days]
        self.ad = [Decimal(float(a)) for a in amounts]  # the exact binary values both solvers see
        self.tmax = max(self.tf)

    def sign_float(self, y):
        c = self.tmax if y < 0 else 0.0
        s = math.fsum(a * math.exp(-(t - c) * y) for a, t in zip(self.af, self.tf) if a != 0.0)
        return (s > 0) - (s < 0)

    def npv_dec(self, y):
        y = Decimal(y)
        return sum((a * (-(t * y)).exp() for a, t in zip(self.ad, self.td) if a != 0), Decimal(0))

    def sign_dec(self, y):
        v = self.npv_dec(y)
        return (v > 0) - (v < 0)

    def bisect(self, ya, yb):
        ya, yb = Decimal(ya), Decimal(yb)
        sa = self.sign_dec(ya)
        if sa == 0:
            return ya
        if self.sign_dec(yb) == 0:
            return yb
        for _ in range(200):
            ym = (ya + yb) / 2
            sm = self.sign_dec(ym)
            if sm == 0:
                return ym
            if sm == sa:
                ya = ym
            else:
                yb = ym
            if yb - ya <= abs(ym) * Decimal("1e-28") + Decimal("1e-40"):
                break
        return (ya + yb) / 2

    def all_roots(self):
        """Roots in y; a root below the grid (1 + r < 2e-16, only the sign at y → −∞ tells) is reported
        as y = −inf, i.e. r = −1; roots above y = 709 (r overflows) are not reported."""
        roots = []
        nets = {}
        for a, t in zip(self.ad, self.td):
            nets[t] = nets.get(t, Decimal(0)) + a
        nonzero = [nets[t] for t in sorted(nets) if nets[t] != 0]
        if len(nonzero) < 2:
            return []
        latest = nonzero[-1]  # dominates as y → −∞
        sign_minus_inf = (latest > 0) - (latest < 0)
        s_low = self.sign_float(GRID[0])
        if sign_minus_inf != 0 and s_low != 0 and sign_minus_inf != s_low and self.sign_dec(GRID[0]) == s_low:
            roots.append(Decimal("-Infinity"))
        prev_y, prev_s = GRID[0], self.sign_float(GRID[0])
        for y in GRID[1:]:
            s = self.sign_float(y)
            if s != prev_s and prev_s != 0:
                if s == 0:
                    roots.append(Decimal(y))
                elif self.sign_dec(prev_y) * self.sign_dec(y) < 0:  # confirm the float sign change
                    roots.append(self.bisect(prev_y, y))
            if s != 0:
                prev_y, prev_s = y, s
        return roots


def to_rate(y):
    return -1.0 if y == Decimal("-Infinity") else float(y.exp() - 1)


def solve(case):
    days, amounts, lo = case["o"], case["a"], case.get("lo")
    res = {"id": case["id"], "verdict": None, "ref": None, "roots": None, "loErr": None}
    has_pos = any(a > 0 for a in amounts)
    has_neg = any(a < 0 for a in amounts)
    if not (has_pos and has_neg):
        res["verdict"] = "none"
        res["roots"] = 0
        return res
    c = Case(days, amounts)
    if lo is not None and not (lo > -1 and math.isfinite(lo)):
        res["verdict"] = "lo-not-root"
    elif lo is not None:
        tol = max(1e-9 * abs(lo), 1e-10)
        r1 = max(lo - tol, (lo - 1) / 2)
        r2 = lo + tol
        y1, y2 = math.log1p(r1), math.log1p(r2)
        s1, s2 = c.sign_dec(y1), c.sign_dec(y2)
        if s1 == 0 or s2 == 0 or s1 != s2:
            root = to_rate(c.bisect(y1, y2))
            res.update(verdict="lo", ref=root, loErr=abs(lo - root))
            return res
        res["verdict"] = "lo-not-root"
    roots = c.all_roots()
    res["roots"] = len(roots)
    rates = [to_rate(y) for y in roots]
    res["rootList"] = rates[:10]
    yg = Decimal(math.log1p(0.1))
    if res["verdict"] == "lo-not-root":
        ylo = Decimal(math.log1p(lo)) if lo > -1 else None
        near = [y for y in roots if ylo is not None and abs(y - ylo) <= Decimal("1e-4") * max(1, abs(ylo))]
        if near:
            best = min(near, key=lambda y: abs(y - ylo))
            res.update(verdict="lo-imprecise", ref=to_rate(best), loErr=abs(lo - to_rate(best)))
        else:
            res["verdict"] = "lo-bogus"
            res["ref"] = to_rate(roots[0]) if len(roots) == 1 else None
        return res
    if not roots:
        res["verdict"] = "none"
        return res
    best = min(roots, key=lambda y: abs(y - yg))
    res["verdict"] = "hp"
    res["ref"] = to_rate(best)
    return res


def main():
    cases = json.load(sys.stdin)
    out = [solve(c) for c in cases]
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
