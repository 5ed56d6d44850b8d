// Seeded, deterministic generators of hostile input for the fuzz suite: mutated agent programs,
// pathological files, .gitignore lines and globs, catalogs, baselines, @aalp comments and argv.
// One input is a function of (seed, index) alone, so any failure is reproduced from those two.
import * as fs from "node:fs";
import * as path from "node:path";

export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence everywhere. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (r: Rng, n: number): number => Math.floor(r() * n);
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;

/** Strings that try to break out of each sink: backticks, pipes, HTML, links, newlines, escapes, bidi, prototype names. */
export const HOSTILE = [
  "`", "``", "```", "|", "\\|", "<img src=x onerror=alert(1)>", "</td></tr><tr><td>", "![x](https://e/x.png)", "[link](https://e)",
  "\n| forged | row |", "\r\n", "\u001b]0;title\u0007", "\u001b[2J", "\u0000", "\u202e", "\u2028", "&amp;", "*", "_", "#", "$(whoami)",
  "valueOf", "constructor", "__proto__", "toString", "hasOwnProperty", "${x}", "\\", "'", "\"", "\u00ff\u0100", "\ud83d\ude00", "\ud800",
];

const hostile = (r: Rng): string => Array.from({ length: 1 + int(r, 3) }, () => pick(r, HOSTILE)).join(pick(r, ["", "a", " ", "-"]));

/** A JS string literal's source for `s` (escaped, so the literal's value is exactly `s`). */
const literal = (s: string): string => JSON.stringify(s).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

const AGENT = (model: string, fn: string, bound: string): string => `import OpenAI from "openai";
const client = new OpenAI();
export async function ${fn}(items: string[], ${bound}: number) {
  const messages: { role: "user"; content: string }[] = [];
  for (let i = 0; i < ${bound}; i++) {
    for (const item of items) {
      messages.push({ role: "user", content: item });
      await client.chat.completions.create({ model: ${literal(model)}, max_tokens: 100, messages });
    }
  }
}
`;

let corpus: string[] | undefined;
/** The seed programs: the repository's examples and a hostile agent template. */
function seeds(): string[] {
  if (!corpus) {
    const dir = path.resolve(__dirname, "../../../examples");
    corpus = fs.readdirSync(dir).filter((f) => /\.[jt]s$/.test(f)).sort().map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
  }
  return corpus;
}

const SNIPPETS = [
  "{", "}", "(", ")", "[", "]", ";", "\n", "for (;;) {", "while (x) {", "for (const q of qs) {", "await client.chat.completions.create({ model: m, messages })",
  "messages.push({ role: 'user', content: q });", "// @aalp ignore\n", "// @aalp turns=2O, |q|=abc\n", `// @aalp n=${"9".repeat(400)}\n`, "/* @aalp k <= 5 */",
  "`${", "`", "'", "\"", "/x/", "=>", "async function f(q) {", "function valueOf() {}", "class C { m() {", "x.y.z(", "import x from 'openai';",
  "const constructor = 3;", "for (let i = 0; i < valueOf; i++) {", "\u0000", "\ufeff", "\u2028", "#!/bin/sh\n", "@dec", "<div>", "</div>", "yield*", "?.", "??=",
];

/** A mutated program: a seed with a few insertions, deletions, duplications and line swaps. */
export function mutatedProgram(r: Rng): string {
  let text = r() < 0.5 ? AGENT(hostile(r), pick(r, ["chat", "valueOf", "toString", "constructor", "__proto__", "f$"]), pick(r, ["turns", "valueOf", "constructor", "hasOwnProperty", "n"])) : pick(r, seeds());
  for (let k = 0, n = 1 + int(r, 6); k < n; k++) {
    const at = int(r, text.length + 1);
    switch (int(r, 5)) {
      case 0:
        text = text.slice(0, at) + pick(r, SNIPPETS) + text.slice(at);
        break;
      case 1:
        text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + int(r, 40)));
        break;
      case 2: {
        const piece = text.slice(at, at + int(r, 200));
        text = text.slice(0, at) + piece.repeat(1 + int(r, 4)) + text.slice(at);
        break;
      }
      case 3: {
        const lines = text.split("\n");
        const [i, j] = [int(r, lines.length), int(r, lines.length)];
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        text = lines.join("\n");
        break;
      }
      default:
        text = text.slice(0, at) + literal(hostile(r)) + text.slice(at);
    }
  }
  return text;
}

const PATHOLOGICAL_HEAD = "import OpenAI from 'openai';\nconst ai = new OpenAI();\n";
const PATHOLOGICAL_CALL = "ai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] })";

/**
 * The pathological shapes, each a file made from a size (a depth or a length): the fuzz suite picks
 * one with a random size, and `npm run bench:adversarial` times each at its largest.
 */
