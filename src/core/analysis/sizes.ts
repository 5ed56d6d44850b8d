// Sizes in tokens of the values that reach a call's prompt, and how they grow. The size of a value
// at a call site is an upper bound over all executions of that site. The work is split by question:
// expressionSizes (an expression's size), fixedTokens (values fixed in the code), collectionSizes
// (elements, slices, counts), writes (what the code writes to a variable), promptFlow (what reaches a
// prompt, where answers go), accumulation (growth across iterations, windows, compounding),
// outputSizes (an answer's size) and argumentSizes (a wrapper's parameters at a call). This class
// wires them together (they call each other recursively) and is what the analysis uses.
import type * as ts from "typescript";
import type { Poly } from "../algebra/poly";
import type { Constants } from "../binder/constants";
import type { LlmCall } from "../binder/provenance";
import type { Scopes, TS } from "../binder/scopes";
import type { SymbolTable } from "../symbols";
import { Accumulation } from "./accumulation";
import { ArgumentSizes } from "./argumentSizes";
import { CollectionSizes } from "./collectionSizes";
import { ExpressionSizes } from "./expressionSizes";
import { FixedTokens } from "./fixedTokens";
import type { Loops } from "./loops";
import { OutputSizes } from "./outputSizes";
import { PromptFlow } from "./promptFlow";
import { SizeContext, type SizeParts } from "./sizeContext";
import type { Size } from "./sizeValues";
import type { Summary } from "./summary";
import { WindowRuns } from "./windowRuns";
import { Writes, type Write } from "./writes";

export class Sizes implements SizeParts {
  readonly expressions: ExpressionSizes;
  readonly fixed: FixedTokens;
  readonly collections: CollectionSizes;
  readonly writes: Writes;
  readonly flow: PromptFlow;
  readonly accumulation: Accumulation;
  readonly outputs: OutputSizes;
  readonly arguments: ArgumentSizes;
  readonly windows: WindowRuns;

  constructor(
    ts: TS,
    scopes: Scopes,
    constants: Constants,
    loops: Loops,
    symbols: SymbolTable,
    llmCall: (call: ts.CallExpression) => LlmCall | undefined,
    modelName: (call: LlmCall) => string | null,
    heldCollection?: (call: ts.CallExpression) => ts.PropertyAccessExpression | undefined,
    copiedArgument?: (call: ts.CallExpression) => { readonly arg: ts.Expression; readonly built: boolean } | undefined,
  ) {
    const ctx = new SizeContext(ts, scopes, constants, loops, symbols, llmCall, modelName, heldCollection, copiedArgument);
    this.expressions = new ExpressionSizes(ctx, this);
    this.fixed = new FixedTokens(ctx, this);
    this.collections = new CollectionSizes(ctx, this);
    this.writes = new Writes(ctx, this);
    this.flow = new PromptFlow(ctx, this);
    this.accumulation = new Accumulation(ctx, this);
    this.outputs = new OutputSizes(ctx, this);
    this.arguments = new ArgumentSizes(ctx, this);
    this.windows = new WindowRuns(ctx, this);
  }

  /** The size of `expr` at the LLM call `site` (an upper bound over the site's executions). */
  sizeOf(expr: ts.Expression, site: ts.Node): Size {
    return this.expressions.sizeOf(expr, site);
  }

  /** The size of one element of a collection. */
  elementSize(recv: ts.Expression, site: ts.Node): Size {
    return this.collections.elementSize(recv, site);
  }

  isArrayType(type: ts.TypeNode): boolean {
    return this.collections.isArrayType(type);
  }

  /** Output tokens of one execution of an LLM call. */
  outputOf(call: ts.CallExpression): Size {
    return this.outputs.outputOf(call);
  }

  argumentValues(llm: LlmCall, summary: Summary, pick?: (s: Size) => Poly): Map<string, Poly> {
    return this.arguments.argumentValues(llm, summary, pick);
  }

  startKnown(llm: LlmCall, summary: Summary): boolean {
    return this.arguments.startKnown(llm, summary);
  }

  meanGrowthByEarlierCalls(llm: LlmCall, summary: Summary, values: ReadonlyMap<string, Poly>): Map<string, Poly> {
    return this.arguments.meanGrowthByEarlierCalls(llm, summary, values);
  }

  growthPerInvocation(param: ts.ParameterDeclaration, name: string, fn: ts.Node): { count: Poly; size: Poly } | undefined {
    return this.arguments.growthPerInvocation(param, name, fn);
  }

  /** Declarations whose values reach a call's prompt. */
  promptSources(call: ts.CallExpression): Set<ts.Node> {
    return this.flow.promptSources(call);
  }

  /** Every write to a variable, classified. */
  writesOf(decl: ts.Node, name: string): Write[] {
    return this.writes.writesOf(decl, name);
  }
}
