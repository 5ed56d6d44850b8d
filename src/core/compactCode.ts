/**
 * An expression's source as a one-line label: whitespace dropped, but one space kept where it
 * separates two word characters (`await import`, `new OpenAI`), which squeezing would fuse into
 * another word (`awaitimport`). One linear pass; no regular expression on the scanned text.
 */
export function compactCode(text: string): string {
  let out = "";
  let gap = false;
  for (const ch of text) {
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f" || ch === "\v" || ch === "\u00a0" || ch === "\u2028" || ch === "\u2029" || ch === "\ufeff") {
      gap = out.length > 0;
      continue;
    }
    if (gap && isWordChar(out[out.length - 1]) && isWordChar(ch)) out += " ";
    gap = false;
    out += ch;
  }
  return out;
}

function isWordChar(ch: string): boolean {
  return (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || (ch >= "0" && ch <= "9") || ch === "_" || ch === "$" || ch > "\u007f";
}
