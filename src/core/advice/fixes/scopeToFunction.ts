// Focused decomposition (paper §3.2.2): a loop that re-sends a whole text (and keeps every version
// of it in a history) becomes a loop over the text's units, each call seeing only its own unit
// with a history of its own. The units are cut by a small splitter inserted into the file: top-level
// declarations for code, paragraphs for prose. The text is joined back after the loop.
import type * as ts from "typescript";
import { wholeInputOf } from "../rules/wholeInputPerItem";
import { exitsEarly, freshName, hasFunction, indentAt, isWithin, lineStartOf, loopsAround, outerWrites, type ParsedSource } from "../source";
import type { QuickFix, TextEdit } from "../types";
import { appendHelper, boundFix, type FixContext } from "./context";

interface Splitter {
  readonly name: string;
  readonly unit: string;
  readonly separator: string;
  readonly source: string;
}

const CODE: Splitter = {
  name: "splitTopLevelDeclarations",
  unit: "declaration",
  separator: "\n",
  source: `/**
 * Cuts source code into its top-level declarations, each with the comments above it: a unit ends
 * where the braces balance again on a line ending in \`}\` or \`;\`. Joining the units with "\\n"
 * gives the source back.
 */
function splitTopLevelDeclarations(source: string): string[] {
  const units: string[] = [];
  let lines: string[] = [];
  let depth = 0;
  for (const line of source.split("\\n")) {
    lines.push(line);
    for (const ch of line) depth += ch === "{" ? 1 : ch === "}" ? -1 : 0;
    if (depth <= 0 && /[};]\\s*$/.test(line)) {
      units.push(lines.join("\\n"));
      lines = [];
      depth = 0;
    }
  }
  if (lines.length && units.length) units[units.length - 1] += \`\\n\${lines.join("\\n")}\`;
  else if (lines.length) units.push(lines.join("\\n"));
  return units;
}`,
};

const PROSE: Splitter = {
  name: "splitParagraphs",
  unit: "paragraph",
  separator: "\n\n",
  source: `/** Cuts a text into its paragraphs (blocks separated by blank lines). */
function splitParagraphs(text: string): string[] {
  return text.split(/\\n\\s*\\n/);
}`,
};

const CODE_NAME = /program|code|source|script|module|file|repo|impl|patch|diff/i;

export function scopeToFunction(ctx: FixContext): QuickFix | undefined {
  const { src } = ctx;
  const t = src.ts;
  const whole = wholeInputOf(ctx.advice.finding);
  if (!whole) return undefined;
  // The outermost loop around the call that the whole text is declared outside of.
  const loops = loopsAround(t, ctx.call).filter((l) => t.isForStatement(l));
  const refsIn = (l: ts.Node, decl: ts.Node): ts.Identifier[] => src.scopes.referencesTo(decl, whole.name).filter((r) => isWithin(r, l));
  const decl = wholeDeclaration(src, loops, whole.name);
  const loop = decl && [...loops].reverse().find((l) => !isWithin(decl, l) && refsIn(l, decl).length > 0);
  const counter = loop && t.isForStatement(loop) ? countedLoop(src, loop) : undefined;
  if (!decl || !loop || !counter || !t.isBlock(loop.statement)) return undefined;

  // Only a refinement loop (paper §3.2): it counts passes, not items, rewrites the whole text and
  // writes nothing else from outside it. Over the units, the result is still the one text, joined
  // back; any other loop would change what is iterated (a call per paragraph instead of per
  // question) or how many results there are.
  const refs = refsIn(loop, decl);
  const rewritten = refs.some((r) => t.isBinaryExpression(r.parent) && r.parent.left === r && r.parent.operatorToken.kind === t.SyntaxKind.EqualsToken);
  if (!rewritten || !countsPasses(src, loop, counter) || exitsEarly(src, loop)) return undefined;
  const histories = historiesToMove(src, loop);
  if ([...outerWrites(src, loop)].some((d) => d !== decl && !(histories.moved as readonly ts.Node[]).includes(d))) return undefined;

  const splitter = CODE_NAME.test(whole.name) ? CODE : PROSE;
  const units = freshName(src, `${whole.name}Units`);
  const indent = indentAt(src.text, loop.getStart(src.sf));
  const unit = `${units}[${counter.index}]`;
  const loopStart = loop.getStart(src.sf);
  const edits: TextEdit[] = [
    { start: loopStart, end: loopStart, newText: `const ${units} = ${splitter.name}(${whole.name});\n${indent}` },
    { start: counter.bound.getStart(src.sf), end: counter.bound.end, newText: `${units}.length` },
    ...refs.map((r) => ({ start: r.getStart(src.sf), end: r.end, newText: unit })),
    ...histories.edits,
    { start: loop.end, end: loop.end, newText: `\n${indent}${whole.name} = ${units}.join(${JSON.stringify(splitter.separator)});` },
  ];
  const unused = unusedBoundParameter(src, counter.bound);
  if (unused) edits.push({ start: unused.getStart(src.sf), end: unused.end, newText: `_${unused.text}` });
  if (!hasFunction(src, splitter.name)) edits.push(appendHelper(src.text, splitter.source));
  // The passes become one per unit: the title says that the old count no longer bounds the loop.
  return boundFix(ctx, "scope-to-function", `Send one ${splitter.unit} of ${whole.name} per call, one pass each (drops the ${counter.bound.getText(src.sf)} cap)`, edits, true);
}

