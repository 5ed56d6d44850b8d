// Multivariate polynomials over size and trip-count symbols (coefficients are numbers: exact
// counts may make them fractional or negative). Every symbol stands for a quantity ≥ 1 that may
// grow without bound, so a monomial dominates another when it has at least the same exponent in
// every symbol; asymptotic printing keeps only the non-dominated monomials (Θ(b²·n + k·l) keeps
// both). Coefficients are kept for estimates.
//
// The algebra is bounded by construction (as Infer's `polynomials` widen to top): no result has
// more than POLY_LIMITS.terms monomials or a monomial of total degree above POLY_LIMITS.degree.
// Past the term limit a polynomial keeps only its non-dominated monomials, each dominated one's
// coefficient added to a monomial that dominates it: the same class, an upper bound (`upper`).
// Past the degree limit (or with more incomparable terms than the limit) it becomes `widened`
// (top): no bound, with the reason; every operation
// on top is top. So no chain of substitutions can square its way to |h|³⁸³ or take minutes.
import { compareNames } from "../lineRefs";
import { nameTable, ownValue } from "../nameTables";

export type Factors = Readonly<Record<string, number>>;

/** The bounds every operation keeps to. */
export const POLY_LIMITS = { terms: 64, degree: 24 } as const;

export interface Monomial {
  readonly coef: number;
  readonly factors: Factors;
}

// Factor tables are null-prototype objects: a symbol may be named `valueOf` or `__proto__`.
function keyOf(factors: Factors): string {
  // NUL cannot occur in a name from parsed source text (a file with one is rejected as binary).
  // Most monomials have one or two symbols: no array is made for those (`mul` keys every product).
  let only: string | undefined;
  let many = false;
  for (const s in factors) {
    if (only !== undefined) {
      many = true;
      break;
    }
    only = s;
  }
  if (only === undefined) return "";
  if (!many) return `${only}\u0000${factors[only]}`;
  const names = Object.keys(factors).sort();
  let key = `${names[0]}\u0000${factors[names[0]!]}`;
  for (let i = 1; i < names.length; i++) key += `\u0000\u0000${names[i]}\u0000${factors[names[i]!]}`;
  return key;
}

function copyOf(factors: Factors): Record<string, number> {
  return Object.assign(nameTable<number>(), factors);
}

export class Poly {
  private constructor(
    private readonly byKey: ReadonlyMap<string, Monomial>,
    /** Set when a limit was passed: an upper bound only (terms folded), or no bound at all (`widened`). */
    private readonly limit?: { readonly upper: true; readonly widened?: string },
  ) {}

  static readonly zero = new Poly(new Map());
  static readonly one = Poly.constant(1);
  private static readonly upperZero = new Poly(new Map(), { upper: true });

  /** No polynomial bound (top): why. Every operation on it gives it back. */
  static widened(reason: string): Poly {
    return new Poly(new Map(), { upper: true, widened: reason });
  }

  /** Set on top: the reason no polynomial bound is kept. */
  get widenedReason(): string | undefined {
    return this.limit?.widened;
  }

  /** True when a limit made this an upper bound only (folded terms) or no bound (top). */
  get upper(): boolean {
    return !!this.limit;
  }

  /** The result of an operation, kept within the term limit (`mul` and `subst` check the degree before they expand). */
  private static bounded(byKey: Map<string, Monomial>, upper: boolean): Poly {
    if (byKey.size <= POLY_LIMITS.terms) return new Poly(byKey, upper ? { upper: true } : undefined);
    const folded = fold(byKey);
    if (!folded) return Poly.widened(`a bound of more than ${POLY_LIMITS.terms} incomparable terms passed the algebra's limit`);
    return new Poly(folded, { upper: true });
  }

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

  /**
   * An upper bound of each of `polys` (of non-negative quantities): every term at its largest
   * coefficient. What one of several alternatives gives (the call a branch returns).
   */
  static largest(polys: Iterable<Poly>): Poly {
    const out = new Map<string, Monomial>();
    let upper = false;
    for (const p of polys) {
      if (p.limit?.widened) return p;
      upper ||= p.upper;
      for (const [k, m] of p.byKey) {
        const prev = out.get(k);
        if (!prev || m.coef > prev.coef) out.set(k, m);
      }
    }
    return Poly.bounded(out, upper);
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
    return this.byKey.size === 0 && !this.limit?.widened;
  }

  /** True when no symbol occurs (a constant, possibly zero). */
  isConstant(): boolean {
    // Only a monomial without symbols is keyed "".
    return this.byKey.size === 0 || (this.byKey.size === 1 && this.byKey.has(""));
  }

