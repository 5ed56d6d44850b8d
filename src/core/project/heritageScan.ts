// A text scan (no parse) of the names a module's classes inherit from (`implements A, B`,
// `extends C`) and of the interfaces and abstract classes it declares: what the project's
// implementations index is built from, once per file, before anything is parsed. A name here is
// only a candidate; the parse of the few files that name an interface asked about decides.

export interface HeritageNames {
  /** Names after `implements` (the last part of `ns.Name`), each once. */
  readonly implemented: readonly string[];
  /** Names after `extends`, each once: matched only with abstract classes (an interface's `extends` names interfaces). */
  readonly extended: readonly string[];
  /** Names after `interface`. */
  readonly interfaces: readonly string[];
  /** Names after `abstract class`. */
  readonly abstractClasses: readonly string[];
}

const isIdentifierChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * One pass over the text: each keyword is found by indexOf and what follows it read forward; the
 * next search starts past what was read, so no character is read twice (linear on any text).
 */
export function heritageNames(text: string): HeritageNames {
  const implemented = new Set<string>();
  const extended = new Set<string>();
  const interfaces = new Set<string>();
  const abstractClasses = new Set<string>();
  const wordAt = (i: number): [string, number] => {
    let j = i;
    while (j < text.length && isIdentifierChar(text.charCodeAt(j))) j++;
    return [text.slice(i, j), j];
  };
  const skipBlanks = (i: number): number => {
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    return i;
  };
  const standsAlone = (at: number, word: string): boolean => (at === 0 || !isIdentifierChar(text.charCodeAt(at - 1))) && !isIdentifierChar(text.charCodeAt(at + word.length));

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
        // Type arguments: skipped to their closing `>`, stopping at a body or statement end.
        let depth = 0;
        for (; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c === 60) depth++;
          else if (c === 62 && --depth === 0) break;
          else if (c === 123 || c === 59) return i;
        }
        i = skipBlanks(i + 1);
      }
      if (text.charCodeAt(i) !== 44) return i;
      i++;
    }
  };
  for (const keyword of ["implements", "extends"]) {
    for (let at = text.indexOf(keyword); at >= 0; ) {
      const next = standsAlone(at, keyword) ? readList(at + keyword.length, keyword === "implements" ? implemented : extended) : at + keyword.length;
      at = text.indexOf(keyword, Math.max(next, at + keyword.length));
    }
  }
  for (const keyword of ["interface", "class"]) {
    for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + keyword.length)) {
      if (!standsAlone(at, keyword)) continue;
      if (keyword === "class") {
        // Only `abstract class`: a concrete class's own methods answer for it.
        let k = at - 1;
        while (k >= 0 && isBlank(text.charCodeAt(k))) k--;
        if (k < 7 || text.slice(k - 7, k + 1) !== "abstract" || (k >= 8 && isIdentifierChar(text.charCodeAt(k - 8)))) continue;
      }
      const [name] = wordAt(skipBlanks(at + keyword.length));
      if (name) (keyword === "class" ? abstractClasses : interfaces).add(name);
    }
  }
  return { implemented: [...implemented], extended: [...extended], interfaces: [...interfaces], abstractClasses: [...abstractClasses] };
}
