// Glob matching that no pattern or path can make slow: a pattern is compiled to tokens and run as a
// set of states over the path (Thompson's construction), so a match costs at most pattern length ×
// path length steps. The libraries we tried (picomatch for globs, ignore for .gitignore) compile to
// V8's backtracking regular expressions: picomatch's `*a*a*a*a*a*a*b` against a name of 250 `a`s
// and ignore's line `**/x/**/x/**/x/**/x/**/x/**/b` against a 60-folder path each ran for seconds
// to minutes. The syntax is git's wildmatch (what `.gitignore` uses): `?`, `*` and classes never
// match `/`; `**` is "any folders" only as a whole path segment, elsewhere it is `*`; `\` quotes.

export class PatternError extends Error {}

interface Class {
  readonly negated: boolean;
  readonly ranges: readonly (readonly [number, number])[];
  readonly named: readonly ((c: number) => boolean)[];
}

type Token =
  | { readonly kind: "char"; readonly c: string }
  | { readonly kind: "one" }
  | { readonly kind: "star" }
  | { readonly kind: "class"; readonly cls: Class }
  /** `**​/`: zero or more whole folders. */
  | { readonly kind: "dirs" }
  /** A trailing `**`: anything. */
  | { readonly kind: "rest" };

const between = (lo: number, hi: number) => (c: number) => c >= lo && c <= hi;
const POSIX: ReadonlyMap<string, (c: number) => boolean> = new Map([
  ["alnum", (c: number) => between(48, 57)(c) || between(65, 90)(c) || between(97, 122)(c)],
  ["alpha", (c: number) => between(65, 90)(c) || between(97, 122)(c)],
  ["blank", (c: number) => c === 32 || c === 9],
  ["cntrl", (c: number) => c < 32 || c === 127],
  ["digit", between(48, 57)],
  ["graph", between(33, 126)],
  ["lower", between(97, 122)],
  ["print", between(32, 126)],
  ["punct", (c: number) => between(33, 47)(c) || between(58, 64)(c) || between(91, 96)(c) || between(123, 126)(c)],
  ["space", (c: number) => c === 32 || between(9, 13)(c)],
  ["upper", between(65, 90)],
  ["xdigit", (c: number) => between(48, 57)(c) || between(65, 70)(c) || between(97, 102)(c)],
]);

/**
 * Compiles a pattern. `strict` (command-line globs): a pattern git would accept but that matches
 * nothing by mistake (an unclosed `[`, a range `[z-a]`, an unknown `[:class:]`, a trailing `\`) is
 * a PatternError. Otherwise (.gitignore lines) such a pattern matches nothing, as in git.
 */
export function compilePattern(pattern: string, strict: boolean): Pattern {
  const tokens: Token[] = [];
  const invalid = (why: string): Pattern => {
    if (strict) throw new PatternError(why);
    return NEVER;
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      if (i + 1 === pattern.length) return invalid("it ends with a lone backslash");
      tokens.push({ kind: "char", c: pattern[++i]! });
    } else if (c === "?") tokens.push({ kind: "one" });
    else if (c === "*") {
      let j = i;
      while (pattern[j + 1] === "*") j++;
      const whole = j > i && (i === 0 || pattern[i - 1] === "/") && (j + 1 === pattern.length || pattern[j + 1] === "/");
      const last = tokens[tokens.length - 1];
      if (whole && j + 1 === pattern.length) {
        // `a/**` is `a/` and anything; a lone `**` is anything.
        tokens.push({ kind: "rest" });
      } else if (whole) {
        if (last?.kind !== "dirs") tokens.push({ kind: "dirs" });
        j++;
      } else if (last?.kind !== "star") tokens.push({ kind: "star" });
      i = j;
    } else if (c === "[") {
      const parsed = parseClass(pattern, i, strict);
      if (parsed === "never") return NEVER;
      tokens.push({ kind: "class", cls: parsed.cls });
      i = parsed.end;
    } else tokens.push({ kind: "char", c });
  }
  return new Pattern(tokens);
}

/** A class from the `[` at `start` to its `]` (git's rules: a `]` first is a member, `!` or `^` negates). */
function parseClass(p: string, start: number, strict: boolean): { cls: Class; end: number } | "never" {
  let i = start + 1;
  const negated = p[i] === "!" || p[i] === "^";
  if (negated) i++;
  const ranges: [number, number][] = [];
  const named: ((c: number) => boolean)[] = [];
  let prev: number | undefined;
  for (let first = true; first || p[i] !== "]"; first = false, i++) {
    if (i >= p.length) {
      if (strict) throw new PatternError("a `[` is not closed");
      return "never";
    }
    let c = p[i]!;
    if (c === "\\") {
      if (++i >= p.length) continue;
      c = p[i]!;
    } else if (c === "-" && prev !== undefined && i + 1 < p.length && p[i + 1] !== "]") {
      let hi = p[++i]!;
      if (hi === "\\" && i + 1 < p.length) hi = p[++i]!;
      const lo = prev;
      if (strict && hi.charCodeAt(0) < lo) throw new PatternError(`the range ${String.fromCharCode(lo)}-${hi} is empty`);
      ranges.pop();
      ranges.push([lo, hi.charCodeAt(0)]);
      prev = undefined;
      continue;
    } else if (c === "[" && p[i + 1] === ":") {
      const close = p.indexOf("]", i + 2);
      if (close < 0) {
        if (strict) throw new PatternError("a `[` is not closed");
        return "never";
      }
      if (p[close - 1] === ":" && close - 1 > i + 1) {
        const test = POSIX.get(p.slice(i + 2, close - 1));
        if (!test) {
          if (strict) throw new PatternError(`unknown class ${p.slice(i, close + 1)}`);
          return "never";
        }
        named.push(test);
        prev = undefined;
        i = close;
        continue;
      }
    }
    prev = c.charCodeAt(0);
    ranges.push([prev, prev]);
  }
  return { cls: { negated, ranges, named }, end: i };
}

