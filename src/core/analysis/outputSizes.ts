// Output tokens of one execution of an LLM call: its max-token cap, a wrapper's summarised result,
// the size of what it rewrites whole, or the model's output symbol when nothing bounds it.
import type * as ts from "typescript";
import { Poly } from "../algebra/poly";
import { lineRef } from "../lineRefs";
import { outputSymbol, type Defined } from "../symbols";
import { SizePart } from "./sizeContext";
import { constant, ZERO, type Size } from "./sizeValues";
import { substitute } from "./summary";

export class OutputSizes extends SizePart {
  private readonly outputMemo = new Map<ts.CallExpression, { readonly value: Size; readonly defined: Defined }>();

  /** Output tokens of one execution of an LLM call. */
  outputOf(call: ts.CallExpression): Size {
    return this.symbols.memo(this.outputMemo, call, (c) => this.outputOnce(c));
  }

  private outputOnce(call: ts.CallExpression): Size {
    const llm = this.llmCall(call)!;
    let out: Size;
    const cap = llm.maxTokens ? this.constants.number(llm.maxTokens) : undefined;
    const rewritten = this.parts.flow.rewriteTarget(call);
    if (llm.summary && !rewritten) {
      // A wrapper returns one answer: its summary's result, in the sizes of this call's arguments.
      out = { ...ZERO, poly: substitute(llm.summary.result, this.parts.arguments.argumentValues(llm, llm.summary)), tight: llm.summary.tight, fromOutput: true };
    } else if (cap !== undefined) {
      out = { ...constant(cap), fromOutput: true, notes: [`output of line ${lineRef(this.ctx.line(call))} is capped at ${cap} tokens: Θ(1)`] };
    } else if (rewritten) {
      // While the base is sized, the answer assigned back stands for itself.
      this.outputMemo.set(call, { value: { ...this.ctx.sizeSymbol(rewritten.name, rewritten.decl, `the size of ${rewritten.name}`), fromOutput: true }, defined: { own: new Map(), offered: new Map() } });
      const base = this.parts.expressions.declarationBaseSize(rewritten.decl, rewritten.name, call);
      out = { ...base, growth: "none", fromOutput: true, fromRewrite: true, notes: [`line ${lineRef(this.ctx.line(call))} rewrites ${rewritten.name} whole (its answer is assigned back to ${rewritten.name}), so its output is Θ(|${rewritten.name}|)`] };
    } else if (llm.maxTokens) {
      out = { ...this.parts.expressions.sizeOf(llm.maxTokens, call), fromOutput: true };
    } else {
      const model = this.modelName(llm);
      const sym = this.symbols.define({ name: outputSymbol(model), kind: "output", line: this.ctx.line(call), origin: `output length of ${model ?? "the model"} with no output cap` });
      out = { ...ZERO, poly: Poly.symbol(sym), fromOutput: true, notes: [`output of line ${lineRef(this.ctx.line(call))} has no max-token cap: ${sym}`] };
    }
    return out;
  }
}