export const PATHOLOGICAL_SHAPES: readonly { readonly name: string; readonly make: (size: number, r: Rng) => string }[] = [
  { name: "nested blocks", make: (d) => `${PATHOLOGICAL_HEAD}export async function f(q: string) {${"{".repeat(d)} await ${PATHOLOGICAL_CALL}; ${"}".repeat(d)}}` },
  { name: "nested parentheses", make: (d) => `${PATHOLOGICAL_HEAD}export async function f(q: string) { const x = ${"(".repeat(d)}q${")".repeat(d)}; await ${PATHOLOGICAL_CALL}; }` },
  { name: "string concatenation", make: (d) => `${PATHOLOGICAL_HEAD}export async function f(q: string) { const p = q${" + q".repeat(d)}; await ${PATHOLOGICAL_CALL.replace("content: q", "content: p")}; }` },
  { name: "member chain", make: (d) => `${PATHOLOGICAL_HEAD}export const g = a${".b".repeat(d * 3)};\nexport async function f(q: string) { await ${PATHOLOGICAL_CALL}; }` },
  { name: "2 MB string", make: (_, r) => `${PATHOLOGICAL_HEAD}export async function f(q: string) { const s = "${"x".repeat(200_000 + int(r, 1_500_000))}"; await ${PATHOLOGICAL_CALL}; }` },
  { name: "random bytes (latin1)", make: (_, r) => Buffer.from(Array.from({ length: 1 + int(r, 5000) }, () => int(r, 256))).toString("latin1") },
  { name: "random bytes (utf8)", make: (_, r) => Buffer.from(Array.from({ length: 1 + int(r, 5000) }, () => int(r, 256))).toString("utf8") },
  { name: "function chain", make: (_, r) => `${PATHOLOGICAL_HEAD}${Array.from({ length: 200 + int(r, 800) }, (_, i) => `export async function f${i}(q: string) { return ${i % 50 === 49 ? PATHOLOGICAL_CALL : `f${i + 1}(q)`}; }`).join("\n")}` },
  { name: "nested arrows", make: (d) => `${PATHOLOGICAL_HEAD}export const h = ${"(q) => ".repeat(Math.min(d, 3000))}${PATHOLOGICAL_CALL};` },
  { name: "nested templates", make: (d) => `${PATHOLOGICAL_HEAD}export async function f(q: string) { const t = ${"`${".repeat(Math.min(d, 2000))}q${"}`".repeat(Math.min(d, 2000))}; await ${PATHOLOGICAL_CALL}; }` },
];

/** Deep nesting, long chains, huge lines, binary and badly encoded bytes, each under 2 MB; with its shape's name and size. */
export function pathologicalFile(r: Rng): { readonly text: string; readonly shape: string } {
  const depth = 500 + int(r, 6000);
  const shape = PATHOLOGICAL_SHAPES[int(r, 10)]!;
  return { text: shape.make(depth, r), shape: shape.name };
}

const GLOB_ALPHABET = ["*", "**", "?", "[", "]", "!", "^", "{", "}", ",", "/", "\\", "a", "b", "-", ":", "[:digit:]", "[[:alpha:]]", " ", "\t", ".", "#", "\r"];

export function globPattern(r: Rng): string {
  if (r() < 0.2) return `${"*a".repeat(1 + int(r, 12))}*b`;
  if (r() < 0.2) return Array.from({ length: 1 + int(r, 14) }, () => pick(r, ["**", "x", "*x*", "a"])).join("/");
  return Array.from({ length: 1 + int(r, 20) }, () => pick(r, GLOB_ALPHABET)).join("");
}

export function pathOf(r: Rng): string {
  if (r() < 0.3) return "a".repeat(1 + int(r, 255));
  return Array.from({ length: 1 + int(r, 60) }, () => pick(r, ["a", "b", "x", "aaaa", "{a,b}", "[x]", "1", ".git", "node_modules", "ab".repeat(int(r, 60))])).join("/");
}

/** A JSON value shaped like a catalog or a report, with random fields broken. */
export function mutatedJson(r: Rng, base: unknown): unknown {
  const clone = JSON.parse(JSON.stringify(base)) as unknown;
  const junk = (): unknown => pick(r, [null, 0, -1, 1e308, "", "x", "*a*a*a*b", [], {}, [null], { a: 1 }, true, "__proto__", HOSTILE[int(r, HOSTILE.length)]]);
  const walk = (v: unknown, depth: number): unknown => {
    if (r() < 0.08 + depth * 0.02) return junk();
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (v && typeof v === "object") {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (r() > 0.05) o[k] = walk(x, depth + 1);
      if (r() < 0.05) o[pick(r, ["extra", "constructor", "__proto__", "valueOf"])] = junk();
      return o;
    }
    return v;
  };
  return walk(clone, 0);
}

export function annotationText(r: Rng): string {
  const items = Array.from({ length: 1 + int(r, 5) }, () =>
    pick(r, [`n=${int(r, 100)}`, "questions=2O", "|q|=abc", `x=${"9".repeat(1 + int(r, 500))}`, "turns <= 20", "n ≤ 5", "|q| = 3", "ignore", "=", "a==b", "|", "||=3", `${" ".repeat(int(r, 5000))}`, hostile(r), "m[gpt-4.1]=2", "valueOf=3"]),
  );
  const body = items.join(pick(r, [", ", " ", ",", "  "]));
  return pick(r, [`// @aalp ${body}\n`, `/* @aalp ${body} */`, `/**\n * @aalp ${body}\n */`, `const s = "// @aalp ${body.replace(/["\\\n]/g, "")}";\n`]);
}

const FLAGS = ["--format", "--out", "--assume", "--scale", "--baseline", "--fail-on", "--allow-skipped", "--include", "--exclude", "--catalog", "--wrapper", "--project", "--types", "--workers", "--fixes", "--file-budget", "--run-budget", "--quiet", "-h", "--help", "--version", "--", "--bogus", "-x"];
const VALUES = ["", "-h", "json", "sarif", "yaml", "|q|=300", "turns=2O", "n=1e9", "x", "0", "-1", "99999", "auto", "increase", "new-quadratic,unbounded", "[z-a]", "{a,b", "true", "false", "=", "a=b=c", "9".repeat(400)];

export function argv(r: Rng): string[] {
  const out = ["report"];
  for (let i = 0, n = int(r, 8); i < n; i++) {
    const f = pick(r, FLAGS);
    out.push(r() < 0.3 ? `${f}=${pick(r, VALUES)}` : f);
    if (r() < 0.6) out.push(pick(r, VALUES));
  }
  return r() < 0.1 ? out.slice(1) : out;
}
