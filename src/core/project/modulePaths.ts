// Module resolution for the project's own files: relative specifiers, index files, `.js` written
// for `.ts` sources, and tsconfig `baseUrl`/`paths`. Pure string work over `/`-separated paths; the
// host answers whether a file exists.

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

export interface PathMapping {
  /** Absolute, `/`-separated. */
  readonly baseUrl?: string;
  readonly paths?: Readonly<Record<string, readonly string[]>>;
}

/** What normalizePath changes: a backslash, `//`, a `.` or `..` segment, a trailing slash (fixed tokens: linear). */
const NOT_NORMAL = /\\|\/\/|(?:^|\/)\.\.?(?:\/|$)|\/$/;

export function normalizePath(p: string): string {
  // Most paths are normal already (resolution builds thousands of candidates): answered without splitting.
  if (!NOT_NORMAL.test(p)) return p;
  const slashed = p.replace(/\\/g, "/");
  const absolute = slashed.startsWith("/");
  const drive = /^[A-Za-z]:\//.exec(slashed)?.[0] ?? "";
  const parts: string[] = [];
  for (const seg of slashed.slice(drive.length).split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === ".." && parts.length && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(seg);
  }
  return `${drive}${absolute && !drive ? "/" : ""}${parts.join("/")}`;
}

export function dirname(p: string): string {
  const n = normalizePath(p);
  const i = n.lastIndexOf("/");
  return i <= 0 ? (n.startsWith("/") ? "/" : ".") : n.slice(0, i);
}

export function joinPath(a: string, b: string): string {
  return normalizePath(`${a}/${b}`);
}

/** A specifier resolved from the importer's folder (`./x`, `..`): the only part of the importer it depends on. */
export const isRelative = (specifier: string): boolean => specifier.startsWith("./") || specifier.startsWith("../") || specifier === "." || specifier === "..";

/** The project file a specifier names from `fromFile`, or undefined (a package, or no such file). */
export function resolveModule(specifier: string, fromFile: string, mapping: PathMapping, fileExists: (p: string) => boolean): string | undefined {
  const bases: string[] = [];
  if (isRelative(specifier)) bases.push(joinPath(dirname(fromFile), specifier));
  // An absolute path (a declared type's module, as the project named it): also a drive's (`C:/…`).
  else if (specifier.startsWith("/") || /^[A-Za-z]:[\\/]/.test(specifier)) bases.push(normalizePath(specifier));
  else {
    for (const [pattern, targets] of Object.entries(mapping.paths ?? {})) {
      const star = pattern.indexOf("*");
      const matched = star < 0 ? (specifier === pattern ? "" : undefined) : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) ? specifier.slice(star, specifier.length - (pattern.length - star - 1)) : undefined;
      if (matched === undefined) continue;
      for (const target of targets) bases.push(joinPath(mapping.baseUrl ?? ".", target.replace("*", matched)));
    }
    if (mapping.baseUrl) bases.push(joinPath(mapping.baseUrl, specifier));
  }
  for (const base of bases) {
    const found = candidates(base).find(fileExists);
    if (found) return found;
  }
  return undefined;
}

function candidates(base: string): string[] {
  const out: string[] = [];
  const jsAlias = /\.(m|c)?js$/.exec(base);
  if (jsAlias) out.push(base.replace(/\.(m|c)?js$/, `.${jsAlias[1] ?? ""}ts`), base.replace(/\.js$/, ".tsx"));
  if (EXTENSIONS.some((e) => base.endsWith(e))) out.push(base);
  for (const e of EXTENSIONS) out.push(base + e);
  for (const e of EXTENSIONS) out.push(`${base}/index${e}`);
  return out;
}

/** The module specifiers a file imports, re-exports or requires (a text scan: no parse needed). */
export function importedSpecifiers(text: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*(?:\(\s*)?|\brequire\s*\(\s*)["']([^"'\n]+)["']/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1]!);
  return out;
}

/** What a file takes from one module (see importedNames). */
export interface ImportedNames {
  readonly specifier: string;
  readonly names: readonly string[] | "*";
  readonly types?: readonly string[];
  /** `import type X from`: the last of `types` is the module's default export. */
  readonly defaultType?: true;
}

/**
 * The names a module imports from each specifier (`*` when it takes the module whole); `types`
 * are the names imported as types only (`import type { I }`, `{ type I }`), which matter only when
 * one is an interface that stands for an LLM client.
 */
export function importedNames(text: string): ImportedNames[] {
  const out: ImportedNames[] = [];
  // The text is the scanned repository's: every variable part stops at a delimiter it cannot cross
  // (a brace, a semicolon, a quote, a line end) and no two optional runs of blanks touch, so a
  // failed match costs at most the run it started: the scan stays linear on any text.
  const named = /\bimport\s+(type\s+)?(?:([\w$]+)\s*(?:,\s*)?)?(?:\{([^{}]*)\}\s*)?from\s*["']([^"'\n]+)["']/g;
  const seen = new Set<number>();
  for (let m = named.exec(text); m; m = named.exec(text)) {
    seen.add(m.index);
    const listed = (m[3] ?? "")
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n);
    const firstWord = (n: string): string => n.split(/\s+/)[0]!;
    const types = listed.filter((n) => m![1] || n.startsWith("type ")).map((n) => firstWord(m![1] ? n : n.slice(5).trim()));
    const names = m[1] ? [] : listed.filter((n) => !n.startsWith("type ")).map(firstWord);
    if (m[2]) (m[1] ? types : names).push(m[1] ? m[2] : "default");
    out.push({ specifier: m[4]!, names, ...(types.length ? { types } : {}), ...(m[1] && m[2] ? { defaultType: true as const } : {}) });
  }
  const whole = /(?:\bimport\s*\*\s*as\s+[\w$]+\s*from\s*|\bexport\s+(?:type\s*)?(?:\*(?:\s*as\s+[\w$]+)?|\{[^{};]*\})\s*from\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']([^"'\n]+)["']/g;
  for (let m = whole.exec(text); m; m = whole.exec(text)) if (!seen.has(m.index)) out.push({ specifier: m[1]!, names: "*" });
  return out;
}
