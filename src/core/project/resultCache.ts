// Per-file results kept across runs (`aalp report --cache DIR`; later the editor's storage). A
// file's key digests the engine, the settings that change results, the file's text and, through
// its imports, the text of every module that can reach an LLM (a Merkle hash over the import
// graph, one per strongly connected component): editing a wrapper changes the key of every file
// that imports it, directly or not, and nothing else's. Files that reach no LLM are not stored:
// the import scan that decides that is also what a lookup would cost.
//
// The core keeps no files: the front end gives a storage of bytes by key and a digest function
// (SHA-256 in the CLI). An entry is checked before use (format, key, file, a digest of its body,
// and the caller's shape check); anything else is a miss, never an error. JSON writes NaN, ±Infinity
// and -0 as null or 0 (a site whose bound is unknown has NaN estimates): the header lists where
// they were, so that the value read is the one stored.
import type { ModuleNode, Project } from "./project";

/** Where entries live: bytes by key (a hex digest). `get` answers undefined for anything it cannot read. */
export interface ResultStorage {
  get(key: string): Uint8Array | undefined;
  put(key: string, bytes: Uint8Array): void;
}

export interface ResultCacheOptions<T> {
  readonly storage: ResultStorage;
  /** A collision-resistant digest as lowercase hex (SHA-256): a key decides which result is reused. */
  readonly digest: (text: string) => string;
  /** The engine's identity: any change of the analysis must change it. */
  readonly engine: string;
  /** Everything else a result depends on (options, assumptions, catalog, how paths are shown), as text. */
  readonly settings: string;
  /** Whether a stored value has the shape of a result for `file` (a foreign or forged entry has not). */
  readonly accept: (value: unknown, file: string) => value is T;
  /** Whether a fresh result may be stored (a time budget's verdict depends on the machine's load). */
  readonly keep?: (value: T) => boolean;
}

/** Bumped when the entry layout or the key's recipe changes. */
const FORMAT = "aalp-result-cache/2";

interface EntryHeader {
  readonly format: string;
  readonly key: string;
  readonly file: string;
  /** Digest of the body (the value's JSON). */
  readonly body: string;
  /** The numbers JSON does not write as themselves, each at its path from the value (null in the body; 0 for -0). */
  readonly numbers?: readonly NumberAt[];
}

type NumberAt = readonly [path: readonly (string | number)[], value: "NaN" | "Infinity" | "-Infinity" | "-0"];

/** Where a value (plain data, as JSON writes it) holds NaN, ±Infinity or -0. */
function unwrittenNumbers(value: unknown, path: (string | number)[] = [], out: NumberAt[] = []): NumberAt[] {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || Object.is(value, -0)) out.push([[...path], Object.is(value, -0) ? "-0" : (String(value) as NumberAt[1])]);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      path.push(i);
      unwrittenNumbers(v, path, out);
      path.pop();
    });
  } else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      path.push(k);
      unwrittenNumbers(v, path, out);
      path.pop();
    }
  }
  return out;
}

const NUMBERS: Readonly<Record<string, number>> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity, "-0": -0 };

/** Puts the listed numbers back where JSON wrote them; throws on a path where the body holds something else. */
function restoreNumbers(value: unknown, numbers: unknown): void {
  if (numbers === undefined) return;
  if (!Array.isArray(numbers)) throw new Error("bad numbers");
  for (const entry of numbers as unknown[]) {
    const [path, text] = Array.isArray(entry) && entry.length === 2 ? (entry as [unknown, unknown]) : [];
    if (!Array.isArray(path) || path.length === 0 || typeof text !== "string" || !Object.hasOwn(NUMBERS, text)) throw new Error("bad number");
    let holder: unknown = value;
    for (const step of path.slice(0, -1)) holder = stepInto(holder, step);
    const last: unknown = path[path.length - 1];
    // JSON writes -0 as 0 and the others as null.
    if (stepInto(holder, last) !== (text === "-0" ? 0 : null)) throw new Error("not written there");
    Object.defineProperty(holder, last as string | number, { value: NUMBERS[text], writable: true, enumerable: true, configurable: true });
  }
}

function stepInto(holder: unknown, step: unknown): unknown {
  const ok = Array.isArray(holder) ? typeof step === "number" && Number.isInteger(step) && step >= 0 && step < holder.length : typeof holder === "object" && holder !== null && typeof step === "string" && Object.hasOwn(holder, step);
  if (!ok) throw new Error("no such path");
  return (holder as Record<string | number, unknown>)[step as string | number];
}

export class ResultCache<T> {
  /** Per lookup: read from the cache, analysed and stored, or not cacheable (reaches no LLM, or not kept). */
  readonly stats = { hits: 0, stored: 0, uncached: 0, rejected: 0 };
  /** Import-graph hash of each file that reaches an LLM (see componentHashes). */
  private readonly graphHashes = new Map<string, string>();
  private readonly textDigests = new Map<string, string>();
  private readonly nodes = new Map<string, ModuleNode | undefined>();
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  constructor(
    private readonly project: Project,
    private readonly options: ResultCacheOptions<T>,
  ) {}

