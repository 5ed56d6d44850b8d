// The sizes assumed where neither the settings' `aalp.assumptions` nor a file's `@aalp` comment
// gives one: the user's `aalp.defaults.*`. The core evaluates open symbols at its own documented
// defaults; the extension hands it the user's as assumptions instead, for the symbols they change,
// so the lenses, hovers and the report price every site at the same sizes.
import { type Finding, assumedValue } from "../../core";
import type { PricedEstimate } from "./costEstimate";
import { BUILT_IN_DEFAULTS, type DefaultSizes } from "./settingsModel";

export interface FilledAssumptions {
  /** `assume` plus a value for each open symbol whose user default differs from the built-in one (null prototype: keys are names from the code). */
  readonly assume: Readonly<Record<string, number>>;
  /** The symbols given a user default. */
  readonly filled: ReadonlySet<string>;
}

export function withDefaultSizes(findings: readonly Finding[], assume: Readonly<Record<string, number>>, defaults: DefaultSizes): FilledAssumptions {
  const out: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, assume);
  const filled = new Set<string>();
  for (const f of findings)
    for (const s of f.symbols) {
      // A value the code states (`maxRounds = 8`, `maxSteps: 5`) or derives (a recursion's leaves) is no open size.
      if (s.kind === "model" || s.value !== undefined || s.leavesOf || assumedValue(assume, s.name) !== undefined || filled.has(s.name)) continue;
      if (defaults[s.kind] === BUILT_IN_DEFAULTS[s.kind]) continue;
      out[s.name] = defaults[s.kind];
      filled.add(s.name);
    }
  return { assume: out, filled };
}

/** The estimate with the filled symbols listed as the defaults they are. */
export function markDefaults(e: PricedEstimate, filled: ReadonlySet<string>): PricedEstimate {
  return filled.size ? { ...e, at: e.at.map((a) => (filled.has(a.name) ? { ...a, source: "default" as const } : a)) } : e;
}
