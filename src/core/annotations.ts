// `// @aalp` comments: what the author knows and the code cannot say. Applied after the analysis,
// as a pass over its findings, so the engine stays unaware of them:
//   // @aalp turns=20, |q|=300   sizes to assume for estimates (the bounds are unchanged)
//   // @aalp turns <= 20         an upper bound: the symbol becomes the constant, Θ becomes O
//   // @aalp ignore              silences the site on this line or the next
// Bounds and assumptions hold for the whole file. A bound written on a data-dependent loop's line
// (or the line above) also bounds that loop, whatever its generated name (`T14`).
import { Bound } from "./algebra/bound";
import { Poly } from "./algebra/poly";
import { nameTable } from "./nameTables";
import type { Finding, LoopSummary } from "./model";
import { renderLines } from "./lineRefs";

export interface Assumption {
  readonly line: number;
  readonly name: string;
  readonly value: number;
}

export interface UpperBound {
  readonly line: number;
  readonly name: string;
  readonly max: number;
}

export interface AnnotationProblem {
  readonly line: number;
  readonly message: string;
}

export interface Annotations {
  readonly assumptions: readonly Assumption[];
  readonly bounds: readonly UpperBound[];
  /** 1-based lines holding `@aalp ignore`. */
  readonly ignores: readonly number[];
  readonly problems: readonly AnnotationProblem[];
}

export interface AnnotatedFindings {
  readonly findings: readonly Finding[];
  /** Sizes to assume, by name, for `estimate`. */
  readonly assumptions: Readonly<Record<string, number>>;
  /** Sites silenced by `@aalp ignore`. */
  readonly ignored: readonly Finding[];
}

// `@aalp` right after `//`, `/*` or a block comment's leading `*`; the body runs to the comment's end.
const COMMENT = /(?:\/\/|\/\*+|^\s*\*)\s*@aalp\b(.*?)(?:\*\/|$)/;
const ITEM = /^(\|[^|]+\||[A-Za-z_$][\w$]*(?:\[[^\]]*\])?)\s*(=|<=|≤)\s*(\d+(?:\.\d+)?)$/;

export function parseAnnotations(text: string): Annotations {
  const assumptions: Assumption[] = [];
  const bounds: UpperBound[] = [];
  const ignores: number[] = [];
  const problems: AnnotationProblem[] = [];
  if (!text.includes("@aalp")) return { assumptions, bounds, ignores, problems };
  text.split(/\r?\n/).forEach((source, i) => {
    const m = COMMENT.exec(source);
    if (!m) return;
    const line = i + 1;
    const body = m[1]!.trim();
    if (/^ignore\b/.test(body)) {
      ignores.push(line);
      return;
    }
    const items = body.split(/\s*,\s*|\s+(?=[^\s=<≤]+\s*(?:=|<=|≤))/).filter((s) => s.length > 0);
    if (items.length === 0) problems.push({ line, message: "empty @aalp annotation: write `name=value`, `name <= value` or `ignore`" });
    for (const item of items) {
      const parsed = ITEM.exec(item);
      if (!parsed) {
        problems.push({ line, message: `cannot read '${item}': write \`name=value\`, \`name <= value\` or \`ignore\`` });
        continue;
      }
      const [, name, op, value] = parsed;
      if (op === "=") assumptions.push({ line, name: name!, value: Number(value) });
      else bounds.push({ line, name: name!, max: Number(value) });
    }
  });
  return { assumptions, bounds, ignores, problems };
}

/** `q` and `|q|` name the same size, as in `estimate`; `T14` is written for the marked name of line 14. */
function sameSymbol(symbol: string, written: string): boolean {
  const bare = (s: string): string => renderLines(s).replace(/^\||\|$/g, "");
  return symbol === written || bare(symbol) === bare(written);
}

function isIgnored(f: Finding, ignores: readonly number[]): boolean {
  return ignores.some((l) => l === f.line || l + 1 === f.line);
}

/** The symbol a bound annotation limits in this finding, if any. */
function boundedSymbol(f: Finding, b: UpperBound): string | undefined {
  const named = f.symbols.find((s) => sameSymbol(s.name, b.name));
  if (named) return named.name;
  const loop = f.loops.find((l) => l.dataDependent && (l.line === b.line || l.line === b.line + 1));
  return loop?.tripCount;
}

function substitute(b: Bound, symbol: string, max: number): Bound {
  if (b.kind !== "poly" || b.poly.degreeIn(symbol) === 0) return b;
  // An upper bound on a factor gives an upper bound on the product: O, not Θ.
  return Bound.of(b.poly.subst(symbol, Poly.constant(max)), false);
}

function applyBound(f: Finding, b: UpperBound): Finding {
  const symbol = boundedSymbol(f, b);
  if (symbol === undefined) return f;
  const sub = (x: Bound): Bound => substitute(x, symbol, b.max);
  const loops: LoopSummary[] = f.loops.map((l) => (l.tripCount === symbol ? { ...l, tripCount: `≤ ${b.max}`, dataDependent: false, exact: false } : l));
  return {
    ...f,
    calls: sub(f.calls),
    inputTokens: sub(f.inputTokens),
    inputPerCall: sub(f.inputPerCall),
    outputTokens: sub(f.outputTokens),
    outputPerCall: sub(f.outputPerCall),
    generationCost: sub(f.generationCost),
    span: sub(f.span),
    loops,
    symbols: f.symbols.filter((s) => s.name !== symbol),
    explanation: [...f.explanation, `line ${b.line}: @aalp bounds ${symbol} ≤ ${b.max}, so the bounds above hold with ${symbol} = ${b.max} as upper bounds`],
  };
}

export function applyAnnotations(findings: readonly Finding[], annotations: Annotations): AnnotatedFindings {
  const kept: Finding[] = [];
  const ignored: Finding[] = [];
  for (const f of findings) {
    if (isIgnored(f, annotations.ignores)) ignored.push(f);
    else kept.push(annotations.bounds.reduce(applyBound, f));
  }
  const assumptions = nameTable<number>();
  for (const a of annotations.assumptions) assumptions[a.name] = a.value;
  return { findings: kept, assumptions, ignored };
}
