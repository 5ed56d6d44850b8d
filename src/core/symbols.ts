// The symbols a bound is written in, and where each came from, so a reader finds them in the code
// (Infer's `[{sa.length}, Loop]` traces).
import { CHARACTERS_PER_TOKEN } from "./tokens";

export type SymbolKind =
  /** How many times a loop runs: `turns`, `|questions|`, `T[agent]` (data-dependent). */
  | "count"
  /** The size in tokens of a value: `|q|`, `|program|`, `|tickets[]|`. */
  | "size"
  /** The output length of a model without an output cap: `out[gpt-4o]`. */
  | "output"
  /** The size factor of a model (paper, Def. 2.2): `m[gpt-4o]`. */
  | "model";

export interface SymbolInfo {
  readonly name: string;
  readonly kind: SymbolKind;
  /** 1-based line of the code it was named after. */
  readonly line: number;
  /** The code it was named after, or why it exists. */
  readonly origin: string;
  /** A loop whose exit only data decides: no bound can be given in the code's own terms. */
  readonly unbounded?: boolean;
  /** Set when a summary brought it from another file: `line` is that file's. */
  readonly file?: string;
  /** The value the code or the SDK states (`maxRounds = 8`, `maxSteps: 5`, run()'s 10 turns):
   *  what an estimate uses unless an assumption says otherwise. */
  readonly value?: number;
  /** `value` is the SDK's default, which options handed in and not read here may replace (`invoke(x, config)`): an estimate takes it as a default, not as what the code states. */
  readonly defaultOnly?: true;
  /** The leaves of a halving recursion over `from` (a size in tokens) down to pieces of at most
   *  `characters`: 1 when it fits, else 2^⌈log₂(from·CHARACTERS_PER_TOKEN / characters)⌉. */
  readonly leavesOf?: { readonly from: string; readonly characters: number };
}

/** How many leaves a halving recursion over `tokens` has when it stops at `characters`. */
export function halvingLeaves(tokens: number, characters: number): number {
  const ratio = (tokens * CHARACTERS_PER_TOKEN) / characters;
  return ratio <= 1 ? 1 : 2 ** Math.ceil(Math.log2(ratio));
}

const RANK: Record<SymbolKind, number> = { count: 0, size: 1, output: 2, model: 3 };

/** The definitions something made (see `SymbolTable.record`): its own, and those a summary offered. */
export interface Defined {
  readonly own: ReadonlyMap<string, SymbolInfo>;
  readonly offered: ReadonlyMap<string, SymbolInfo>;
}

export class SymbolTable {
  /** The first definition of each name: functions reuse names (`|q|`, `|text|`) for their own values. */
  private readonly byName = new Map<string, SymbolInfo>();
  /** The recordings under way (see `record`), innermost last. */
  private readonly recordings: { own: Map<string, SymbolInfo>; offered: Map<string, SymbolInfo>; sealed: boolean }[] = [];

  /** Registers a symbol, for the recordings under way too. */
  define(info: SymbolInfo): string {
    if (!this.byName.has(info.name)) this.byName.set(info.name, info);
    this.reach((r) => {
      if (!r.own.has(info.name)) r.own.set(info.name, info);
    });
    return info.name;
  }

  /** Visits the recordings a definition reaches: the innermost, outward to the first sealed one. */
  private reach(visit: (r: SymbolTable["recordings"][number]) => void): void {
    for (let i = this.recordings.length - 1; i >= 0; i--) {
      const r = this.recordings[i]!;
      visit(r);
      if (r.sealed) return;
    }
  }

  /**
   * A summary's symbols, for the call that applies it. They are the call's unless it defines the
   * name itself: `ask(q)` in a loop over `q` substitutes the loop's `|q|` for ask's parameter.
   */
  offer(infos: readonly SymbolInfo[]): void {
    for (const info of infos) {
      if (!this.byName.has(info.name)) this.byName.set(info.name, info);
      this.reach((r) => {
        if (!r.offered.has(info.name)) r.offered.set(info.name, info);
      });
    }
  }

  /**
   * Runs `make` (a finding's bounds, a summary, a cached loop) and returns with it the first
   * definition of each name it made, and of each a summary offered it: the definitions a
   * finding's symbols stand for, whichever statements were analysed before it and in what order.
   * What a `sealed` recording (a summary) makes reaches the recordings around it only as it is
   * offered, as when the summary was made earlier and is read from the cache.
   */
  record<T>(make: () => T, sealed = false): { value: T; defined: Defined } {
    const defined = { own: new Map<string, SymbolInfo>(), offered: new Map<string, SymbolInfo>(), sealed };
    this.recordings.push(defined);
    try {
      return { value: make(), defined };
    } finally {
      this.recordings.pop();
    }
  }

  /** `make(key)` once per key; each later read repeats its definitions, for the reader (see `record`). */
  memo<K, T>(cache: Map<K, { readonly value: T; readonly defined: Defined }>, key: K, make: (key: K) => T): T {
    const hit = cache.get(key);
    if (hit) {
      this.repeat(hit.defined);
      return hit.value;
    }
    const made = this.record(() => make(key));
    cache.set(key, made);
    return made.value;
  }

  /** A cached result's definitions, made again for whoever reads it (see `record`). */
  repeat(defined: Defined): void {
    for (const d of defined.own.values()) this.define(d);
    this.offer([...defined.offered.values()]);
  }

  /** What each name stands for in something `record` made: its own definition, else one offered, else the first one. */
  definitionIn(defined: Defined): (name: string) => SymbolInfo | undefined {
    return (name) => defined.own.get(name) ?? defined.offered.get(name) ?? this.byName.get(name);
  }

  /** Orders factors while bounds are made: by the definitions the innermost recording has. */
  readonly rank = (name: string): number => {
    const r = this.recordings[this.recordings.length - 1];
    return RANK[(r?.own.get(name) ?? r?.offered.get(name) ?? this.byName.get(name))?.kind ?? "size"];
  };
}

/** Orders a finding's factors by the kinds of the definitions it took. */
export function rankBy(definition: (name: string) => SymbolInfo | undefined): (name: string) => number {
  return (name) => RANK[definition(name)?.kind ?? "size"];
}

export function outputSymbol(model: string | null): string {
  return model ? `out[${model}]` : "out";
}

export function modelSymbol(model: string | null): string {
  return model ? `m[${model}]` : "m";
}
