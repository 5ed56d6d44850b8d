// An exact count as text and JSON: every monomial with its rational coefficient
// (`6·|q|·b² + 12·b·|q| − 6·b`), where a bound's text keeps only the dominant ones.
import { formatFactors, type SymbolRank } from "./bound";
import type { Poly } from "./poly";

/** `3/2`, `7`, `0.123`: small denominators as fractions, else a short decimal. */
function coefficientText(c: number): string {
  if (Number.isInteger(c)) return String(c);
  for (const d of [2, 3, 4, 6, 8, 12]) {
    const n = c * d;
    if (Math.abs(n - Math.round(n)) < 1e-9) return `${Math.round(n)}/${d}`;
  }
  return String(Number(c.toPrecision(4)));
}

/** The monomials with non-zero coefficients, highest degree first. */
function terms(p: Poly): { coef: number; factors: Record<string, number> }[] {
  const degree = (f: Readonly<Record<string, number>>): number => {
    let d = 0;
    for (const s in f) d += f[s]!;
    return d;
  };
  // Each degree worked out once, not at every comparison of the sort.
  return p.monomials
    .filter((m) => Math.abs(m.coef) > 1e-9)
    .map((m) => ({ m, degree: degree(m.factors) }))
    .sort((a, b) => b.degree - a.degree)
    .map(({ m }) => ({ coef: m.coef, factors: { ...m.factors } }));
}

export function formatCount(p: Poly, rank: SymbolRank): string {
  const ts = terms(p);
  if (ts.length === 0) return "0";
  return ts
    .map((m, i) => {
      const magnitude = Math.abs(m.coef);
      const vars = Object.keys(m.factors).length ? formatFactors(m.factors, rank) : "";
      const body = vars ? (magnitude === 1 ? vars : `${coefficientText(magnitude)}·${vars}`) : coefficientText(magnitude);
      return i === 0 ? `${m.coef < 0 ? "−" : ""}${body}` : `${m.coef < 0 ? " − " : " + "}${body}`;
    })
    .join("");
}

/** The JSON form of a count: every monomial, its coefficient included. */
export function countTerms(p: Poly): { coef: number; factors: Record<string, number> }[] {
  return terms(p);
}