  constantValue(): number {
    return this.byKey.get("")?.coef ?? 0;
  }

  add(other: Poly): Poly {
    if (this.limit?.widened) return this;
    if (other.limit?.widened) return other;
    if (other.isZero() && !other.upper) return this;
    if (this.isZero() && !this.upper) return other;
    const out = new Map(this.byKey);
    for (const [k, m] of other.byKey) {
      const prev = out.get(k);
      out.set(k, prev ? { coef: prev.coef + m.coef, factors: m.factors } : m);
    }
    return Poly.bounded(out, this.upper || other.upper);
  }

  mul(other: Poly): Poly {
    if (this.limit?.widened) return this;
    if (other.limit?.widened) return other;
    if (this.isZero() || other.isZero()) return Poly.zero;
    // Checked before multiplying out: a product's degree is the sum of the degrees.
    const degree = this.totalDegree() + other.totalDegree();
    if (degree > POLY_LIMITS.degree) return Poly.widened(`a bound of degree ${degree} passed the algebra's limit of ${POLY_LIMITS.degree}`);
    // A product with a constant (a scale, a count of one) keeps the other side's keys and factor
    // tables, in its order: what the expansion below gives, without copying or keying anything.
    if (other.isConstant()) return Poly.bounded(scaled(this.byKey, other.constantValue(), false), this.upper || other.upper);
    if (this.isConstant()) return Poly.bounded(scaled(other.byKey, this.constantValue(), true), this.upper || other.upper);
    const out = new Map<string, Monomial>();
    for (const a of this.byKey.values()) {
      for (const b of other.byKey.values()) {
        const factors = copyOf(a.factors);
        for (const s in b.factors) factors[s] = (factors[s] ?? 0) + b.factors[s]!;
        const k = keyOf(factors);
        const prev = out.get(k);
        out.set(k, { coef: (prev?.coef ?? 0) + a.coef * b.coef, factors });
      }
    }
    return Poly.bounded(out, this.upper || other.upper);
  }

  /** The same monomials with the same coefficients (and the same limits passed). */
  equals(other: Poly): boolean {
    if (this.limit?.widened !== other.limit?.widened || this.upper !== other.upper || this.byKey.size !== other.byKey.size) return false;
    for (const [k, m] of this.byKey) {
      const o = other.byKey.get(k);
      if (!o || Math.abs(o.coef - m.coef) > 1e-9 * Math.max(1, Math.abs(m.coef))) return false;
    }
    return true;
  }

  /** Kept once worked out: `mul` and `subst` ask for it before every expansion. */
  private degree: number | undefined;

  /** The highest total degree of a monomial (0 for constants and zero). */
  totalDegree(): number {
    if (this.degree === undefined) {
      let d = 0;
      for (const m of this.byKey.values()) d = Math.max(d, totalDegree(m.factors));
      this.degree = d;
    }
    return this.degree;
  }

  /** Without the monomials whose coefficient cancelled out. */
  dropZeros(): Poly {
    if (this.limit?.widened) return this;
    return new Poly(new Map([...this.byKey].filter(([, m]) => Math.abs(m.coef) > 1e-9)), this.limit);
  }

  scale(c: number): Poly {
    return this.mul(Poly.constant(c));
  }

  /** Replaces a symbol by a polynomial (used to apply a summary or an assumption). */
  subst(name: string, value: Poly): Poly {
    if (this.limit?.widened) return this;
    if (this.degreeIn(name) === 0) return this;
    if (value.limit?.widened) return value;
    // The degree after substitution, known before expanding anything.
    let degree = 0;
    for (const m of this.byKey.values()) degree = Math.max(degree, totalDegree(m.factors) + (m.factors[name] ?? 0) * (value.totalDegree() - 1));
    if (degree > POLY_LIMITS.degree) return Poly.widened(`substituting ${name} gives a bound of degree ${degree}, past the algebra's limit of ${POLY_LIMITS.degree}`);
    const powers = [Poly.one];
    const powerOf = (e: number): Poly => {
      while (powers.length <= e) powers.push(powers[powers.length - 1]!.mul(value));
      return powers[e]!;
    };
    let acc: Poly = this.upper ? Poly.upperZero : Poly.zero;
    for (const m of this.byKey.values()) {
      const e = m.factors[name];
      if (!e) {
        acc = acc.add(new Poly(new Map([[keyOf(m.factors), m]])));
        continue;
      }
      const rest = copyOf(m.factors);
      delete rest[name];
      const term = new Poly(new Map([[keyOf(rest), { coef: m.coef, factors: rest }]]));
      acc = acc.add(term.mul(powerOf(e)));
    }
    return acc;
  }

