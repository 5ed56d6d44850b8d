// "Ignore this call": a `// @aalp ignore` comment on a line of its own above the line the call
// starts on, indented like that line; annotations.ts reads it as silencing the line after it.
import type * as ts from "typescript";
import type { TS } from "../binder/scopes";
import { indentAt, lineStartOf, parseSource } from "./source";
import type { TextEdit } from "./types";

export const IGNORE_COMMENT = "// @aalp ignore";

/** The edit, or undefined where the call's line starts inside a string or template (a comment there would be text). */
export function ignoreCallEdit(tsm: TS, fileName: string, text: string, callStart: number): TextEdit | undefined {
  const at = lineStartOf(text, callStart);
  if (at > 0 && insideLiteral(parseSource(tsm, fileName, text).sf, tsm, at)) return undefined;
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  return { start: at, end: at, newText: `${indentAt(text, at)}${IGNORE_COMMENT}${newline}` };
}

function insideLiteral(sf: ts.SourceFile, t: TS, pos: number): boolean {
  const visit = (n: ts.Node): boolean => {
    if (!(n.pos < pos && pos < n.end)) return false;
    if ((t.isStringLiteralLike(n) || t.isTemplateLiteralToken(n) || t.isJsxText(n)) && n.getStart(sf) < pos) return true;
    return t.forEachChild(n, visit) ?? false;
  };
  return t.forEachChild(sf, visit) ?? false;
}
