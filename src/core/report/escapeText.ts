// Strings from the scanned repository (file names, model strings, identifiers, error messages)
// escaped for each text sink, so that a repository cannot forge output: no control characters
// reach a terminal, no Markdown or HTML is interpreted in a job summary, no table row is forged.

/**
 * C0 and C1 controls (newlines too), DEL, line/paragraph separators and bidirectional overrides:
 * each shown as `\uXXXX`, so that an ESC or BEL never reaches the terminal, a newline never splits
 * a table row and reordered text never hides what a line says.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function showControls(s: string): string {
  return s.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Markdown prose (outside code and tables): the marks that make emphasis, links, images, HTML, headings or entities are backslash-escaped. */
export function markdownText(s: string): string {
  return showControls(s).replace(/[\\`*_[\]<>!#~&]/g, "\\$&");
}

function longestBacktickRun(s: string): number {
  let longest = 0;
  let run = 0;
  for (const c of s) {
    run = c === "`" ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * A Markdown code span that the content cannot close: its fence is one backtick longer than the
 * longest run of backticks inside. In a table cell a `|` is written `\|` (GitHub splits rows before
 * it reads code spans, and unescapes `\|` there); a backslash before a `|` would escape that
 * backslash instead, so it is shown as `\u005c`.
 */
export function markdownCode(s: string, inTable = false): string {
  let body = showControls(s);
  if (inTable) body = body.replace(/\\(?=\|)/g, "\\u005c").replace(/\|/g, "\\|");
  const fence = "`".repeat(longestBacktickRun(body) + 1);
  // A space on each side when the content starts or ends with a backtick (CommonMark strips one).
  const pad = body.startsWith("`") || body.endsWith("`") || (body.startsWith(" ") && body.endsWith(" ") && body.trim() !== "") ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** SARIF message text: plain text in which `[text](id)` would be a link, so brackets are escaped. */
export function sarifText(s: string): string {
  return showControls(s).replace(/[\\[\]]/g, "\\$&");
}
