// Multivariate polynomials with non-negative coefficients over size and trip-count symbols.
// Every symbol stands for a quantity ≥ 1 that may grow without bound, so a monomial dominates
// another when it has at least the same exponent in every symbol; asymptotic printing keeps only
// the non-dominated monomials (Θ(b²·n + k·l) keeps both). Coefficients are kept for estimates.
import { compareNames } from "../lineRefs";
import { nameTable, ownValue } from "../nameTables";

export type Factors = Readonly<Record<string, number>>;

export interface Monomial {
  readonly coef: number;
  readonly factors: Factors;
}

// Factor tables are null-prototype objects: a symbol may be named `valueOf` or `__proto__`.
function keyOf(factors: Factors): string {
  // NUL cannot occur in a name from parsed source text (a file with one is rejected as binary).
  return Object.keys(factors)
    .sort()
    .map((s) => `${s}\u0000${factors[s]}`)
    .join("\u0000\u0000");
}

function copyOf(factors: Factors): Record<string, number> {
  return Object.assign(nameTable<number>(), factors);
}

export class Poly {
  private constructor(private readonly byKey: ReadonlyMap<string, Monomial>) {}

  static readonly zero = new Poly(new Map());
  static readonly one = Poly.constant(1);

  static constant(c: number): Poly {
    if (c === 0) return Poly.zero;
    return new Poly(new Map([["", { coef: c, factors: nameTable<number>() }]]));
  }

  static symbol(name: string, exponent = 1, coef = 1): Poly {
    const factors = nameTable([[name, exponent]]);
    return new Poly(new Map([[keyOf(factors), { coef, factors }]]));
  }

  static sum(polys: Iterable<Poly>): Poly {
    let acc = Poly.zero;
    for (const p of polys) acc = acc.add(p);
    return acc;
  }

  static product(polys: Iterable<Poly>): Poly {
    let acc = Poly.one;
    for (const p of polys) acc = acc.mul(p);
    return acc;
  }

  get monomials(): Monomial[] {
    return [...this.byKey.values()];
  }

  isZero(): boolean {
    return this.byKey.size === 0;
  }

  /** True when no symbol occurs (a constant, possibly zero). */
  isConstant(): boolean {
    return this.monomials.every((m) => Object.keys(m.factors).length === 0);
  }

  constantValue(): number {
    return this.byKey.get("")?.coef ?? 0;
  }

  add(other: Poly): Poly {
    if (other.isZero()) return this;
    if (this.isZero()) return other;
    const out = new Map(this.byKey);
    for (const [k, m] of other.byKey) {
      const prev = out.get(k);
      out.set(k, prev ? { coef: prev.coef + m.coef, factors: m.factors } : m);
    }
    return new Poly(out);
  }

  mul(other: Poly): Poly {
    if (this.isZero() || other.isZero()) return Poly.zero;
    const out = new Map<string, Monomial>();
    for (const a of this.byKey.values()) {
      for (const b of other.byKey.values()) {
        const factors = copyOf(a.factors);
        for (const [s, e] of Object.entries(b.factors)) factors[s] = (factors[s] ?? 0) + e;
        const k = keyOf(factors);
        const prev = out.get(k);
        out.set(k, { coef: (prev?.coef ?? 0) + a.coef * b.coef, factors });
      }
    }
    return new Poly(out);
  }

  /** Without the monomials whose coefficient cancelled out. */
  dropZeros(): Poly {
    return new Poly(new Map([...this.byKey].filter(([, m]) => Math.abs(m.coef) > 1e-9)));
  }

  scale(c: number): Poly {
    return this.mul(Poly.constant(c));
  }

  /** Replaces a symbol by a polynomial (used to apply a summary or an assumption). */
  subst(name: string, value: Poly): Poly {
    let acc = Poly.zero;
    for (const m of this.byKey.values()) {
      const e = m.factors[name];
      if (!e) {
        acc = acc.add(new Poly(new Map([[keyOf(m.factors), m]])));
        continue;
      }
      const rest = copyOf(m.factors);
      delete rest[name];
      let term = new Poly(new Map([[keyOf(rest), { coef: m.coef, factors: rest }]]));
      for (let i = 0; i < e; i++) term = term.mul(value);
      acc = acc.add(term);
    }
    return acc;
  }

  /** Numeric value with every symbol assigned (missing symbols use `fallback`). */
  evaluate(values: Readonly<Record<string, number>>, fallback: number): number {
    let total = 0;
    for (const m of this.byKey.values()) {
      let v = m.coef;
      for (const [s, e] of Object.entries(m.factors)) v *= (ownValue(values, s) ?? fallback) ** e;
      total += v;
    }
    return total;
  }

  degreeIn(name: string): number {
    let d = 0;
    for (const m of this.byKey.values()) d = Math.max(d, m.factors[name] ?? 0);
    return d;
  }

  symbols(): string[] {
    const out = new Set<string>();
    for (const m of this.byKey.values()) for (const s of Object.keys(m.factors)) out.add(s);
    return [...out].sort(compareNames);
  }

  /** Whether a symbol passes `test` (without sorting them, as `symbols` does). */
  someSymbol(test: (name: string) => boolean): boolean {
    for (const m of this.byKey.values()) for (const s of Object.keys(m.factors)) if (test(s)) return true;
    return false;
  }

  /** The same polynomial with its symbols renamed, in the same order; names renamed alike multiply. */
  rename(to: (name: string) => string): Poly {
    const out = new Map<string, Monomial>();
    for (const m of this.byKey.values()) {
      const factors = nameTable<number>();
      for (const [s, e] of Object.entries(m.factors)) factors[to(s)] = (factors[to(s)] ?? 0) + e;
      const k = keyOf(factors);
      const prev = out.get(k);
      out.set(k, { coef: (prev?.coef ?? 0) + m.coef, factors });
    }
    return new Poly(out);
  }

  /** The monomials not dominated by another one, in a stable order (highest total degree first). */
  dominant(): Monomial[] {
    const ms = this.monomials.filter((m) => m.coef > 0);
    const kept = ms.filter((m) => !ms.some((o) => o !== m && dominates(o.factors, m.factors)));
    return kept.sort(compareMonomials);
  }
}

/** a ≥ b in every symbol and a ≠ b. */
function dominates(a: Factors, b: Factors): boolean {
  let strictly = false;
  for (const [s, e] of Object.entries(b)) {
    const ea = a[s] ?? 0;
    if (ea < e) return false;
    if (ea > e) strictly = true;
  }
  for (const s of Object.keys(a)) if (!(s in b)) strictly = true;
  return strictly;
}

function totalDegree(f: Factors): number {
  return Object.values(f).reduce((a, b) => a + b, 0);
}

function compareMonomials(a: Monomial, b: Monomial): number {
  return totalDegree(b.factors) - totalDegree(a.factors) || compareNames(orderKeyOf(a.factors), orderKeyOf(b.factors));
}

/** `keyOf` in the printing order of names (`keyOf`'s own order only has to be canonical). */
function orderKeyOf(factors: Factors): string {
  return Object.keys(factors)
    .sort(compareNames)
    .map((s) => `${s}^${factors[s]}`)
    .join("*");
}
