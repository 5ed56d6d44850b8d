// A statement edited only by blank lines (a line break typed at the start of a line, or an empty
// line deleted) reads exactly as before: the parser sees the same tokens, each with the same
// line break before it or not, when the lines come or go where a line break already was and
// outside any comment, string, template or JSX text. Its findings then only move: those below the
// change by the lines and characters it added, those above it not at all. See unitReuse.ts.
import type * as ts from "typescript";
import type { TS } from "../binder/scopes";

/** Whole blank lines inserted into (or removed from) a statement's text, at a line start. */
export interface BlankChange {
  /** Where, in the previous text: the offset of the first line inserted before, or of the first removed. */
  readonly at: number;
  /** Characters added (negative: removed). */
  readonly chars: number;
  /** The 0-based line of `at` within the previous text. */
  readonly line: number;
  /** Lines added (negative: removed). */
  readonly lines: number;
}

const isBlank = (line: string): boolean => line.trim() === "";

/**
 * The change from `before` to `after` when it is whole blank lines added or removed between two
 * lines that both keep (lines compared as text, no regular expressions); undefined otherwise.
 */
export function blankChange(before: string, after: string): BlankChange | undefined {
  if (before === after) return undefined;
  const a = before.split("\n");
  const b = after.split("\n");
  const most = Math.min(a.length, b.length);
  let head = 0;
  while (head < most && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < most - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  // Lines between two that keep: after a line break already in the statement (a line break at the
  // start of its text could split its first token from the previous statement's last) and before its last line.
  if (head === 0 || tail === 0) return undefined;
  const removed = a.slice(head, a.length - tail);
  const added = b.slice(head, b.length - tail);
  if (removed.length > 0 === added.length > 0) return undefined;
  const changed = removed.length ? removed : added;
  if (!changed.every(isBlank)) return undefined;
  let at = 0;
  for (let i = 0; i < head; i++) at += a[i]!.length + 1;
  const chars = changed.reduce((n, l) => n + l.length + 1, 0);
  return { at, chars: removed.length ? -chars : chars, line: head, lines: removed.length ? -removed.length : added.length };
}

/**
 * Whether `pos` (a line start in `statement`) lies between tokens and outside comments: there a
 * blank line changes no token. Inside a literal, a template's text, JSX text or a comment it does.
 */
export function betweenTokens(t: TS, sf: ts.SourceFile, statement: ts.Node, pos: number): boolean {
  const text = sf.text;
  let node: ts.Node = statement;
  for (;;) {
    // In the node's leading trivia: whitespace and comments only.
    if (pos < node.getStart(sf)) return !commentAround(text, node.pos, pos);
    let inside: ts.Node | undefined;
    let gapStart = node.getStart(sf);
    t.forEachChild(node, (child) => {
      if (inside) return true;
      if (child.pos <= pos && pos < child.end) inside = child;
      else if (child.end <= pos) gapStart = child.end;
      return undefined;
    });
    if (inside) {
      // JSX text holds its whitespace: no trivia before it.
      if (t.isJsxText(inside)) return false;
      node = inside;
      continue;
    }
    // No child holds it: inside a token of the node's own (a literal, an identifier, JSX text; an
    // empty block is taken for one too), or in the trivia between the node's punctuation and
    // keywords, where only a comment can hold it.
    if (isTokenNode(t, node)) return pos === node.getStart(sf);
    return !commentAround(text, gapStart, pos);
  }
}

/** A node with no children of its own: its text is one token (or, for a template, one piece of one). */
function isTokenNode(t: TS, node: ts.Node): boolean {
  let any = false;
  t.forEachChild(node, () => (any = true));
  return !any;
}

/**
 * Whether a comment opened between `from` and `pos` is still open at `pos`, reading trivia or a
 * node's own punctuation and keywords (no literal is among them: literals are child nodes).
 */
function commentAround(text: string, from: number, pos: number): boolean {
  let open = false;
  for (let i = from; i < pos; i++) {
    if (!open && text[i] === "/" && text[i + 1] === "*") open = true, i++;
    else if (open && text[i] === "*" && text[i + 1] === "/") open = false, i++;
    else if (!open && text[i] === "/" && text[i + 1] === "/") {
      // A line comment ends at the line break before `pos` (pos is a line start).
      const end = text.indexOf("\n", i);
      if (end < 0 || end >= pos) return true;
      i = end;
    }
  }
  return open;
}
