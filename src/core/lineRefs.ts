// Line numbers inside the analysis's text — derivations ("grows at line 15"), messages, the origins
// of symbols — are written as marks while a file is analysed and turned into digits once, where
// findings leave the engine (`renderFinding`). A line break above a statement moves every line its findings name and nothing else: the tsserver plugin renumbers the
// marks of the findings it keeps instead of analysing the statement again (incrementalAdvice).
// The marks are private-use characters, which source text does not hold in practice; a file that
// does is never renumbered (see `holdsLineMarks`).

const OPEN = "\uE000";
const CLOSE = "\uE001";

/** A line number as it is written into the analysis's text. */
export function lineRef(line: number): string {
  return `${OPEN}${line}${CLOSE}`;
}

export function holdsLineMarks(s: string): boolean {
  return s.includes(OPEN);
}

/** The text with its marked lines as digits; `seen` is told each line. */
export function renderLines(s: string, seen?: (line: number) => void): string {
  return rewriteMarks(s, (n) => {
    seen?.(n);
    return String(n);
  })!;
}

/** The text with each marked line renumbered; undefined when a line has no new number. */
export function renumberLines(s: string, renumber: (line: number) => number | undefined): string | undefined {
  return rewriteMarks(s, (n) => {
    const to = renumber(n);
    return to === undefined ? undefined : lineRef(to);
  });
}

// A scan rather than a regular expression with a callback: the plugin renumbers every moved
// statement's texts on each keystroke.
function rewriteMarks(s: string, to: (line: number) => string | undefined): string | undefined {
  let open = s.indexOf(OPEN);
  if (open < 0) return s;
  let out = "";
  let from = 0;
  while (open >= 0) {
    const close = s.indexOf(CLOSE, open + 1);
    if (close < 0) break;
    const digits = s.slice(open + 1, close);
    if (/^\d+$/.test(digits)) {
      const line = to(Number(digits));
      if (line === undefined) return undefined;
      out += s.slice(from, open) + line;
      from = close + 1;
    }
    open = s.indexOf(OPEN, open + 1);
  }
  return out + s.slice(from);
}


const NATURAL = new Intl.Collator(undefined, { numeric: true });

/**
 * The order of symbol names wherever it shows (factors, terms, lists): as text, with numbers by
 * value (`x9` before `x12`). Marks compare as the digits they stand for, so renumbering lines in
 * order keeps the order of the names, and a finding prints the same whether it was renumbered
 * or analysed again.
 */
export function compareNames(a: string, b: string): number {
  return NATURAL.compare(renderLines(a), renderLines(b));
}
