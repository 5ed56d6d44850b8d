// A text scan (no parse) of the names a module's classes inherit from (`implements A, B`,
// `extends C`), of the interfaces and classes it declares, and of the other names a declaration
// may be written with (`{ Llm as Model }`, a default import): what the project's implementations
// index is built from, once per file, before anything is parsed. A name here is only a candidate;
// the parse of the few files that name an interface asked about decides.

export interface HeritageNames {
  /** Names after `implements` (the last part of `ns.Name`), each once. */
  readonly implemented: readonly string[];
  /** Names after `extends`, each once: an interface's `extends` names the interfaces it extends. */
  readonly extended: readonly string[];
  /** Names after `interface`. */
  readonly interfaces: readonly string[];
  /** Names after `abstract class`. */
  readonly abstractClasses: readonly string[];
  /** Classes declared with an `implements` clause: a class extending one implements what it implements. */
  readonly implementingClasses: readonly string[];
  /** `{ Llm as Model }` of an import or export list as [Llm, Model]; `import Model from` as [default, Model]. */
  readonly aliases: readonly (readonly [string, string])[];
  /** Names the module exports as its default (`export default interface Llm`, `export default Llm;`). */
  readonly defaults: readonly string[];
}

const isIdentifierChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * One pass per keyword over the text: each keyword is found by indexOf and what follows it read
 * forward (what precedes it, back over blanks and one word); the next search starts past what was
 * read, so no character is read more than a few times (linear on any text).
 */
