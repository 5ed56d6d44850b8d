// Tables keyed by names from the scanned code or the user's assumptions. A name such as `valueOf`,
// `constructor` or `__proto__` must find nothing it was not given: plain `{}` objects would answer
// with Object.prototype's members (and `__proto__ = 3` would be dropped), so such tables are
// null-prototype objects and are read through `ownValue`.

/** A null-prototype table, filled from `entries`. */
export function nameTable<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** The table's own value for `name` (never an inherited member), for tables from anywhere (JSON, settings). */
export function ownValue<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}
