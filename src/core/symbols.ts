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
  /** Set when a summary brought it from another file: `line` is that file's. */
  readonly file?: string;
}

const RANK: Record<SymbolKind, number> = { count: 0, size: 1, output: 2, model: 3 };

export class SymbolTable {
  private readonly byName = new Map<string, SymbolInfo>();
  /** Every place a name was defined: functions reuse names (`|q|`, `|text|`) for their own values. */
  private readonly definitions = new Map<string, SymbolInfo[]>();
  /** The lines of the statement whose finding is being made: its own definitions rank its symbols. */
  private focus: readonly [number, number] | undefined;

  /** Registers a symbol; the first origin seen is the name's (for ranking), each is kept. */
  define(info: SymbolInfo): string {
    if (!this.byName.has(info.name)) this.byName.set(info.name, info);
    const all = this.definitions.get(info.name);
    if (!all) this.definitions.set(info.name, [info]);
    else if (!all.some((d) => d.line === info.line && d.kind === info.kind && d.origin === info.origin)) all.push(info);
    return info.name;
  }

  get(name: string): SymbolInfo | undefined {
    return this.byName.get(name);
  }

  /** The definition made within lines `from`–`to` (a finding's own statement), else the first one:
   *  a finding's own definitions are made whether the whole file or only its statement is analysed. */
  near(name: string, from: number, to: number): SymbolInfo | undefined {
    return this.definitions.get(name)?.find((d) => d.line >= from && d.line <= to) ?? this.byName.get(name);
  }

  /** Runs `make` with `near` preferring definitions within lines `from`–`to`. */
  within<T>(from: number, to: number, make: () => T): T {
    const outer = this.focus;
    this.focus = [from, to];
    try {
      return make();
    } finally {
      this.focus = outer;
    }
  }

  readonly rank = (name: string): number => RANK[(this.focus ? this.near(name, ...this.focus) : this.byName.get(name))?.kind ?? "size"];

  /** A ranking by the definitions within lines `from`–`to`, for a finding to keep. */
  rankWithin(from: number, to: number): (name: string) => number {
    return (name) => RANK[this.near(name, from, to)?.kind ?? "size"];
  }
}

export function outputSymbol(model: string | null): string {
  return model ? `out[${model}]` : "out";
}

export function modelSymbol(model: string | null): string {
  return model ? `m[${model}]` : "m";
}