export function heritageNames(text: string): HeritageNames {
  const implemented = new Set<string>();
  const extended = new Set<string>();
  const interfaces = new Set<string>();
  const abstractClasses = new Set<string>();
  const implementingClasses = new Set<string>();
  const aliases = new Map<string, readonly [string, string]>();
  const defaults = new Set<string>();
  const wordAt = (i: number): [string, number] => {
    let j = i;
    while (j < text.length && isIdentifierChar(text.charCodeAt(j))) j++;
    return [text.slice(i, j), j];
  };
  const skipBlanks = (i: number): number => {
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    return i;
  };
  /** Back over blanks from before `i`: the index of the last character before them (-1 at the start). */
  const blanksBefore = (i: number): number => {
    let k = i - 1;
    while (k >= 0 && isBlank(text.charCodeAt(k))) k--;
    return k;
  };
  /** The word ending at `k` (inclusive) and the index before it. */
  const wordEndingAt = (k: number): [string, number] => {
    let j = k;
    while (j >= 0 && isIdentifierChar(text.charCodeAt(j))) j--;
    return [text.slice(j + 1, k + 1), j];
  };
  const standsAlone = (at: number, word: string): boolean => (at === 0 || !isIdentifierChar(text.charCodeAt(at - 1))) && !isIdentifierChar(text.charCodeAt(at + word.length));
  const each = (keyword: string, read: (at: number) => number): void => {
    for (let at = text.indexOf(keyword); at >= 0; ) {
      const next = standsAlone(at, keyword) ? read(at) : at + keyword.length;
      at = text.indexOf(keyword, Math.max(next, at + keyword.length));
    }
  };
  /** Type arguments or parameters at `i` (a `<`): skipped to their closing `>`, stopping at a body or statement end. */
  const skipAngles = (i: number): [number, boolean] => {
    let depth = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 60) depth++;
      else if (c === 62 && --depth === 0) return [i + 1, true];
      else if (c === 123 || c === 59) return [i, false];
    }
    return [i, false];
  };

  // `implements A, ns.B<T>, C` / `extends D<{ x: E }>`: names separated by commas, dots and type arguments.
  const readList = (start: number, bases: Set<string>): number => {
    let i = start;
    for (;;) {
      i = skipBlanks(i);
      let [name, end] = wordAt(i);
      if (!name) return i;
      while (text.charCodeAt(end) === 46) [name, end] = wordAt(end + 1);
      if (name) bases.add(name);
      i = skipBlanks(end);
      if (text.charCodeAt(i) === 60) {
        const [after, closed] = skipAngles(i);
        if (!closed) return after;
        i = skipBlanks(after);
      }
      if (text.charCodeAt(i) !== 44) return i;
      i++;
    }
  };
  each("implements", (at) => readList(at + 10, implemented));
  each("extends", (at) => readList(at + 7, extended));

  /** Whether the words before `k` (inclusive) are `export default`. */
  const exportedDefault = (k: number): boolean => {
    const [d, before] = wordEndingAt(k);
    return d === "default" && wordEndingAt(blanksBefore(before + 1))[0] === "export";
  };
  each("interface", (at) => {
    const [name, end] = wordAt(skipBlanks(at + 9));
    if (name) interfaces.add(name);
    if (name && exportedDefault(blanksBefore(at))) defaults.add(name);
    return end;
  });
  each("class", (at) => {
    let [name, i] = wordAt(skipBlanks(at + 5));
    // `export default class implements Named`: no name to stand for.
    if (name === "implements" || name === "extends") return at + 5;
    let k = blanksBefore(at);
    const [before, beforeEnd] = wordEndingAt(k);
    if (before === "abstract") {
      if (name) abstractClasses.add(name);
      k = blanksBefore(beforeEnd + 1);
    }
    if (name && exportedDefault(k)) defaults.add(name);
    // `class A<T> extends B<T> implements C`: whether an `implements` clause follows the name.
    i = skipBlanks(i);
    if (text.charCodeAt(i) === 60) {
      const [after, closed] = skipAngles(i);
      if (!closed) return after;
      i = skipBlanks(after);
    }
    let [word, end] = wordAt(i);
    if (word === "extends") [word, end] = wordAt(skipBlanks(readList(end, new Set())));
    if (word === "implements" && name) implementingClasses.add(name);
    return Math.max(i, end);
  });
  // `export default Llm;` (a declaration exported under the default name after it).
  each("default", (at) => {
    if (!exportedDefault(at + 6)) return at + 7;
    let [name, i] = wordAt(skipBlanks(at + 7));
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const c = text.charCodeAt(i);
    if (name && !["interface", "class", "abstract", "function", "async", "new", "await"].includes(name) && (i >= text.length || c === 59 || c === 10 || c === 13)) defaults.add(name);
    return i;
  });
  // `{ Llm as Model, type Other as O }` of an import or export list.
  each("as", (at) => {
    const [original, before] = wordEndingAt(blanksBefore(at));
    if (!original) return at + 2;
    let k = blanksBefore(before + 1);
    const [typeWord, beforeType] = wordEndingAt(k);
    if (typeWord === "type") k = blanksBefore(beforeType + 1);
    const opener = k >= 0 ? text.charCodeAt(k) : -1;
    const [alias, end] = wordAt(skipBlanks(at + 2));
    const closer = text.charCodeAt(skipBlanks(end));
    if (alias && (opener === 123 || opener === 44) && (closer === 44 || closer === 125)) aliases.set(`${original} ${alias}`, [original, alias]);
    return end;
  });
  // `import Model from "./llm"`, `import type Model, { x } from`: the default export written as Model.
  each("import", (at) => {
    let [name, end] = wordAt(skipBlanks(at + 6));
    if (name === "type") [name, end] = wordAt(skipBlanks(end));
    const i = skipBlanks(end);
    if (name && name !== "type" && (text.charCodeAt(i) === 44 || wordAt(i)[0] === "from")) aliases.set(`default ${name}`, ["default", name]);
    return end;
  });
  return {
    implemented: [...implemented],
    extended: [...extended],
    interfaces: [...interfaces],
    abstractClasses: [...abstractClasses],
    implementingClasses: [...implementingClasses],
    aliases: [...aliases.values()],
    defaults: [...defaults],
  };
}