  /** The file's result from the cache when its key matches, else `compute()`'s (stored when it can be reused). */
  cached(file: string, compute: () => T): T {
    const key = this.keyOf(file);
    if (key === undefined) {
      this.stats.uncached++;
      return compute();
    }
    const found = this.read(key, file);
    if (found !== undefined) {
      this.stats.hits++;
      return found.value;
    }
    const value = compute();
    if (this.options.keep && !this.options.keep(value)) {
      this.stats.uncached++;
      return value;
    }
    this.write(key, file, value);
    this.stats.stored++;
    return value;
  }

  /** The key of a file's result, or undefined when the file reaches no LLM (or cannot be read). */
  keyOf(file: string): string | undefined {
    const node = this.node(file);
    if (!node?.reachesLlm) return undefined;
    const graph = this.graphHash(node.file);
    return this.options.digest([FORMAT, this.options.engine, this.options.settings, file, graph].join("\u0000"));
  }

  private read(key: string, file: string): { value: T } | undefined {
    let bytes: Uint8Array | undefined;
    try {
      bytes = this.options.storage.get(key);
    } catch {
      bytes = undefined;
    }
    if (bytes === undefined) return undefined;
    try {
      const text = this.decoder.decode(bytes);
      const cut = text.indexOf("\n");
      if (cut < 0) throw new Error("no header");
      const header = JSON.parse(text.slice(0, cut)) as Partial<EntryHeader> | null;
      const body = text.slice(cut + 1);
      if (header?.format !== FORMAT || header.key !== key || header.file !== file || header.body !== this.options.digest(body)) throw new Error("not this entry");
      const value: unknown = JSON.parse(body);
      restoreNumbers(value, header.numbers);
      if (!this.options.accept(value, file)) throw new Error("not a result");
      return { value };
    } catch {
      this.stats.rejected++;
      return undefined;
    }
  }

  private write(key: string, file: string, value: T): void {
    const body = JSON.stringify(value);
    const numbers = unwrittenNumbers(value);
    const header: EntryHeader = { format: FORMAT, key, file, body: this.options.digest(body), ...(numbers.length ? { numbers } : {}) };
    try {
      this.options.storage.put(key, this.encoder.encode(`${JSON.stringify(header)}\n${body}`));
    } catch {
      // A cache that cannot be written costs the next run time, not this run its result.
    }
  }

  private node(file: string): ModuleNode | undefined {
    if (!this.nodes.has(file)) this.nodes.set(file, this.project.moduleNode(file));
    return this.nodes.get(file);
  }

  private textDigest(file: string, text: string): string {
    let d = this.textDigests.get(file);
    if (d === undefined) this.textDigests.set(file, (d = this.options.digest(text)));
    return d;
  }

  /**
   * The import-graph hash of a file that reaches an LLM: its component's members (path, text
   * digest, each import's specifier and resolution) and the hashes of the components it imports,
   * those that reach no LLM too (a result reads their constants, loop guards and converters).
   * Tarjan's algorithm without recursion (an import chain can be as long as the project).
   */
  private graphHash(root: string): string {
    const known = this.graphHashes.get(root);
    if (known !== undefined) return known;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const work: { file: string; targets: string[]; next: number }[] = [];
    const enter = (file: string): void => {
      index.set(file, index.size);
      low.set(file, index.get(file)!);
      stack.push(file);
      onStack.add(file);
      const node = this.node(file)!;
      work.push({ file, targets: node.imports.flatMap((i) => (i.target !== null && this.node(i.target) ? [i.target] : [])), next: 0 });
    };
    enter(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      if (top.next < top.targets.length) {
        const t = top.targets[top.next++]!;
        if (this.graphHashes.has(t)) continue;
        if (!index.has(t)) enter(t);
        else if (onStack.has(t)) low.set(top.file, Math.min(low.get(top.file)!, index.get(t)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.file, Math.min(low.get(parent.file)!, low.get(top.file)!));
      if (low.get(top.file) !== index.get(top.file)) continue;
      const members: string[] = [];
      for (let m: string | undefined; m !== top.file; ) {
        m = stack.pop()!;
        onStack.delete(m);
        members.push(m);
      }
      this.sealComponent(members);
    }
    return this.graphHashes.get(root)!;
  }

  /** Hashes a strongly connected component whose imports outside it are all hashed already. */
  private sealComponent(members: string[]): void {
    const inside = new Set(members);
    const parts: string[] = [];
    for (const file of members.sort()) {
      const node = this.node(file)!;
      parts.push(file, this.textDigest(file, node.text), String(node.imports.length));
      for (const { specifier, target } of node.imports) {
        const edge = target === null ? "" : inside.has(target) ? "=" : (this.graphHashes.get(target) ?? "-");
        parts.push(specifier, target ?? "", edge);
      }
    }
    const component = this.options.digest(parts.join("\u0000"));
    for (const file of members) this.graphHashes.set(file, this.options.digest(`${component}\u0000${file}`));
  }
}
