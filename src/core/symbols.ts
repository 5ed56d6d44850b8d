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
  /** The finding being made: its statement's lines, and the definitions its bounds made or repeated. */
  private focus: { readonly from: number; readonly to: number; readonly used: Map<string, SymbolInfo> } | undefined;

  /** Registers a symbol; the first origin seen is the name's (for ranking), each is kept. */
  define(info: SymbolInfo): string {
    if (!this.byName.has(info.name)) this.byName.set(info.name, info);
    const all = this.definitions.get(info.name);
    if (!all) this.definitions.set(info.name, [info]);
    else if (!all.some((d) => d.line === info.line && d.kind === info.kind && d.origin === info.origin && d.file === info.file)) all.push(info);
    if (this.focus && !this.focus.used.has(info.name)) this.focus.used.set(info.name, info);
    return info.name;
  }

  /**
   * Runs `make` (a finding's bounds, for the statement on lines `from`–`to`) and says which
   * definition each name it uses stands for: the statement's own, else the first one its bounds
   * made or repeated (a summary repeats its symbols), else the first one made. None depends on
   * which other statements were analysed, or in what order.
   */
  within<T>(from: number, to: number, make: () => T): { value: T; definition: (name: string) => SymbolInfo | undefined } {
    const outer = this.focus;
    const focus = { from, to, used: new Map<string, SymbolInfo>() };
    this.focus = focus;
    try {
      return { value: make(), definition: (name) => this.pick(name, focus) };
    } finally {
      this.focus = outer;
    }
  }

  private pick(name: string, focus: NonNullable<SymbolTable["focus"]>): SymbolInfo | undefined {
    // Another file's lines say nothing about this statement.
    return this.definitions.get(name)?.find((d) => !d.file && d.line >= focus.from && d.line <= focus.to) ?? focus.used.get(name) ?? this.byName.get(name);
  }

  readonly rank = (name: string): number => RANK[(this.focus ? this.pick(name, this.focus) : this.byName.get(name))?.kind ?? "size"];
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
