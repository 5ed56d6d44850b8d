// The results the engine hands to every front end (CLI, extension, tsserver plugin).
import type { Bound } from "./algebra/bound";
import type { Poly } from "./algebra/poly";
import type { LoopKind } from "./analysis/loops";
import type { Growth } from "./analysis/sizeValues";
import type { SdkEntry } from "./catalog/sdks";
import type { SymbolInfo } from "./symbols";

export interface LoopSummary {
  readonly line: number;
  readonly kind: LoopKind;
  readonly tripCount: string;
  readonly dataDependent: boolean;
  readonly exact: boolean;
  readonly parallel: boolean;
}

/** The bounds of one call site over the loops around it (and per execution of the call). */
export interface CostBounds {
  readonly calls: Bound;
  readonly inputTokens: Bound;
  readonly inputPerCall: Bound;
  readonly outputTokens: Bound;
  readonly outputPerCall: Bound;
  readonly generationCost: Bound;
  readonly span: Bound;
  readonly growth: Growth;
  /**
   * Exact counts with their coefficients (`12·|q| + 6·|q|²`, sums over loop indices worked out),
   * where the class above keeps only the dominant terms: what an estimate evaluates. Exact when the
   * bound is Θ; for an O bound, a count that is never below the run's.
   */
  readonly counts?: Counts;
  /** What the analysis found, as records for the advice layer (not prose to parse). */
  readonly facts?: readonly Fact[];
}

/**
 * A value the prompt holds grows on every iteration of loops around the call: `symbol` (the
 * variable, `messages`, `this.history`) is written at `line` inside the loops at `loops`
 * (1-based lines, outermost first). `loops` is empty when it grows across calls instead: a field
 * across calls of its class's methods, a variable across calls of a closure declared in its scope.
 */
export interface GrowthFact {
  readonly kind: "grows";
  readonly symbol: string;
  readonly line: number;
  readonly loops: readonly number[];
  /** Set when `line` and `loops` are another module's lines (a field its class's methods grow, called from here). */
  readonly file?: string;
}

export type Fact = GrowthFact;

export interface Counts {
  readonly calls: Poly;
  readonly input: Poly;
  readonly output: Poly;
  /**
   * The generation cost summed over the requests: Σ m·(out·in + out(out−1)/2), the j-th generated
   * token reading in + j tokens (paper, eq. 5), in the model size's symbol `m[model]`.
   */
  readonly generation: Poly;
  /**
   * A window still filling over the site's `trip` executions: `input` counts the first ones as
   * they are when the loop runs at least shortfall.length − 1 times; below that, input is larger
   * by shortfall[last] − shortfall[trip] and generation by that times `perInputToken` (m·out).
   */
  readonly filling?: { readonly trip: Poly; readonly shortfall: readonly Poly[]; readonly perInputToken: Poly };
}

export type CountKey = "calls" | "input" | "output" | "generation";

/** The four counts' polynomials. */
export function countPolys(c: Counts): Poly[] {
  return [c.calls, c.input, c.output, c.generation];
}

/** Each count through `f` (a product, a substitution of sizes): a window's filling does not carry over. */
export function mapCounts(c: Counts, f: (p: Poly) => Poly): Counts {
  return { calls: f(c.calls), input: f(c.input), output: f(c.output), generation: f(c.generation) };
}

/** Each count through `f`, a renaming or a symbol's fixed value, its window's filling too. */
export function renameCounts(c: Counts, f: (p: Poly) => Poly): Counts {
  const filling = c.filling && { trip: f(c.filling.trip), shortfall: c.filling.shortfall.map(f), perInputToken: f(c.filling.perInputToken) };
  return { ...mapCounts(c, f), ...(filling ? { filling } : {}) };
}

export interface Finding extends CostBounds {
  readonly file: string;
  /** 1-based, at the start of the call expression. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** 0-based offsets of the call expression, for editors. */
  readonly start: number;
  readonly end: number;
  /** The enclosing function's name (`Class.method`, `<top level>`), for matching sites across edits. */
  readonly functionName: string;
  readonly sdk: string;
  readonly api: string;
  readonly callee: string;
  /** Set on a call of one of the user's functions that makes LLM calls: that function's name. Its
   *  own SDK calls are findings too, so totals must not add the two. */
  readonly through?: string;
  /** Where that function is declared (its file and 1-based line), when in another module. */
  readonly throughAt?: { readonly file: string; readonly line: number };
  /** For such a call: the calls (file and 1-based line) its requests are sent from, through the function and its callees; `""` is this finding's file. */
  readonly reaches?: readonly { readonly file: string; readonly line: number }[];
  /**
   * An SDK call through a project interface's method: `key` names it (the interface's file and
   * name, the method); `forwards` marks an implementation of that method handing the request on to
   * another instance of the interface, whose request a call through the interface already counts.
   */
  readonly viaInterface?: { readonly key: string; readonly forwards: boolean };
  readonly model: string | null;
  /** Prompt caching asked for (`cache_control`): same class, a smaller constant — it changes the
   *  dollar estimate (the re-sent prefix at the cached price), never the bound. */
  readonly promptCaching?: "explicit";
  readonly loops: readonly LoopSummary[];
  readonly explanation: readonly string[];
  /** Every symbol the bounds use, with where it came from. */
  readonly symbols: readonly SymbolInfo[];
  /** Orders factors for printing (loop counts, sizes, outputs, model sizes). */
  readonly rank: (name: string) => number;
}

export interface FileAnalysis {
  readonly file: string;
  readonly findings: readonly Finding[];
  /** The syntax tree the findings came from, for front ends that look further (advice, fixes). */
  readonly sourceFile?: import("typescript").SourceFile;
  /** Set when the file was skipped: it could not be parsed, or is too large or not text. */
  readonly skipped?: string;
}

export interface AnalysisOptions {
  /** Extra catalog entries (user wrappers and SDKs), added to the built-in table. */
  readonly catalog?: readonly SdkEntry[];
  /** Names of the user's own functions or methods that send an LLM request (all arguments are the prompt). */
  readonly wrappers?: readonly string[];
  /** Files above this many characters are skipped with a message (default 2,000,000). */
  readonly maxFileSize?: number;
  /** A file whose analysis takes longer is skipped as "analysis budget exceeded (in <function>)" (default 5000 ms). */
  readonly timeBudgetMs?: number;
  /**
   * Asked between functions (before each function the findings walk enters and each summary made):
   * true stops the analysis with AnalysisCancelled, and nothing of it is kept as the file's result.
   * The editor's worker answers it from a flag the extension host sets when a newer request supersedes this one.
   */
  readonly shouldStop?: () => boolean;
}
