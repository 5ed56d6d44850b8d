// Which line of the text before a fix a line of the fixed text shows. A fix's "after" bound comes
// from analysing the fixed text, where a loop the fix moved is on its new line (`line 8: while …`);
// the title and the priced savings name it as the user's code does now (`line 5`).
import type * as ts from "typescript";
import type { TextEdit } from "../types";

/**
 * For a 1-based line of `after` (the text once `edits` are applied to `before`), the 1-based line
 * of `before` it shows: the line of its first character no edit wrote, or, for a line an edit
 * wrote whole (code re-indented into a new block), the one line of the replaced text that reads
 * the same. Undefined for a line that only the fix wrote.
 */
export function linesBefore(before: ts.SourceFile, after: ts.SourceFile, edits: readonly TextEdit[]): (line: number) => number | undefined {
  // Each edit's written range in the fixed text, and how far the text after it moved.
  let delta = 0;
  const written = [...edits]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((e) => {
      const from = e.start + delta;
      delta += e.newText.length - (e.end - e.start);
      return { edit: e, from, to: from + e.newText.length, shift: delta };
    });
  const afterStarts = after.getLineStarts();
  const lineOf = (sf: ts.SourceFile, pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const beforeStarts = before.getLineStarts();
  // The one line whose text lies inside what `e` replaced and reads `text` (trimmed).
  const sameLineIn = (e: TextEdit, text: string): number | undefined => {
    let found: number | undefined;
    for (let line = lineOf(before, e.start); line <= lineOf(before, e.end); line++) {
      const start = beforeStarts[line - 1]!;
      const content = before.text.slice(start, line < beforeStarts.length ? beforeStarts[line]! : before.text.length);
      const from = start + content.search(/\S/);
      if (content.trim() !== text || from < e.start || from + text.length > e.end) continue;
      if (found !== undefined) return undefined;
      found = line;
    }
    return found;
  };
  return (line) => {
    if (line < 1 || line > afterStarts.length) return undefined;
    const end = line < afterStarts.length ? afterStarts[line]! : after.text.length;
    let shift = 0;
    let inside: (typeof written)[number] | undefined;
    for (let pos = afterStarts[line - 1]!; pos < end; pos++) {
      if (/\s/.test(after.text[pos]!)) continue;
      // The edits in order: skip those that end before `pos`, and stop at one that wrote it.
      inside = undefined;
      shift = 0;
      for (const w of written) {
        if (pos < w.from) break;
        if (pos < w.to) {
          inside = w;
          break;
        }
        shift = w.shift;
      }
      if (!inside) return lineOf(before, pos - shift);
    }
    // Every visible character was written: the same line in the text the edit replaced, if only one reads so.
    const text = after.text.slice(afterStarts[line - 1]!, end).trim();
    return inside && text ? sameLineIn(inside.edit, text) : undefined;
  };
}
