// Dollar figures without floating-point noise (0.12476000000000001 → 0.12476), for stable output.
export function roundDollars(d: number | null): number | null {
  return d === null ? null : Number(d.toPrecision(10));
}
