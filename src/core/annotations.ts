// `// @aalp` comments: what the author knows and the code cannot say. Applied after the analysis,
// as a pass over its findings, so the engine stays unaware of them:
//   // @aalp turns=20, |q|=300   sizes to assume for estimates (the bounds are unchanged)
//   // @aalp turns <= 20         an upper bound: the symbol becomes the constant, Θ becomes O
//   // @aalp ignore              silences the site on this line or the next
// Bounds and assumptions hold for the whole file. A bound written on a data-dependent loop's line
// (or the line above) also bounds that loop, whatever its generated name (`T[evolve]`).
import { Bound } from "./algebra/bound";
import { Poly } from "./algebra/poly";
import { nameTable } from "./nameTables";
import { renameCounts, type Finding, type LoopSummary } from "./model";
import { renderLines } from "./lineRefs";
import type * as ts from "typescript";
import type { TS } from "./binder/scopes";

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

/** The comments of a file, from its syntax tree: text in strings, templates or regexes is never one. */
export function commentRanges(tsm: TS, sourceFile: ts.SourceFile): ts.CommentRange[] {
  const text = sourceFile.text;
  const seen = new Map<number, ts.CommentRange>();
  const at = (pos: number): void => {
    for (const c of tsm.getLeadingCommentRanges(text, pos) ?? []) seen.set(c.pos, c);
    for (const c of tsm.getTrailingCommentRanges(text, pos) ?? []) seen.set(c.pos, c);
  };
  // Every run of trivia starts where a node or a list of nodes starts or ends (or at the file's start).
  const stack: (ts.Node | ts.NodeArray<ts.Node>)[] = [sourceFile];
  at(0);
  while (stack.length) {
    const n = stack.pop()!;
    at(n.pos);
    at(n.end);
    if (!("kind" in n)) {
      stack.push(...n);
      continue;
    }
    tsm.forEachChild(
      n,
      (child) => void stack.push(child),
      (list) => void stack.push(list),
    );
  }
  return [...seen.values()].sort((a, b) => a.pos - b.pos);
}

/** Longer annotation items are cut in messages. */
const SHOWN = 80;
const shown = (s: string): string => (s.length > SHOWN ? `${s.slice(0, SHOWN)}…` : s);
const HOW = "write `name=value`, `name <= value` or `ignore`";
const NUMBER = /^\d+(?:\.\d+)?$/;

/** One `name=value` or `name <= value` item, or why it cannot be read. */
function readItem(item: string): { name: string; op: "=" | "<="; value: number } | string {
  let i = 0;
  let name: string;
  if (item[0] === "|") {
    const close = item.indexOf("|", 1);
    if (close < 2) return `cannot read '${shown(item)}': ${HOW}`;
    name = item.slice(0, close + 1);
    i = close + 1;
  } else {
    while (i < item.length && /[\w$]/.test(item[i]!)) i++;
    if (item[i] === "[" && item.indexOf("]", i) > i) i = item.indexOf("]", i) + 1;
    name = item.slice(0, i);
    if (!/^[A-Za-z_$][\w$]*(?:\[[^\]]*\])?$/.test(name)) return `cannot read '${shown(item)}': ${HOW}`;
  }
  const rest = item.slice(i).trimStart();
  const op = rest.startsWith("<=") ? "<=" : rest.startsWith("≤") ? "≤" : rest.startsWith("=") ? "=" : undefined;
  if (!op) return `cannot read '${shown(item)}': ${HOW}`;
  const valueText = rest.slice(op.length).trim();
  if (!NUMBER.test(valueText)) return `'${shown(item)}': '${shown(valueText)}' is not a number (digits, with an optional decimal part)`;
  const value = Number(valueText);
  if (!Number.isFinite(value) || value > Number.MAX_SAFE_INTEGER) return `'${shown(item)}': ${shown(valueText)} is too large`;
  return { name, op: op === "=" ? "=" : "<=", value };
}

/**
 * The items of an annotation's body: separated by commas, or by spaces before a name that has its
 * own `=`, `<=` or `≤` (`n ≤ 5 k=2`). Split by hand: the body is the repository's text.
 */
function itemsOf(body: string): string[] {
  const items: string[] = [];
  for (const chunk of body.split(",")) {
    const words = chunk.trim().split(/\s+/).filter((w) => w.length > 0);
    let current: string[] = [];
    const opIn = (w: string): boolean => w.includes("=") || w.includes("≤");
    const complete = (): boolean => current.some(opIn) && !/(?:=|≤)$/.test(current[current.length - 1]!);
    for (const w of words) {
      // A new item starts at a word after a complete one, unless the word continues it (`= 5`, `<= 5`).
      if (current.length && complete() && !/^(?:=|<=|≤)/.test(w)) items.push(current.join(" ")), (current = []);
      current.push(w);
    }
    if (current.length) items.push(current.join(" "));
  }
  return items;
}

/**
 * A file's `@aalp` annotations and the problems with them (for the CLI's warnings and the editor's
 * diagnostics). Only real comments count: `"see // @aalp ignore"` in a string is not one. `source`
 * is the file's syntax tree, or its text (parsed here).
 */
export function parseAnnotations(tsm: TS, source: ts.SourceFile | string): Annotations {
  const assumptions: Assumption[] = [];
  const bounds: UpperBound[] = [];
  const ignores: number[] = [];
  const problems: AnnotationProblem[] = [];
  const text = typeof source === "string" ? source : source.text;
  if (!text.includes("@aalp")) return { assumptions, bounds, ignores, problems };
  const sourceFile = typeof source === "string" ? tsm.createSourceFile("annotations.tsx", source, tsm.ScriptTarget.Latest, true) : source;
  for (const c of commentRanges(tsm, sourceFile)) {
    const comment = text.slice(c.pos, c.end);
    if (!comment.includes("@aalp")) continue;
    const firstLine = sourceFile.getLineAndCharacterOfPosition(c.pos).line + 1;
    const block = c.kind === tsm.SyntaxKind.MultiLineCommentTrivia;
    const lines = (block ? comment.slice(2, comment.endsWith("*/") ? -2 : undefined) : comment.slice(2)).split(/\r\n|\r|\n|\u2028|\u2029/);
    lines.forEach((raw, k) => {
      // `@aalp` opens the comment or, in a block comment, one of its lines (after any `*`).
      let at = 0;
      while (at < raw.length && (raw[at] === " " || raw[at] === "\t" || raw[at] === "*" || (!block && raw[at] === "/"))) at++;
      if (!raw.startsWith("@aalp", at) || /[\w$]/.test(raw[at + 5] ?? "")) return;
      const line = firstLine + k;
      const body = raw.slice(at + 5).trim();
      if (/^ignore(?![\w$])/.test(body)) {
        ignores.push(line);
        return;
      }
      const items = itemsOf(body);
      if (items.length === 0) problems.push({ line, message: `empty @aalp annotation: ${HOW}` });
      for (const item of items) {
        const read = readItem(item);
        if (typeof read === "string") problems.push({ line, message: read });
        else if (read.op === "=") assumptions.push({ line, name: read.name, value: read.value });
        else bounds.push({ line, name: read.name, max: read.value });
      }
    });
  }
  return { assumptions, bounds, ignores, problems };
}

/** `q` and `|q|` name the same size, as in `estimate`. */
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
    ...(f.counts ? { counts: renameCounts(f.counts, (p) => p.subst(symbol, Poly.constant(b.max))) } : {}),
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