function inClass(cls: Class, c: number): boolean {
  const member = cls.ranges.some(([lo, hi]) => c >= lo && c <= hi) || cls.named.some((t) => t(c));
  return member !== cls.negated;
}

export class Pattern {
  /** The path it matches when it has no wildcard (compared as a string). */
  private readonly literal: string | undefined;

  /** The characters a match must start and end with (the tokens before the first wildcard and after the last). */
  private readonly prefix: string;
  private readonly suffix: string;
  /** The states' sets, made once: a walk asks every pattern of its .gitignore files about every path. */
  private readonly sets: Uint8Array[];

  constructor(private readonly tokens: readonly Token[] | null) {
    this.literal = tokens?.every((t) => t.kind === "char") ? tokens.map((t) => (t as { c: string }).c).join("") : undefined;
    const chars = (from: readonly Token[]): string => {
      let out = "";
      for (const t of from) {
        if (t.kind !== "char") break;
        out += t.c;
      }
      return out;
    };
    this.prefix = tokens ? chars(tokens) : "";
    this.suffix = tokens ? [...chars([...tokens].reverse())].reverse().join("") : "";
    const m = tokens?.length ?? 0;
    this.sets = [0, 1, 2, 3].map(() => new Uint8Array(m + 1));
  }

  matches(path: string): boolean {
    const tokens = this.tokens;
    if (!tokens) return false;
    if (this.literal !== undefined) return path === this.literal;
    if (!path.startsWith(this.prefix) || !path.endsWith(this.suffix)) return false;
    const m = tokens.length;
    // at[i]: before token i; inside[i]: within a folder name that a `**/` (token i) is skipping.
    let [at, inside, nextAt, nextInside] = this.sets as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    at.fill(0);
    inside.fill(0);
    const close = (set: Uint8Array): void => {
      for (let i = 0; i < m; i++) {
        const k = tokens[i]!.kind;
        if (set[i] && (k === "star" || k === "dirs" || k === "rest")) set[i + 1] = 1;
      }
    };
    at[0] = 1;
    close(at);
    for (let p = 0; p < path.length; p++) {
      const c = path[p]!;
      const slash = c === "/";
      nextAt.fill(0);
      nextInside.fill(0);
      let alive = false;
      for (let i = 0; i < m; i++) {
        const t = tokens[i]!;
        if (inside[i]) {
          if (slash) nextAt[i] = 1;
          else nextInside[i] = 1;
          alive = true;
        }
        if (!at[i]) continue;
        switch (t.kind) {
          case "char":
            if (c === t.c) (nextAt[i + 1] = 1), (alive = true);
            break;
          case "one":
            if (!slash) (nextAt[i + 1] = 1), (alive = true);
            break;
          case "class":
            if (!slash && inClass(t.cls, c.charCodeAt(0))) (nextAt[i + 1] = 1), (alive = true);
            break;
          case "star":
            if (!slash) (nextAt[i] = 1), (alive = true);
            break;
          case "rest":
            nextAt[i] = 1;
            alive = true;
            break;
          case "dirs":
            if (slash) nextAt[i] = 1;
            else nextInside[i] = 1;
            alive = true;
        }
      }
      if (!alive) return false;
      close(nextAt);
      [at, nextAt] = [nextAt, at];
      [inside, nextInside] = [nextInside, inside];
    }
    return at[m] === 1;
  }
}

const NEVER = new Pattern(null);

/** Maximum alternatives one glob's braces may expand to. */
const MAX_ALTERNATIVES = 1024;

/** `{a,b}` alternatives (nested), for command-line globs; `\{` is a literal brace. */
export function expandBraces(glob: string): string[] {
  const open = findBrace(glob);
  if (open < 0) return [glob];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < glob.length && close < 0; i++) {
    const c = glob[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) close = i;
    else if (c === "," && depth === 1) commas.push(i);
  }
  if (close < 0) throw new PatternError("a `{` is not closed");
  const bounds = [open, ...commas, close];
  const head = glob.slice(0, open);
  const tails = expandBraces(glob.slice(close + 1));
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    for (const middle of expandBraces(glob.slice(bounds[k]! + 1, bounds[k + 1]))) {
      for (const tail of tails) {
        out.push(head + middle + tail);
        if (out.length > MAX_ALTERNATIVES) throw new PatternError(`its braces expand to more than ${MAX_ALTERNATIVES} patterns`);
      }
    }
  }
  return out;
}

function findBrace(s: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === "{") return i;
  }
  return -1;
}
