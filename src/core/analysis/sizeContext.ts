// What the parts of the size analysis share: the file's binder, its loops and symbol table, the
// LLM-call classifier, and the other parts (they call each other recursively: an expression's size
// reads the writes to its variables, which accumulate the sizes of what they add).
import type * as ts from "typescript";
import { Poly } from "../algebra/poly";
import type { Constants } from "../binder/constants";
import type { LlmCall } from "../binder/provenance";
import type { Scopes, TS } from "../binder/scopes";
import type { SymbolTable } from "../symbols";
import type { Accumulation } from "./accumulation";
import type { ArgumentSizes } from "./argumentSizes";
import type { CollectionSizes } from "./collectionSizes";
import type { ExpressionSizes } from "./expressionSizes";
import type { FixedTokens } from "./fixedTokens";
import type { Loops } from "./loops";
import type { OutputSizes } from "./outputSizes";
import type { PromptFlow } from "./promptFlow";
import { ZERO, type Size } from "./sizeValues";
import type { Writes } from "./writes";
import type { WindowRuns } from "./windowRuns";

/** The file and tables the parts share, and how sizes name its source text (one instance per file). */
export class SizeContext {
  /** Declarations and functions being sized now: a value met again inside its own size stands for itself. */
  readonly inProgress = new Set<ts.Node>();

  constructor(
    readonly ts: TS,
    readonly scopes: Scopes,
    readonly constants: Constants,
    readonly loops: Loops,
    readonly symbols: SymbolTable,
    readonly llmCall: (call: ts.CallExpression) => LlmCall | undefined,
    readonly modelName: (call: LlmCall) => string | null,
    /** `this.history.get()`: the field whose own collection the method returns (see FileAnalyzer.heldCollection). */
    readonly heldCollection: (call: ts.CallExpression) => ts.PropertyAccessExpression | undefined = () => undefined,
    /** `curated(history)` of another module's function that returns a copy of its parameter (or, `built`, converts its elements): the argument (see FileAnalyzer.copiedArgument). */
    readonly copiedArgument: (call: ts.CallExpression) => { readonly arg: ts.Expression; readonly built: boolean } | undefined = () => undefined,
  ) {}

  line(n: ts.Node): number {
    return this.scopes.sourceFile.getLineAndCharacterOfPosition(n.getStart(this.scopes.sourceFile)).line + 1;
  }

  text(n: ts.Node): string {
    const s = n.getText(this.scopes.sourceFile).replace(/\s+/g, " ");
    return s.length > 50 ? `${s.slice(0, 47)}…` : s;
  }

  sizeSymbol(name: string, at: ts.Node, origin: string): Size {
    const sym = this.symbols.define({ name: `|${name}|`, kind: "size", line: this.line(at), origin });
    return { ...ZERO, poly: Poly.symbol(sym) };
  }
}

export interface SizeParts {
  readonly expressions: ExpressionSizes;
  readonly fixed: FixedTokens;
  readonly collections: CollectionSizes;
  readonly writes: Writes;
  readonly flow: PromptFlow;
  readonly accumulation: Accumulation;
  readonly outputs: OutputSizes;
  readonly arguments: ArgumentSizes;
  readonly windows: WindowRuns;
}

/** A part of the size analysis: the shared context and the other parts. */
export abstract class SizePart {
  protected readonly ts: TS;
  protected readonly scopes: Scopes;
  protected readonly constants: Constants;
  protected readonly loops: Loops;
  protected readonly symbols: SymbolTable;
  protected readonly llmCall: (call: ts.CallExpression) => LlmCall | undefined;
  protected readonly modelName: (call: LlmCall) => string | null;
  protected readonly inProgress: Set<ts.Node>;

  constructor(protected readonly ctx: SizeContext, protected readonly parts: SizeParts) {
    this.ts = ctx.ts;
    this.scopes = ctx.scopes;
    this.constants = ctx.constants;
    this.loops = ctx.loops;
    this.symbols = ctx.symbols;
    this.llmCall = ctx.llmCall;
    this.modelName = ctx.modelName;
    this.inProgress = ctx.inProgress;
  }
}
