// A finding's or a summary's marked lines (see lineRefs): rendered as digits where it leaves the
// engine, or renumbered when an edit moved the statement it belongs to. Either way the same
// rewrite runs over every place a line can be: the numbers (the call's, its loops', its symbols'),
// the texts (derivation, loop counts, origins) and the names of symbols inside the bounds.
import { Bound } from "./algebra/bound";
import type { Poly } from "./algebra/poly";
import type { Summary } from "./analysis/summary";
import { holdsLineMarks, renderLines, renumberLines } from "./lineRefs";
import { mapCounts, renameCounts, type Finding } from "./model";
import type { SymbolInfo } from "./symbols";

/** A line that has no number in the new version: the finding cannot be renumbered. */
class Unmapped extends Error {}

interface Rewrite {
  readonly text: (s: string) => string;
  /** A line of the finding's own file. */
  readonly line: (n: number) => number;
  /** A 0-based offset of the version analysed → its offset now. */
  readonly position: (offset: number) => number;
}

function rewriteFinding(f: Finding, w: Rewrite, sortSymbols: boolean): Finding {
  const renamed = new Map<string, string>();
  const name = (n: string): string => {
    if (!holdsLineMarks(n)) return n;
    let to = renamed.get(n);
    if (to === undefined) renamed.set(n, (to = w.text(n)));
    return to;
  };
  const poly = (p: Poly): Poly => (p.someSymbol(holdsLineMarks) ? p.rename(name) : p);
  const bound = (b: Bound): Bound => {
    if (b.kind === "unknown") return Bound.unknown(w.text(b.reason));
    const p = poly(b.poly);
    return p === b.poly ? b : Bound.of(p, b.tight);
  };
  // Most symbols and loops name no line in text: they keep their objects.
  const symbols = f.symbols.map((s): SymbolInfo => {
    const [to, origin, line] = [name(s.name), w.text(s.origin), s.file ? s.line : w.line(s.line)];
    return to === s.name && origin === s.origin && line === s.line ? s : { ...s, name: to, origin, line };
  });
  if (sortSymbols) {
    symbols.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  const loops = f.loops.map((l) => {
    const [line, tripCount] = [w.line(l.line), w.text(l.tripCount)];
    return line === l.line && tripCount === l.tripCount ? l : { ...l, line, tripCount };
  });
  const facts = f.facts?.map((x) => (x.file ? x : { ...x, line: w.line(x.line), loops: x.loops.map(w.line) }));
  const reaches = f.reaches?.map((r) => (r.file === "" ? { file: "", line: w.line(r.line) } : r));
  const out: Finding = {
    ...f,
    ...(facts ? { facts } : {}),
    ...(reaches ? { reaches } : {}),
    line: w.line(f.line),
    endLine: w.line(f.endLine),
    start: w.position(f.start),
    end: w.position(f.end),
    functionName: w.text(f.functionName),
    calls: bound(f.calls),
    inputTokens: bound(f.inputTokens),
    inputPerCall: bound(f.inputPerCall),
    outputTokens: bound(f.outputTokens),
    outputPerCall: bound(f.outputPerCall),
    generationCost: bound(f.generationCost),
    span: bound(f.span),
    ...(f.counts ? { counts: renameCounts(f.counts, poly) } : {}),
    loops,
    explanation: f.explanation.map((e) => w.text(e)),
    symbols,
  };
  if (renamed.size === 0) return out;
  // The symbol table ranks by the names it was given.
  const original = new Map([...renamed].map(([from, to]) => [to, from]));
  return Object.assign(out, { rank: (n: string) => f.rank(original.get(n) ?? n) });
}

/** The finding as front ends see it: lines as digits, symbols in name order. Adds the lines of its file it names to `named`. */
export function renderFinding(f: Finding, named?: Set<number>): Finding {
  if (!named) return rewriteFinding(f, { text: renderLines, line: (n) => n, position: unmoved }, true);
  const text = (s: string): string => renderLines(s, (n) => named.add(n));
  const line = (n: number): number => {
    if (n !== 0) named.add(n);
    return n;
  };
  return rewriteFinding(f, { text, line, position: unmoved }, true);
}

const unmoved = (offset: number): number => offset;

/**
 * The finding of a statement the edit moved: each offset `o` now `position(o)`, each marked line
 * `n` now `renumber(n)`. Undefined when a line it names has no new number (it lies in code the edit
 * changed).
 */
export function renumberFinding(f: Finding, position: (offset: number) => number, renumber: (line: number) => number | undefined): Finding | undefined {
  const line = (n: number): number => {
    const to = n === 0 ? 0 : renumber(n);
    if (to === undefined) throw new Unmapped();
    return to;
  };
  const text = (s: string): string => {
    const to = renumberLines(s, renumber);
    if (to === undefined) throw new Unmapped();
    return to;
  };
  try {
    return rewriteFinding(f, { text, line, position }, false);
  } catch (err) {
    if (err instanceof Unmapped) return undefined;
    throw err;
  }
}

const renderedSummaries = new WeakMap<Summary, Summary>();

/** A summary as another file sees it: lines as digits, its symbols' lines marked as its file's. */
export function renderSummary(s: Summary): Summary {
  const known = renderedSummaries.get(s);
  if (known) return known;
  const poly = (p: Poly): Poly => (p.someSymbol(holdsLineMarks) ? p.rename((n) => renderLines(n)) : p);
  const out: Summary = {
    ...s,
    params: s.params.map((p) => ({
      ...p,
      ...(p.defaultValue ? { defaultValue: { size: poly(p.defaultValue.size), count: poly(p.defaultValue.count) } } : {}),
      ...(p.grows ? { grows: { count: poly(p.grows.count), size: poly(p.grows.size) } } : {}),
    })),
    calls: poly(s.calls),
    input: poly(s.input),
    output: poly(s.output),
    result: poly(s.result),
    ...(s.chainGrowth ? { chainGrowth: poly(s.chainGrowth) } : {}),
    generation: poly(s.generation),
    span: poly(s.span),
    ...(s.counts ? { counts: mapCounts(s.counts, poly) } : {}),
    symbols: s.symbols.map((x) => ({ ...x, name: renderLines(x.name), origin: renderLines(x.origin), file: x.file ?? s.file })),
    explanation: s.explanation.map((e) => renderLines(e)),
    ...(s.unknown ? { unknown: renderLines(s.unknown) } : {}),
  };
  renderedSummaries.set(s, out);
  return out;
}
