// The bounds of one LLM call site: calls, input, output, generation cost and span over the loop
// nest around it, with the derivation a reader can follow line by line.
import type * as ts from "typescript";
import { Bound, formatBound } from "../algebra/bound";
import { Poly } from "../algebra/poly";
import type { LlmCall } from "../binder/provenance";
import type { Scopes, TS } from "../binder/scopes";
import { modelSymbol, type SymbolTable } from "../symbols";
import type { LoopInfo, Loops } from "./loops";
import { strongerGrowth, type Growth, type Sizes } from "./sizes";

export interface SiteBounds {
  readonly calls: Bound;
  readonly inputTokens: Bound;
  readonly inputPerCall: Bound;
  readonly outputTokens: Bound;
  readonly outputPerCall: Bound;
  readonly generationCost: Bound;
  readonly span: Bound;
  readonly growth: Growth;
  readonly loops: readonly LoopInfo[];
  readonly conditional: boolean;
  readonly explanation: readonly string[];
}

export class CallSites {
  constructor(
    private readonly ts: TS,
    private readonly scopes: Scopes,
    private readonly loops: Loops,
    private readonly sizes: Sizes,
    private readonly symbols: SymbolTable,
  ) {}

  private line(n: ts.Node): number {
    return this.scopes.sourceFile.getLineAndCharacterOfPosition(n.getStart(this.scopes.sourceFile)).line + 1;
  }

  bounds(llm: LlmCall, model: string | null): SiteBounds {
    const call = llm.node;
    const loops = this.loops.around(call);
    const conditional = this.isConditional(call, loops);
    const callsTight = !conditional && loops.every((l) => l.exact);
    const calls = Poly.product(loops.map((l) => l.trip));
    const awaitedInLoop = !this.isCollectedPromise(call);
    const span = Poly.product(loops.map((l) => (l.parallel || !awaitedInLoop ? Poly.one : l.trip)));

    const prompt = llm.prompt.map((p) => this.sizes.sizeOf(p, call));
    const perCall = Poly.sum(prompt.map((p) => p.poly));
    const perCallTight = prompt.every((p) => p.tight);
    const growth = prompt.reduce<Growth>((g, p) => strongerGrowth(g, p.growth), "none");
    const out = this.sizes.outputOf(call);

    const m = Poly.symbol(this.symbols.define({ name: modelSymbol(model), kind: "model", line: this.line(call), origin: `the size of ${model ?? "the model"} (paper, Def. 2.2: a forward pass costs m per token)` }));
    const input = calls.mul(perCall);
    const outputTotal = calls.mul(out.poly);
    // Σ over calls of m·(in·out + out²) (paper, Def. 2.2 applied to each generated token).
    const generation = m.mul(calls).mul(perCall.mul(out.poly).add(out.poly.mul(out.poly)));

    const explanation: string[] = [];
    for (const l of [...loops].reverse()) {
      const trips = l.dataDependent ? `${l.tripText} iterations, unbounded` : `${l.exact ? "" : "at most "}${l.tripText} iterations`;
      explanation.push(`line ${l.line}: ${l.why} → ${trips}${l.parallel ? ", in parallel" : ""}`);
    }
    if (conditional) explanation.push(`the call runs only on some iterations (a condition or continue guards it): upper bounds`);
    const notes = new Set(prompt.flatMap((p) => p.notes).concat(out.notes));
    explanation.push(...notes);
    const rank2 = this.symbols.rank;
    explanation.push(`input per call ${formatBound(Bound.of(perCall, perCallTight), rank2)}; over ${formatBound(Bound.of(calls, callsTight), rank2)} calls: ${formatBound(Bound.of(input, callsTight && perCallTight), rank2)}`);
    explanation.push(`generation Σ m·(in·out + out²) with out = ${formatBound(Bound.of(out.poly, out.tight), rank2)}: ${formatBound(Bound.of(generation, callsTight && perCallTight && out.tight), rank2)}`);

    return {
      calls: Bound.of(calls, callsTight),
      inputTokens: Bound.of(input, callsTight && perCallTight),
      inputPerCall: Bound.of(perCall, perCallTight),
      outputTokens: Bound.of(outputTotal, callsTight && out.tight),
      outputPerCall: Bound.of(out.poly, out.tight),
      generationCost: Bound.of(generation, callsTight && perCallTight && out.tight),
      span: Bound.of(span, callsTight),
      growth,
      loops,
      conditional,
      explanation,
    };
  }

  /** Whether the call runs on only some paths: under if/?:/&&/||/case/catch or after a `continue`. */
  private isConditional(call: ts.Node, loops: readonly LoopInfo[]): boolean {
    const t = this.ts;
    const boundary = this.loops.enclosingFunction(call);
    for (let n: ts.Node = call; n.parent && n !== boundary; n = n.parent) {
      const p = n.parent;
      if (t.isIfStatement(p) && p.expression !== n) return true;
      if (t.isConditionalExpression(p) && p.condition !== n) return true;
      if (t.isCaseClause(p) || t.isDefaultClause(p) || t.isCatchClause(p)) return true;
      if (t.isBinaryExpression(p) && p.right === n && [t.SyntaxKind.AmpersandAmpersandToken, t.SyntaxKind.BarBarToken, t.SyntaxKind.QuestionQuestionToken].includes(p.operatorToken.kind)) return true;
    }
    return loops.some((l) => t.isIterationStatement(l.node, false) && this.hasContinueBefore((l.node as ts.IterationStatement).statement, call.pos));
  }

  private hasContinueBefore(body: ts.Node, pos: number): boolean {
    const t = this.ts;
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found || t.isFunctionLike(n) || t.isIterationStatement(n, false)) return;
      if (t.isContinueStatement(n) && n.pos < pos) found = true;
      t.forEachChild(n, visit);
    };
    t.forEachChild(body, visit);
    return found;
  }

  /** `tasks.push(llm(x))` or `[llm(a), llm(b)]`: the promise is gathered, not awaited in the loop. */
  private isCollectedPromise(call: ts.CallExpression): boolean {
    const t = this.ts;
    const p = call.parent;
    if (t.isArrayLiteralExpression(p)) return true;
    return t.isCallExpression(p) && t.isPropertyAccessExpression(p.expression) && p.expression.name.text === "push" && p.arguments.includes(call);
  }
}
