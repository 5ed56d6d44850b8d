// Run independent iterations concurrently: all at once, or at most K at a time. The loop becomes an
// eager `.map` under `Promise.all` (so the engine still counts one call per element), whose body
// waits for a slot when there is a limit; pushes into an outer collector go to a per-item array,
// appended afterwards in the original order.
import type * as ts from "typescript";
import { formatPoly } from "../../algebra/bound";
import { formatDollars } from "../../pricing/dollars";
import { independentLoop } from "../rules/sequentialIndependentCalls";
import { elementTypeText, freshName, hasFunction, independentIterations, indentAt, isWithin, lineStartOf } from "../source";
import type { QuickFix, TextEdit } from "../types";
import { appendHelper, dollarsOf, findingAfter, printed, reindent, type FixContext } from "./context";

const CONCURRENCY_LIMIT = `/** At most \`limit\` callers hold a slot at once; the others wait for one in arrival order. */
function concurrencyLimit(limit: number): { acquire(): Promise<void>; release(): void } {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async acquire() {
      if (active < limit) {
        active++;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    release() {
      // A waiting caller takes over the slot; otherwise it frees up.
      const next = waiting.shift();
      if (next) next();
      else active--;
    },
  };
}`;

/** Run the iterations K at a time (K the concurrency setting): span ⌈n/K⌉ rounds of one iteration's. */
export function parallelize(ctx: FixContext): QuickFix | undefined {
  const k = ctx.settings.concurrency;
  const rewrite = concurrentLoop(ctx, k);
  if (!rewrite) return undefined;
  const after = spanAfter(ctx, rewrite.loop, rewrite.edits);
  return after === undefined ? undefined : spanFix(ctx, "parallelize", `Run the iterations ${k} at a time`, rewrite, after, true);
}

/**
 * Run every iteration at once (`Promise.all` over an eager `.map`): the span is one iteration's,
 * as the re-analysis reads it (Θ(1) where an iteration makes one call, more where it makes several
 * in a row). Not preferred: n requests at once can meet the provider's rate limit.
 */
export function parallelizeAll(ctx: FixContext): QuickFix | undefined {
  const rewrite = concurrentLoop(ctx, undefined);
  const now = rewrite && findingAfter(ctx, rewrite.edits);
  return now && spanFix(ctx, "parallelize-all", "Run all iterations at once", rewrite, printed(now, (f) => f.span), false);
}

/**
 * A fix that changes the span only: the same calls with the same prompts, so it saves time, not
 * dollars, and its label keeps the span. Results keep their order; other calls in the body
 * (a callback, a log, a shared queue) then run as replies arrive, which the title says.
 */
function spanFix(ctx: FixContext, id: "parallelize" | "parallelize-all", what: string, rewrite: { loop: ts.ForStatement | ts.ForOfStatement; edits: TextEdit[] }, after: string, isPreferred: boolean): QuickFix {
  const before = printed(ctx.advice.finding, (f) => f.span);
  const dollars = dollarsOf(ctx.settings, ctx.advice.finding);
  const reordered = reorderedCalls(ctx, rewrite.loop);
  const span = `${what}: span ${before} → ${after} calls`;
  const note = reordered.length ? `; reorders ${reorderedText(reordered)}` : "";
  const cost = dollars === null ? "" : `, same ${formatDollars(dollars)} per run`;
  return { id, label: `${span}${note}`, title: `${span}${cost}${note}`, code: ctx.advice.code, edits: rewrite.edits, before, after, isPreferred };
}

// Calls that compute a value from their arguments and touch nothing else: running them in another
// order changes nothing. Matched by the called name (a method's or a function's).
const ORDER_FREE_CALLS = new Set([
  "at", "charAt", "charCodeAt", "concat", "endsWith", "entries", "every", "filter", "find", "findIndex", "flat", "flatMap",
  "includes", "indexOf", "join", "keys", "lastIndexOf", "map", "padEnd", "padStart", "reduce", "repeat", "replace",
  "replaceAll", "slice", "some", "split", "startsWith", "substring", "toFixed", "toLowerCase", "toString", "toUpperCase",
  "trim", "trimEnd", "trimStart", "values", "stringify", "parse", "String", "Number", "Boolean", "parseInt", "parseFloat",
  "min", "max", "floor", "ceil", "round", "abs", "isArray",
]);

