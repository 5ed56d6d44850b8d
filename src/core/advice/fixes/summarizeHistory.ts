// Summarise older turns once the history passes a token budget: one message written by a smaller
// model of the same SDK, through the same client, replaces them; the system messages and the last
// exchange stay verbatim. The history is then bounded by the budget instead of growing.
import type * as ts from "typescript";
import { smallerModel } from "../../pricing/smallerModel";
import { argumentProperty, elementTypeText, hasFunction, historyOf, indentAt, keptPrefix, keptText, readAfterLoop, statementIn, type ParsedSource } from "../source";
import type { QuickFix, TextEdit } from "../types";
import { appendHelper, boundFix, type FixContext } from "./context";
import { constKeywordOf } from "./resetHistory";

/** Messages kept verbatim after the summary: the last answer and the new question. */
const KEEP_LAST = 2;
const SUMMARY_OUTPUT_TOKENS = 500;
const INSTRUCTION = "Summarize this conversation in a few sentences. Keep facts, decisions and open questions.";

export function summarizeHistory(ctx: FixContext): QuickFix | undefined {
  const { src, settings } = ctx;
  const t = src.ts;
  const h = historyOf(src, ctx.call, ctx.advice.finding.facts);
  const type = h && elementTypeText(src, h.decl);
  if (!h || !type || !t.isBlock(h.loop.statement) || !inAsyncFunction(t, ctx.call) || readAfterLoop(src, h)) return undefined;
  const statement = statementIn(h.loop.statement, ctx.call);
  const model = smallerModel(ctx.advice.finding.model, ctx.advice.finding.sdk)?.model ?? ctx.advice.finding.model;
  const summarizer = model && summarizerFor(src, ctx.call, ctx.advice.finding.sdk, model, type);
  if (!statement || !summarizer) return undefined;

  const name = h.id.text;
  const kept = keptPrefix(src, h.decl.initializer!);
  if (!kept) return undefined;
  const keep = kept.count;
  const indent = indentAt(src.text, statement.getStart(src.sf));
  const older = keep ? `${name}.slice(${keep}, -${KEEP_LAST})` : `${name}.slice(0, -${KEEP_LAST})`;
  const rebuilt = `[${keep ? `...${name}.slice(0, ${keep}), ` : ""}summary, ...${name}.slice(-${KEEP_LAST})]`;
  const guard = [
    `if (approximateTokens(${name}) > ${settings.summarizeBudgetTokens}) {`,
    `  const summary = await summarizeTurns(${older});`,
    `  ${name} = ${rebuilt};`,
    `}`,
  ].join(`\n${indent}`);
  const at = statement.getStart(src.sf);
  const edits: TextEdit[] = [{ start: at, end: at, newText: `${guard}\n${indent}` }];
  const constKeyword = constKeywordOf(ctx, h.decl);
  if (constKeyword !== undefined) edits.push({ start: constKeyword, end: constKeyword + "const".length, newText: "let" });
  const helpers = [hasFunction(src, "approximateTokens") ? "" : APPROXIMATE_TOKENS, hasFunction(src, "summarizeTurns") ? "" : summarizer].filter(Boolean);
  if (helpers.length) edits.push(appendHelper(src.text, helpers.join("\n\n")));
  return boundFix(ctx, "summarize-history", `Summarize ${name} past ${settings.summarizeBudgetTokens} tokens with ${model}${keptText(kept, ", keeping")}`, edits, false);
}

const APPROXIMATE_TOKENS = `/** About four characters per token: enough to tell when a history passes its budget. */
function approximateTokens(messages: readonly unknown[]): number {
  return Math.ceil(JSON.stringify(messages).length / 4);
}`;

function inAsyncFunction(t: typeof ts, node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (t.isFunctionLike(n)) return (t.getCombinedModifierFlags(n as ts.Declaration) & t.ModifierFlags.Async) !== 0;
  }
  return false;
}

/** `summarizeTurns` for the call's SDK, using the same client or provider the call uses (a top-level one). */
function summarizerFor(src: ParsedSource, call: ts.CallExpression, sdk: string, model: string, type: string): string | undefined {
  const t = src.ts;
  const head = `/** Replaces older turns by one message: their summary, written by a smaller model. */
async function summarizeTurns(turns: ${type}[]): Promise<${type}> {`;
  const callee = call.expression;
  const summary = (text: string): string => `  return { role: "user", content: \`Summary of the earlier conversation: \${${text}}\` };\n}`;
  if (sdk === "openai" && t.isPropertyAccessExpression(callee) && callee.getText(src.sf).replace(/\s+/g, "").endsWith(".chat.completions.create")) {
    const client = topLevelRoot(src, callee);
    if (!client) return undefined;
    return `${head}
  const completion = await ${client}.chat.completions.create({
    model: ${JSON.stringify(model)},
    max_tokens: ${SUMMARY_OUTPUT_TOKENS},
    messages: [
      { role: "system", content: ${JSON.stringify(INSTRUCTION)} },
      { role: "user", content: JSON.stringify(turns) },
    ],
  });
${summary(`completion.choices[0].message.content ?? ""`)}`;
  }
  if (sdk === "@anthropic-ai/sdk" && t.isPropertyAccessExpression(callee) && callee.getText(src.sf).replace(/\s+/g, "").endsWith(".messages.create")) {
    const client = topLevelRoot(src, callee);
    if (!client) return undefined;
    return `${head}
  const response = await ${client}.messages.create({
    model: ${JSON.stringify(model)},
    max_tokens: ${SUMMARY_OUTPUT_TOKENS},
    system: ${JSON.stringify(INSTRUCTION)},
    messages: [{ role: "user", content: JSON.stringify(turns) }],
  });
  const block = response.content[0];
${summary(`block && block.type === "text" ? block.text : ""`)}`;
  }
  const provider = argumentProperty(t, call, "model");
  if (sdk === "ai" && t.isIdentifier(callee) && callee.text === "generateText" && provider && t.isCallExpression(provider) && t.isIdentifier(provider.expression) && isTopLevel(src, provider.expression)) {
    return `${head}
  const { text } = await generateText({
    model: ${provider.expression.text}(${JSON.stringify(model)}),
    maxOutputTokens: ${SUMMARY_OUTPUT_TOKENS},
    system: ${JSON.stringify(INSTRUCTION)},
    prompt: JSON.stringify(turns),
  });
${summary("text")}`;
  }
  return undefined;
}

/** The client a member call starts from (`openai` in `openai.chat.completions.create`), when declared at top level. */
function topLevelRoot(src: ParsedSource, callee: ts.PropertyAccessExpression): string | undefined {
  const t = src.ts;
  let e: ts.Expression = callee;
  while (t.isPropertyAccessExpression(e)) e = e.expression;
  return t.isIdentifier(e) && isTopLevel(src, e) ? e.text : undefined;
}

function isTopLevel(src: ParsedSource, id: ts.Identifier): boolean {
  const decl = src.scopes.resolve(id);
  if (!decl) return false;
  const t = src.ts;
  const statement = t.isVariableDeclaration(decl) ? decl.parent.parent : t.isImportSpecifier(decl) || t.isImportClause(decl) ? undefined : decl;
  return statement ? statement.parent === src.sf : true;
}
