// Whether an identifier is written at least twice in a file's text (its import and a reference),
// escapes included: a name written once has no reference, and the file's identifiers need not be
// indexed to say so.

/** Patterns built for names not settled by their plain spelling (for tests: most names never need one). */
export const spellingStats = { patterns: 0 };

export function writtenTwice(text: string, name: string): boolean {
  if (!/^[\w$]+$/.test(name)) return true;
  // Two plain, non-overlapping spellings settle it (every imported name in most files); so does a
  // text without any `\u` escape, where the plain spellings are the only ones.
  const first = text.indexOf(name);
  if (first >= 0 && text.indexOf(name, first + name.length) >= 0) return true;
  if (!text.includes("\\u")) return false;
  spellingStats.patterns++;
  const spelled = spellings(name);
  return !!spelled.exec(text) && !!spelled.exec(text);
}

/**
 * Every way an ASCII identifier can be written, escapes included (`O\u0070enAI`, `\u{41}`), as a
 * global pattern (each position a choice of fixed tokens: linear on any text).
 */
function spellings(name: string): RegExp {
  // The character's code in hex digits of either case (`4f`, `4F`).
  const hex = (c: string): string => [...c.charCodeAt(0).toString(16).padStart(2, "0")].map((d) => (/\d/.test(d) ? d : `[${d}${d.toUpperCase()}]`)).join("");
  return new RegExp([...name].map((c) => `(?:${c === "$" ? "\\$" : c}|\\\\u00${hex(c)}|\\\\u\\{0*${hex(c)}\\})`).join(""), "g");
}