/**
 * The calls in the loop's body whose order a concurrent rewrite changes, as written, first per name:
 * all but the LLM call (with the calls around it and in its arguments), other requests the same
 * way (independent, as the rule checked), pushes into arrays and order-free computations.
 */
function reorderedCalls(ctx: FixContext, loop: ts.ForStatement | ts.ForOfStatement): string[] {
  const t = ctx.src.ts;
  const names: string[] = [];
  const site = ctx.call.expression.getText(ctx.src.sf);
  const visit = (n: ts.Node): void => {
    if (t.isCallExpression(n) && !isWithin(ctx.call, n) && !isWithin(n, ctx.call) && n.expression.getText(ctx.src.sf) !== site) {
      const callee = n.expression;
      const name = t.isIdentifier(callee) ? callee.text : t.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (name !== "push" && !(name !== undefined && ORDER_FREE_CALLS.has(name))) {
        const full = `${t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression) ? `${callee.expression.text}.` : ""}${name ?? "a call"}`;
        // Names come from the scanned code: a long one is cut so the title stays a title.
        const text = `${full.length > 40 ? `${full.slice(0, 39)}…` : full}()`;
        if (!names.includes(text)) names.push(text);
      }
    }
    t.forEachChild(n, visit);
  };
  visit(loop.statement);
  return names;
}

function reorderedText(names: readonly string[]): string {
  return names.length > 2 ? `${names.slice(0, 2).join(", ")}, …` : names.join(" and ");
}

/**
 * The independent loop around the call rewritten as an eager `.map` under `Promise.all`, each
 * iteration waiting for one of `limit` slots when a limit is given. Pushes into an outer collector
 * go to a per-item array, appended afterwards in the original order.
 */
function concurrentLoop(ctx: FixContext, limit: number | undefined): { loop: ts.ForStatement | ts.ForOfStatement; edits: TextEdit[] } | undefined {
  const { src } = ctx;
  const t = src.ts;
  const loop = independentLoop(src, ctx.call);
  const collectors = loop && independentIterations(src, loop);
  if (!loop || !collectors || collectors.length > 1 || !t.isBlock(loop.statement)) return undefined;
  const iteration = iterationOf(ctx, loop);
  const collector = collectors[0];
  const collectorType = collector && elementTypeText(src, collector);
  if (!iteration || (collector && !collectorType)) return undefined;

  const indent = indentAt(src.text, loop.getStart(src.sf));
  const statements = loop.statement.statements;
  const first = statements[0];
  if (!first) return undefined;
  const from = lineStartOf(src.text, first.getStart(src.sf));
  const to = statements[statements.length - 1]!.end;
  const name = collector && (collector.name as ts.Identifier).text;
  const parts = name && freshName(src, `${name}Parts`);
  const around = (lines: string[]): string => lines.map((l) => `${indent}${l}\n`).join("");
  const head = `${parts ? `const ${parts} = ` : ""}await Promise.all(${iteration.items}.map(async (${iteration.params}) => {`;
  const tail = `${indent}}));` + (name ? `\n${indent}for (const part of ${parts}) ${name}.push(...part);` : "");
  let text: string;
  if (limit === undefined) {
    // The body stays one level in: the callback's instead of the loop's.
    text = `${head}\n` + around(name ? [`  const ${name}: ${collectorType}[] = [];`] : []) + `${src.text.slice(from, to)}\n` + around(name ? [`  return ${name};`] : []) + tail;
  } else {
    const slots = freshName(src, "slots");
    // The body moves two levels in (callback, try) from one level in (the loop): two more spaces.
    const body = reindent(src, from, to, "  ");
    text =
      `const ${slots} = concurrencyLimit(${limit});\n` +
      around([head, `  await ${slots}.acquire();`, `  try {`, ...(name ? [`    const ${name}: ${collectorType}[] = [];`] : [])]) +
      `${body}\n` +
      around([...(name ? [`    return ${name};`] : []), `  } finally {`, `    ${slots}.release();`, `  }`]) +
      tail;
  }
  const edits: TextEdit[] = [{ start: loop.getStart(src.sf), end: loop.end, newText: text }];
  if (limit !== undefined && !hasFunction(src, "concurrencyLimit")) edits.push(appendHelper(src.text, CONCURRENCY_LIMIT));
  return { loop, edits };
}