/** A loop that counts passes (`i < rounds`), not the items of a collection (`i < xs.length`, `xs[i]`). */
function countsPasses(src: ParsedSource, loop: ts.ForStatement, counter: { index: string; bound: ts.Expression }): boolean {
  const t = src.ts;
  if (t.isPropertyAccessExpression(counter.bound) && counter.bound.name.text === "length") return false;
  const decl = (loop.initializer as ts.VariableDeclarationList).declarations[0]!;
  return src.scopes.referencesTo(decl, counter.index).every((r) => !isWithin(r, loop.statement));
}

/** The declaration of the whole text, a string parameter or variable referenced in the loops. */
function wholeDeclaration(src: ParsedSource, loops: readonly ts.Node[], name: string): ts.ParameterDeclaration | ts.VariableDeclaration | undefined {
  const t = src.ts;
  for (const l of loops) {
    let found: ts.Node | undefined;
    const visit = (n: ts.Node): void => {
      if (!found && t.isIdentifier(n) && n.text === name) found = src.scopes.resolve(n);
      if (!found) t.forEachChild(n, visit);
    };
    visit(l);
    if (found && (t.isParameter(found) || t.isVariableDeclaration(found)) && isString(t, found)) return found;
  }
  return undefined;
}

function isString(t: typeof ts, d: ts.ParameterDeclaration | ts.VariableDeclaration): boolean {
  if (d.type) return d.type.kind === t.SyntaxKind.StringKeyword;
  return !!d.initializer && (t.isStringLiteralLike(d.initializer) || t.isTemplateExpression(d.initializer));
}

/** `for (let i = 0; i < bound; i++)`: the counter and the bound to replace. */
function countedLoop(src: ParsedSource, loop: ts.ForStatement): { index: string; bound: ts.Expression } | undefined {
  const t = src.ts;
  const init = loop.initializer;
  const cond = loop.condition;
  if (!init || !t.isVariableDeclarationList(init) || init.declarations.length !== 1 || !cond || !t.isBinaryExpression(cond) || cond.operatorToken.kind !== t.SyntaxKind.LessThanToken) return undefined;
  const d = init.declarations[0]!;
  if (!t.isIdentifier(d.name) || d.initializer?.getText(src.sf) !== "0" || !t.isIdentifier(cond.left) || cond.left.text !== d.name.text) return undefined;
  if (!loop.incrementor || !/^(\+\+\w+|\w+\+\+|\w+ \+= 1)$/.test(loop.incrementor.getText(src.sf))) return undefined;
  return { index: d.name.text, bound: cond.right };
}

/**
 * Histories declared just before the loop, grown inside it and not read after it: their
 * declarations move into the loop, so that each unit starts with a history of its own.
 */
function historiesToMove(src: ParsedSource, loop: ts.ForStatement): { moved: ts.VariableDeclaration[]; edits: TextEdit[] } {
  const t = src.ts;
  const block = loop.parent;
  const moved: ts.VariableDeclaration[] = [];
  const edits: TextEdit[] = [];
  if (!t.isBlock(block) || !t.isBlock(loop.statement)) return { moved, edits };
  const first = loop.statement.statements[0];
  if (!first) return { moved, edits };
  const at = first.getStart(src.sf);
  const bodyIndent = indentAt(src.text, at);
  for (const s of block.statements) {
    if (s.pos >= loop.pos || !t.isVariableStatement(s) || s.declarationList.declarations.length !== 1) continue;
    const d = s.declarationList.declarations[0]!;
    if (!t.isIdentifier(d.name) || !d.initializer || !(t.isArrayLiteralExpression(d.initializer) || t.isStringLiteralLike(d.initializer) || t.isTemplateExpression(d.initializer))) continue;
    const refs = src.scopes.referencesTo(d, d.name.text);
    const grows = refs.some((r) => isWithin(r, loop) && ((t.isPropertyAccessExpression(r.parent) && r.parent.name.text === "push") || (t.isBinaryExpression(r.parent) && r.parent.left === r && r.parent.operatorToken.kind === t.SyntaxKind.PlusEqualsToken)));
    const onlyInLoop = refs.every((r) => isWithin(r, loop));
    if (!grows || !onlyInLoop) continue;
    const from = lineStartOf(src.text, s.getStart(src.sf));
    let to = src.text.indexOf("\n", s.end) + 1;
    // A blank line that separated the declaration from the block's opening brace goes with it.
    if (/\{\s*$/.test(src.text.slice(0, from)) && /^[ \t]*\n/.test(src.text.slice(to))) to = src.text.indexOf("\n", to) + 1;
    edits.push({ start: from, end: to, newText: "" });
    edits.push({ start: at, end: at, newText: `${s.getText(src.sf)}\n${bodyIndent}` });
    moved.push(d);
  }
  return { moved, edits };
}

/** A parameter that only bounded the old loop: renamed `_name` so that it reads as deliberately unused. */
function unusedBoundParameter(src: ParsedSource, bound: ts.Expression): ts.Identifier | undefined {
  const t = src.ts;
  if (!t.isIdentifier(bound)) return undefined;
  const decl = src.scopes.resolve(bound);
  if (!decl || !t.isParameter(decl) || !t.isIdentifier(decl.name)) return undefined;
  return src.scopes.referencesTo(decl, bound.text).every((r) => r === bound) ? decl.name : undefined;
}
