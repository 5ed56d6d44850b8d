// The symbols a bound is written in, and where each came from, so a reader finds them in the code
// (Infer's `[{sa.length}, Loop]` traces).

export type SymbolKind =
  /** How many times a loop runs: `turns`, `|questions|`, `T12` (data-dependent). */
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
}

const RANK: Record<SymbolKind, number> = { count: 0, size: 1, output: 2, model: 3 };

export class SymbolTable {
  private readonly byName = new Map<string, SymbolInfo>();

  /** Registers a symbol; the first origin seen is kept. */
  define(info: SymbolInfo): string {
    if (!this.byName.has(info.name)) this.byName.set(info.name, info);
    return info.name;
  }

  get(name: string): SymbolInfo | undefined {
    return this.byName.get(name);
  }

  readonly rank = (name: string): number => RANK[this.byName.get(name)?.kind ?? "size"];
}

export function outputSymbol(model: string | null): string {
  return model ? `out[${model}]` : "out";
}

export function modelSymbol(model: string | null): string {
  return model ? `m[${model}]` : "m";
}