/**
 * The span once the loop runs K iterations at a time: ⌈n/K⌉ rounds of what one iteration waits
 * for. The engine reads the edited loop as all at once (its `.map` starts every iteration), so the
 * re-analysed span is one iteration's, and the rounds come from the loop's trip count.
 */
function spanAfter(ctx: FixContext, loop: ts.ForStatement | ts.ForOfStatement, edits: readonly TextEdit[]): string | undefined {
  const { src } = ctx;
  const now = findingAfter(ctx, edits);
  const line = src.sf.getLineAndCharacterOfPosition(loop.getStart(src.sf)).line + 1;
  const trip = ctx.advice.finding.loops.find((l) => l.line === line)?.tripCount;
  if (!now || !trip) return undefined;
  const rounds = `⌈${trip}/${ctx.settings.concurrency}⌉`;
  // Built from the bound's terms, not by reading its printed text back.
  const each = now.span;
  if (each.kind === "unknown" || each.poly.isZero()) return undefined;
  const terms = each.poly.dominant();
  if (terms.length === 1 && Object.keys(terms[0]!.factors).length === 0) return rounds;
  const inner = formatPoly(each.poly, now.rank);
  return `${each.tight ? "Θ" : "O"}(${rounds}·${terms.length > 1 ? `(${inner})` : inner})`;
}

/** What the loop iterates, as `.map` receiver and callback parameters. */
function iterationOf(ctx: FixContext, loop: ts.ForStatement | ts.ForOfStatement): { items: string; params: string } | undefined {
  const { src } = ctx;
  const t = src.ts;
  if (t.isForOfStatement(loop)) {
    const init = loop.initializer;
    if (!t.isVariableDeclarationList(init) || init.declarations.length !== 1 || init.declarations[0]!.type) return undefined;
    return { items: parenthesized(t, loop.expression, src.sf), params: init.declarations[0]!.name.getText(src.sf) };
  }
  // for (let i = 0; i < xs.length; i++) → xs.map((_, i) => …); i < n → Array.from({ length: n }, …)
  const init = loop.initializer;
  const cond = loop.condition;
  if (!init || !t.isVariableDeclarationList(init) || init.declarations.length !== 1 || !cond || !t.isBinaryExpression(cond) || cond.operatorToken.kind !== t.SyntaxKind.LessThanToken) return undefined;
  const d = init.declarations[0]!;
  if (!t.isIdentifier(d.name) || !d.initializer || d.initializer.getText(src.sf) !== "0" || !t.isIdentifier(cond.left) || cond.left.text !== d.name.text) return undefined;
  const step = loop.incrementor;
  if (!step || !/^(\+\+\w+|\w+\+\+|\w+ \+= 1)$/.test(step.getText(src.sf))) return undefined;
  const bound = cond.right;
  // An index the body never reads is no parameter: an unused one fails noUnusedParameters.
  const used = src.scopes.referencesTo(d, d.name.text).some((r) => isWithin(r, loop.statement));
  if (t.isPropertyAccessExpression(bound) && bound.name.text === "length") return { items: parenthesized(t, bound.expression, src.sf), params: used ? `_, ${d.name.text}` : "" };
  return { items: `Array.from({ length: ${bound.getText(src.sf)} }${used ? ", (_, k) => k" : ""})`, params: used ? d.name.text : "" };
}

function parenthesized(t: typeof ts, e: ts.Expression, sf: ts.SourceFile): string {
  const text = e.getText(sf);
  return t.isIdentifier(e) || t.isPropertyAccessExpression(e) || t.isCallExpression(e) || t.isElementAccessExpression(e) ? text : `(${text})`;
}
