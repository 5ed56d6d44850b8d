// Output tokens of one execution of an LLM call: its max-token cap, a wrapper's summarised result,
// the size of what it rewrites whole, or the model's output symbol when nothing bounds it.
import type * as ts from "typescript";
import { Poly } from "../algebra/poly";
import { lineRef } from "../lineRefs";
import { outputSymbol, type Defined } from "../symbols";
import { SizePart } from "./sizeContext";
import { combine, constant, ZERO, type Size } from "./sizeValues";
import { stepSymbol, toolSymbol } from "./stepSymbols";
import { stepCap } from "./stopConditions";
import { substitute } from "./summary";

export class OutputSizes extends SizePart {
  private readonly outputMemo = new Map<ts.CallExpression, { readonly value: Size; readonly defined: Defined }>();

  /** Output tokens of one execution of an LLM call. */
  outputOf(call: ts.CallExpression): Size {
    return this.symbols.memo(this.outputMemo, call, (c) => this.outputOnce(c));
  }

  /**
   * What an AI SDK result's response messages hold (`responseMessages`, `result.response.messages`) when the call
   * has tools the SDK runs: each step's answer and the tool message with its tools' results (ai 5–7
   * `generate-text.ts`: a step's tool results join the response messages, the last step's too). One step unless
   * a step cap is given: `maxSteps: k` or a stop condition counting k steps, at most that many (stopConditions.ts);
   * a condition with no count, every step of the loop (its step count, unbounded).
   */
  responseMessagesOf(call: ts.CallExpression): Size | undefined {
    const steps = this.llmCall(call)?.steps;
    if (!steps?.spec.clientToolsAt || steps.elements || steps.stated || steps.open) return undefined;
    // Tools given to the call (`0.tools`): without them its steps are its answers alone.
    const [at, ...path] = steps.spec.clientToolsAt.split(".");
    if (!this.constants.property(call.arguments[Number(at)], path)) return undefined;
    const line = lineRef(this.ctx.line(call));
    const name = this.symbols.define({ name: toolSymbol(this.ts, this.loops, call), kind: "size", line: this.ctx.line(call), origin: `the tool results one step of the SDK's loop at line ${line} adds to the conversation` });
    const tool: Size = { ...ZERO, poly: Poly.symbol(name), notes: [] };
    const step = combine([this.outputOf(call), tool]);
    const k = steps.cap ? stepCap(this.ts, this.constants, steps.cap) : 1;
    if (k === undefined) {
      // A stop condition with no count stated here (`hasToolCall("done")`, one handed in): as many steps as the loop makes.
      const count = this.symbols.define({ name: stepSymbol(this.ts, this.loops, call), kind: "count", line: this.ctx.line(call), origin: `steps of the SDK's loop at line ${line}: its stop condition sets no step count`, unbounded: true });
      const held = { ...combine([step], step.poly.mul(Poly.symbol(count))), tight: false };
      return { ...held, fromOutput: true, notes: [...held.notes, `the response messages of line ${line} hold every step's answer and the results of the tools they run (${count} steps, ${name} a step): its stop condition sets no step count`] };
    }
    const held = k === 1 ? step : { ...combine([step], step.poly.scale(k)), tight: false };
    return { ...held, fromOutput: true, notes: [...held.notes, `the response messages of line ${line} hold ${k === 1 ? "its answer" : `at most ${k} steps' answers`} and the results of the tools ${k === 1 ? "it runs" : "they run"} (${name} a step)`] };
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
