// A large model writing a label or a one-word answer, where a smaller model of the same provider
// would do (paper §3.1: size the model to the task).
import type * as ts from "typescript";
import { smallerModel } from "../../pricing/smallerModel";
import type { ParsedSource } from "../source";
import type { Rule } from "./rule";

/** At most this many output tokens is a label, not a text. */
const LABEL_TOKENS = 20;
const CLASSIFICATION_PROMPT = /\b(classify|categori[sz]e|label (it|the|this)|reply with (only )?(one|a single) (word|label)|one word|yes or no|true or false)\b/i;

export const generalistForConstantOutput: Rule<"smallerModelSuffices"> = {
  name: "generalist-for-constant-output",
  code: "aalp.generalist-for-constant-output",
  number: 91004,
  severity: "information",
  meta: {
    type: "suggestion",
    docs: { description: "A large model used for a constant-size answer (a label, yes or no), where a smaller one costs many times less.", url: "docs/diagnostics/generalist-for-constant-output.md" },
    messages: {
      smallerModelSuffices: "{{model}} writes {{output}} here: {{smaller}} costs {{ratio}}× less per token (paper §3.1: size the model to the task).",
    },
  },
  check(f, { src, call }) {
    if (!call || f.outputPerCall.kind !== "poly" || !f.outputPerCall.poly.isConstant()) return undefined;
    const cap = f.outputPerCall.poly.constantValue();
    // A short output is a label only where the call caps it; a constant size read from elsewhere (a
    // running summary rewritten from an empty string) says nothing about how long the answer is.
    const short = cap <= LABEL_TOKENS && capsOutput(src, call);
    if (!short && !CLASSIFICATION_PROMPT.test(promptText(src, call))) return undefined;
    const smaller = smallerModel(f.model, f.sdk);
    if (!smaller || !f.model) return undefined;
    const output = short ? `at most ${cap} tokens` : "a label";
    return { messageId: "smallerModelSuffices", data: { model: f.model, output, smaller: smaller.model, ratio: String(Math.round(smaller.ratio)) } };
  },
};

/** The output caps of the SDKs' call options (see the catalog's maxTokens), at any depth of the arguments. */
const CAP_KEYS = new Set(["max_tokens", "max_completion_tokens", "max_output_tokens", "maxOutputTokens", "maxTokens", "num_predict", "numPredict"]);

/** Whether the call's own arguments set an output cap. */
function capsOutput(src: ParsedSource, call: ts.CallExpression): boolean {
  const t = src.ts;
  const visit = (n: ts.Node): boolean => {
    if ((t.isPropertyAssignment(n) || t.isShorthandPropertyAssignment(n)) && (t.isIdentifier(n.name) || t.isStringLiteral(n.name)) && CAP_KEYS.has(n.name.text)) return true;
    return t.forEachChild(n, visit) ?? false;
  };
  return call.arguments.some(visit);
}

/** The static text of a call's arguments: string literals and template parts. */
function promptText(src: ParsedSource, call: ts.CallExpression): string {
  const t = src.ts;
  const parts: string[] = [];
  const visit = (n: ts.Node): void => {
    if (t.isStringLiteralLike(n)) parts.push(n.text);
    else if (t.isTemplateExpression(n)) parts.push(n.head.text, ...n.templateSpans.map((s) => s.literal.text));
    t.forEachChild(n, visit);
  };
  call.arguments.forEach(visit);
  return parts.join("\n");
}