  /** Numeric value with every symbol assigned (missing symbols use `fallback`). */
  evaluate(values: Readonly<Record<string, number>>, fallback: number): number {
    if (this.limit?.widened) return NaN;
    let total = 0;
    for (const m of this.byKey.values()) {
      let v = m.coef;
      for (const s in m.factors) v *= (ownValue(values, s) ?? fallback) ** m.factors[s]!;
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
    for (const m of this.byKey.values()) for (const s in m.factors) out.add(s);
    return [...out].sort(compareNames);
  }

  /** Whether a symbol passes `test` (without sorting them, as `symbols` does). */
  someSymbol(test: (name: string) => boolean): boolean {
    for (const m of this.byKey.values()) for (const s in m.factors) if (test(s)) return true;
    return false;
  }

  /** The same polynomial with its symbols renamed, in the same order; names renamed alike multiply. */
  rename(to: (name: string) => string): Poly {
    if (this.limit?.widened) return this;
    const out = new Map<string, Monomial>();
    for (const m of this.byKey.values()) {
      const factors = nameTable<number>();
      for (const [s, e] of Object.entries(m.factors)) factors[to(s)] = (factors[to(s)] ?? 0) + e;
      const k = keyOf(factors);
      const prev = out.get(k);
      out.set(k, { coef: (prev?.coef ?? 0) + m.coef, factors });
    }
    return new Poly(out, this.limit);
  }

  /** The monomials not dominated by another one, in a stable order (highest total degree first). */
  dominant(): Monomial[] {
    const ms = this.monomials.filter((m) => m.coef > 0);
    const kept = ms.filter((m) => !ms.some((o) => o !== m && dominates(o.factors, m.factors)));
    if (kept.length < 2) return kept;
    // Each monomial's degree and printing key made once, not at every comparison of the sort.
    const keyed = kept.map((m) => ({ m, degree: totalDegree(m.factors), key: orderKeyOf(m.factors) }));
    keyed.sort((a, b) => b.degree - a.degree || compareNames(a.key, b.key));
    return keyed.map((k) => k.m);
  }
}

/**
 * The non-dominated monomials, each dominated one's coefficient added to one that dominates it
 * (symbols are ≥ 1, so c·m ≤ c·d for d dominating m): an upper bound of the same class. Negative
 * coefficients are dropped, which only raises it.
 */
function fold(byKey: ReadonlyMap<string, Monomial>): Map<string, Monomial> | undefined {
  // Highest total degree first: whatever dominates a monomial comes before it, and is kept or is
  // itself dominated by a kept one, so only the kept ones need comparing (and there are at most
  // POLY_LIMITS.terms of them, else the result is top).
  const ms = [...byKey.values()].filter((m) => m.coef > 0).map((m) => ({ m, degree: totalDegree(m.factors) }));
  ms.sort((a, b) => b.degree - a.degree);
  const kept: { factors: Factors; coef: number }[] = [];
  for (const { m } of ms) {
    const d = kept.find((k) => dominates(k.factors, m.factors));
    if (d) d.coef += m.coef;
    else if (kept.push({ factors: m.factors, coef: m.coef }) > POLY_LIMITS.terms) return undefined;
  }
  return new Map(kept.map((k) => [keyOf(k.factors), { coef: k.coef, factors: k.factors }]));
}

/** a ≥ b in every symbol and a ≠ b. */
function dominates(a: Factors, b: Factors): boolean {
  let strictly = false;
  for (const s in b) {
    const e = b[s]!;
    const ea = a[s] ?? 0;
    if (ea < e) return false;
    if (ea > e) strictly = true;
  }
  if (strictly) return true;
  for (const s in a) if (!(s in b)) return true;
  return false;
}

/** `byKey`'s monomials times `c`, under the same keys (`first`: c·coef, the constant on the left). */
function scaled(byKey: ReadonlyMap<string, Monomial>, c: number, first: boolean): Map<string, Monomial> {
  const out = new Map<string, Monomial>();
  // `0 +` as in the expansion's sum: a product of −0 is kept as 0.
  for (const [k, m] of byKey) out.set(k, { coef: 0 + (first ? c * m.coef : m.coef * c), factors: m.factors });
  return out;
}

function totalDegree(f: Factors): number {
  let d = 0;
  for (const s in f) d += f[s]!;
  return d;
}

/** `keyOf` in the printing order of names (`keyOf`'s own order only has to be canonical). */
function orderKeyOf(factors: Factors): string {
  return Object.keys(factors)
    .sort(compareNames)
    .map((s) => `${s}^${factors[s]}`)
    .join("*");
}
