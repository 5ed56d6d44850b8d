// Incremental advice (what the tsserver plugin answers after an edit) must equal a whole-file
// analysis of the same version, for every edit. The versions come from a language service that
// parses incrementally, as tsserver does, so the old tree's nodes are reused and moved under it.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { DEFAULT_ADVICE_SETTINGS, type Advice } from "../../../src/core/advice";
import { analyzeDocument, Project, type AdviceSnapshot } from "../../../src/core";
import { formatBound } from "../../../src/core/algebra/bound";
import { collectUntil } from "../../support/collectGarbage";
import { visible } from "../findingView";

const EXAMPLES = path.resolve(__dirname, "../../../../examples");

/** A file edited in place, served to a language service with the change range of each edit. */
class EditedFile {
  private version = 0;
  private snapshot: ts.IScriptSnapshot;
  readonly service: ts.LanguageService;

  /** `others`: more files by absolute path (modules it imports, stub packages), never edited. */
  constructor(
    readonly fileName: string,
    private text: string,
    others: Readonly<Record<string, string>> = {},
  ) {
    this.snapshot = ts.ScriptSnapshot.fromString(text);
    const read = (f: string): string | undefined => (f === fileName ? this.text : (others[f] ?? ts.sys.readFile(f)));
    const host: ts.LanguageServiceHost = {
      getScriptFileNames: () => [fileName, ...Object.keys(others).filter((f) => /\.[jt]s$/.test(f) && !f.includes("node_modules"))],
      getScriptVersion: (f) => (f === fileName ? String(this.version) : "0"),
      getScriptSnapshot: (f) => (f === fileName ? this.snapshot : read(f) === undefined ? undefined : ts.ScriptSnapshot.fromString(read(f)!)),
      getCurrentDirectory: () => path.dirname(fileName),
      // No DOM: the checker of each new version resolves less.
      getCompilationSettings: () => ({ target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, lib: ["lib.es2022.d.ts"], strict: true, noEmit: true, types: [], allowJs: true }),
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: (f) => f === fileName || f in others || ts.sys.fileExists(f),
      readFile: read,
    };
    this.service = ts.createLanguageService(host, ts.createDocumentRegistry());
  }

  get current(): string {
    return this.text;
  }

  replace(start: number, end: number, insert: string): void {
    const previous = this.snapshot;
    const next = this.text.slice(0, start) + insert + this.text.slice(end);
    const range = ts.createTextChangeRange(ts.createTextSpan(start, end - start), insert.length);
    const snapshot = ts.ScriptSnapshot.fromString(next);
    snapshot.getChangeRange = (old) => (old === previous ? range : undefined);
    this.text = next;
    this.snapshot = snapshot;
    this.version++;
  }
}

function programProject(file: EditedFile): { project: Project; sourceFile: ts.SourceFile } {
  const program = file.service.getProgram()!;
  const project = new Project(ts, { readFile: (p) => program.getSourceFile(p)?.text ?? ts.sys.readFile(p), fileExists: (p) => !!program.getSourceFile(p) || ts.sys.fileExists(p) }, { program });
  return { project, sourceFile: program.getSourceFile(file.fileName)! };
}

/** The plugin's request: the core entry's incremental mode over the program's version of the file. */
function adviceOf(file: EditedFile, previous?: AdviceSnapshot): AdviceSnapshot | undefined {
  const { project, sourceFile } = programProject(file);
  return analyzeDocument(ts, project, file.fileName, { advice: DEFAULT_ADVICE_SETTINGS, incremental: { sourceFile, ...(previous ? { previous } : {}) } }).snapshot;
}

/** Everything an editor shows of the advice, and all of the finding a quick fix or hover starts from. */
function shown(advice: readonly Advice[]): unknown[] {
  return advice.map((a) => ({ code: a.code, severity: a.severity, message: a.message, related: a.related, start: a.start, end: a.end, finding: visible(a.finding) }));
}

/** A small seeded generator: the same edits on every run. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** One random edit of the kinds people make: type in a line, break a line, drop or copy a line, change a number. */
function edit(file: EditedFile, pick: (n: number) => number): string {
  const text = file.current;
  const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
  const line = pick(starts.length - 1);
  const start = starts[line]!;
  const end = starts[line + 1] ?? text.length;
  const lineText = text.slice(start, end);
  switch (pick(6)) {
    case 0: {
      const at = start + pick(Math.max(1, lineText.length - 1));
      file.replace(at, at, "x");
      return `typed x at line ${line + 1}`;
    }
    case 1:
      file.replace(start, start, "\n");
      return `new line before ${line + 1}`;
    case 2:
      file.replace(start, end, "");
      return `deleted line ${line + 1}`;
    case 3:
      file.replace(end, end, lineText.endsWith("\n") ? lineText : `\n${lineText}`);
      return `copied line ${line + 1}`;
    case 4: {
      const digit = /\d/.exec(lineText);
      if (!digit) return edit(file, pick);
      file.replace(start + digit.index, start + digit.index + 1, String((Number(digit[0]) + 1) % 10));
      return `changed a digit at line ${line + 1}`;
    }
    default: {
      // An edit inside a comment or between functions: nothing the analysis reads.
      file.replace(start, start, "// note\n");
      return `comment before line ${line + 1}`;
    }
  }
}

describe("incremental advice", function () {
  this.timeout(120_000);

  for (const name of fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".ts"))) {
    it(`the entry's two modes give the same advice (the plugin's, the CLI's and the worker's): ${name}`, () => {
      const file = new EditedFile(path.join(EXAMPLES, name), fs.readFileSync(path.join(EXAMPLES, name), "utf8"));
      const { project, sourceFile } = programProject(file);
      const whole = analyzeDocument(ts, project, file.fileName, { advice: DEFAULT_ADVICE_SETTINGS });
      const incremental = analyzeDocument(ts, project, file.fileName, { advice: DEFAULT_ADVICE_SETTINGS, incremental: { sourceFile } });
      assert.deepEqual(shown(incremental.advice), shown(whole.advice));
    });

    it(`equals a whole-file analysis after each of 15 random edits: ${name}`, () => {
      const file = new EditedFile(path.join(EXAMPLES, name), fs.readFileSync(path.join(EXAMPLES, name), "utf8"));
      const pick = random(name.length * 7919);
      let snapshot = adviceOf(file);
      for (let i = 0; i < 15; i++) {
        const what = edit(file, pick);
        const next = adviceOf(file, snapshot);
        const whole = adviceOf(file);
        assert.deepEqual(shown(next?.advice ?? []), shown(whole?.advice ?? []), `after edit ${i + 1} (${what}) of ${name}`);
        snapshot = next;
      }
    });
  }

  // Packages as types only: type-aware mode tells the clients apart by them.
  const STUBS = {
    "/virtual/node_modules/openai/package.json": `{ "name": "openai", "types": "index.d.ts" }`,
    "/virtual/node_modules/openai/index.d.ts": "export default class OpenAI { chat: { completions: { create(body: any): Promise<any> } }; }",
    "/virtual/node_modules/@anthropic-ai/sdk/package.json": `{ "name": "@anthropic-ai/sdk", "types": "index.d.ts" }`,
    "/virtual/node_modules/@anthropic-ai/sdk/index.d.ts": "export default class Anthropic { messages: { create(body: any): Promise<any> }; chat: { completions: { create(body: any): Promise<any> } }; }",
  };

  /** Cases a reviewer found where kept advice once differed from a whole-file analysis. */
  const CASES: { name: string; file: string; text: string; others?: Record<string, string>; edits: [string, string][] }[] = [
    {
      name: "a symbol name another function also defines takes the finding's own definition",
      file: "/virtual/a.ts",
      text: `import OpenAI from "openai";
const client = new OpenAI();
export async function summarize(text: string) {
  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: text }] });
}
export async function answerAll(texts: string[], question: string) {
  const out = [];
  for (const text of texts) out.push(await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: \`\${question}\\n\${text}\` }] }));
  return out;
}
`,
      edits: [["content: `", "content: `Q: "]],
    },
    {
      name: "functions calling each other: the answer does not depend on which was summarised first",
      file: "/virtual/a.ts",
      text: `import OpenAI from "openai";
const client = new OpenAI();
async function f(n: number, text: string): Promise<string> {
  if (n <= 0) return text;
  return g(n - 1, text);
}
async function g(n: number, text: string): Promise<string> {
  const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: [{ role: "user", content: text }] });
  return f(n - 1, r.choices[0].message.content ?? "");
}
export async function viaF(docs: string[]) {
  for (const d of docs) await f(3, d);
}
`,
      edits: [["f(3, d)", "f(4, d)"]],
    },
    {
      name: "a summary that comes back through an import cycle",
      file: "/virtual/a.ts",
      text: `import OpenAI from "openai";
import { viaB } from "./b";
const client = new OpenAI();
export async function inner(q: string) {
  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });
}
export async function outer(qs: string[]) {
  for (const q of qs) await viaB(q);
}
`,
      others: { "/virtual/b.ts": `import { inner } from "./a";\nexport async function viaB(q: string) {\n  return inner(q);\n}\n` },
      edits: [["  return client.chat", '  for (const w of q.split(" ")) await client.chat']],
    },
    {
      name: "a client's type that comes back through an import cycle",
      file: "/virtual/a.ts",
      text: `import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";
import { make } from "./b";
export const config = { client: new OpenAI() };
export async function run(qs: string[]) {
  const c = make();
  for (const q of qs) await c.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });
}
`,
      others: { "/virtual/b.ts": `import { config } from "./a";\nexport function make() { return config.client; }\n` },
      edits: [["{ client: new OpenAI() }", "{ client: new Anthropic() }"]],
    },
    {
      name: "a var declared in a top-level block",
      file: "/virtual/a.ts",
      text: `import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";
try {
  var client = new OpenAI();
} catch {}
export async function run(qs: string[]) {
  for (const q of qs) await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });
}
`,
      edits: [["new OpenAI()", "new Anthropic()"], ["new Anthropic()", "new OpenAI()"]],
    },
    {
      name: "a JSDoc @typedef a JavaScript function's parameter uses",
      file: "/virtual/a.js",
      text: `const other = 1;
/** @typedef {import("openai").default} Client */
const unrelated = 2;
/** @param {Client} c @param {string[]} qs */
async function run(c, qs) {
  for (const q of qs) await c.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });
}
module.exports = { run };
`,
      edits: [['import("openai")', 'import("@anthropic-ai/sdk")']],
    },
    {
      name: "an @aalp bound after the last statement that moves down a line",
      file: "/virtual/a.ts",
      text: `import OpenAI from "openai";
const client = new OpenAI();
export async function run(docs: string[]) {
  for (const d of docs) await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: d }] });
}
export function other() {
  return 1;
}
// @aalp |docs| <= 50
`,
      edits: [["  return 1;", "  const x = 2;\n  return 1;"]],
    },
  ];

  CASES.push({
    name: "statements that share a line: renumbered only when both moved alike",
    file: "/virtual/a.ts",
    text: `import OpenAI from "openai";
const client = new OpenAI();
export function format(rows: string[]) { return rows.join(""); } export async function loop(q: string) { while (true) { const r = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }); if (r) break; } }
export async function after(qs: string[]) {
  for (const q of qs) while (q) await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });
}
`,
    edits: [
      ["export function format", "\nexport function format"],
      ["rows.join(\"\")", "rows.join(\"-\")"],
      ["{ return rows", "{\n  return rows"],
      ["export async function after", "\nexport async function after"],
    ],
  });

  // A second reader's cases against renumbering: statements that change places, symbols from
  // another file's summary, and a name several calls define.
  const SWAP_B = `async function b(q: string) { while (true) { const r = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }); if (r) break; }
}`;
  const SWAP_A = `async function a(q: string) { let done = false; while (!done) { done = !!(await b(q)); }
}`;
  const LOAD = `export function load(text: string) {
  doc = text;
}`;
  const ASK = `export async function ask(qs: string[]) {
  for (const q of qs) await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: doc + q }] });
}`;
  const RUN = `import { each } from "./b";
export async function run(q: string) {
  let r: any;
  do {
    r = await each(q as any);
  } while (!r);
}
`;
  CASES.push(
    {
      name: "two functions swapped in one edit: their factors print in the new order",
      file: "/virtual/a.ts",
      text: `import OpenAI from "openai";\nconst client = new OpenAI();\n${SWAP_B}\n${SWAP_A}\nexport async function c(q: string) {\n  let more = true;\n  while (more) more = !!(await a(q));\n}\n`,
      edits: [[`${SWAP_B}\n${SWAP_A}`, `${SWAP_A}\n${SWAP_B}`]],
    },
    {
      name: "a writer and a reader swapped: which comes first is what the analysis reads",
      file: "/virtual/a.ts",
      text: `import OpenAI from "openai";\nconst client = new OpenAI();\nlet doc = "";\n${LOAD}\n${ASK}\n`,
      edits: [[`${LOAD}\n${ASK}`, `${ASK}\n${LOAD}`], [`${ASK}\n${LOAD}`, `${LOAD}\n${ASK}`]],
    },
    {
      name: "a symbol of another file's summary is not taken for one of this statement's lines",
      file: "/virtual/a.ts",
      text: RUN,
      others: { "/virtual/b.ts": `import OpenAI from "openai";\nconst client = new OpenAI();\nexport async function ask(q: string) {\n  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });\n}\nexport async function each(qs: string[]) {\n  for (const q of qs) await ask(q);\n}\n` },
      edits: [["export async function run", "const z = 1;\nconst w = 2;\nexport async function run"]],
    },
    {
      name: "a size of another file's summary is per invocation, wherever its line falls",
      file: "/virtual/a.ts",
      text: RUN,
      others: { "/virtual/b.ts": `import OpenAI from "openai";\nconst client = new OpenAI();\nexport async function poll(q: string) {\n  while (true) {\n    const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: q }] });\n    if (r) break;\n  }\n}\nexport async function each(qs: string[]) {\n  for (const q of qs) await poll(q);\n}\n` },
      edits: [["export async function run", "const z = 1;\nexport async function run"], ["const z = 1;\n", "const z0 = 0;\nconst z1 = 1;\n"]],
    },
    {
      name: "a model symbol a function pasted above also defines keeps the definition the finding used",
      file: "/virtual/a.ts",
      text: `import OpenAI from "openai";\nconst client = new OpenAI();\n\nexport async function ask(q: string) {\n  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });\n}\n\nexport async function session(qs: string[]) {\n  for (const q of qs) await ask(q);\n}\n`,
      edits: [["export async function ask", "export async function other(x: string) {\n  return client.chat.completions.create({ model: \"gpt-4o\", messages: [{ role: \"user\", content: x }] });\n}\n\nexport async function ask"]],
    },
  );

  // And a third: a finding's symbols once took definitions by line range, which takes in a
  // function nested in its statement or a statement sharing its line.
  CASES.push(
    {
      name: "a statement sharing its line with a function that defines the same names",
      file: "/virtual/a.ts",
      text: `import OpenAI from "openai";
const client = new OpenAI();
export async function grow(questions: string[]) {
  const log: string[] = [];
  for (const q of questions) {
    log.push(q);
    await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: log.join("") }] });
  }
}
export async function each(qs: string[]) {
  for (const q of qs) await grow(q);
}
for (const x of ["a", "b", "c"]) void each(x); async function one(q: string) { return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }); }
export async function last(qs: string[]) {
}
`,
      edits: [["export async function last", "\nexport async function last"]],
    },
    {
      name: "a nested function's call in the statement does not stand for its caller's symbols",
      file: "/virtual/a.ts",
      text: `import OpenAI from "openai";
const client = new OpenAI();
export async function outer(q: string) {
  async function inner(x: string) {
    return client.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: x }] });
  }
  return client.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: q }] });
}
export async function caller(qs: string[]) {
  for (const q of qs) await outer(q);
}
export async function top(qs: string[]) {
  let ok = false;
}
`,
      edits: [["  let ok = false;\n", "  let ok = false;\n  while (!ok) ok = !!(await caller(qs));\n"]],
    },
    {
      name: "two statements joined on one line keep their own model symbols",
      file: "/virtual/a.ts",
      text: `import OpenAI from "openai";
const client = new OpenAI();
export async function one(d: string) { return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: d }] }); }
export async function seq(items: string[]) {
  for (const it of items) {
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user", content: it }] });
  }
}
`,
      edits: [["}\nexport async function seq", "} export async function seq"]],
    },
    {
      name: "two statements joined on one line keep their own sizes",
      file: "/virtual/a.ts",
      text: `import OpenAI from "openai";
const client = new OpenAI();
export async function many(qs: string[]) { for (const q of qs) await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }); }
export async function poll(q: string) {
  while (true) {
    const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: q }] });
    if (r) break;
  }
}
`,
      edits: [["}\nexport async function poll", "} export async function poll"]],
    },
    {
      // carry9: the loop's requests carry what the first request left in the conversation, a statement that declares nothing they use.
      name: "top-level requests on one conversation: an edit of the first re-analyses the later ones",
      file: "/virtual/a.ts",
      text: `import OpenAI from "openai";
const client = new OpenAI();
const conv = await client.conversations.create({});
await client.responses.create({ model: "gpt-4o", max_output_tokens: 10, input: "hi", conversation: conv.id });
for (const q of ["a", "b", "c"]) await client.responses.create({ model: "gpt-4o", max_output_tokens: 10, input: q, conversation: conv.id });
`,
      edits: [[`input: "hi"`, `input: "hello there, how are you today, my dear old friend?"`]],
    },
    {
      name: "top-level messages to one chat: an edit of the first re-analyses the later ones",
      file: "/virtual/a.ts",
      text: `import { GoogleGenAI } from "@google/genai";
const ai = new GoogleGenAI({});
const chat = ai.chats.create({ model: "gemini-2.0-flash", config: { maxOutputTokens: 10 } });
await chat.sendMessage({ message: "hi" });
for (const q of ["a", "b", "c"]) await chat.sendMessage({ message: q });
`,
      edits: [[`message: "hi"`, `message: "hello there, how are you today, my dear old friend?"`]],
    },
  );

  for (const c of CASES) {
    it(`equals a whole-file analysis: ${c.name}`, () => {
      const file = new EditedFile(c.file, c.text, { ...STUBS, ...c.others });
      let snapshot = adviceOf(file);
      for (const [find, replace] of c.edits) {
        const at = file.current.indexOf(find);
        assert.ok(at >= 0, find);
        file.replace(at, at + find.length, replace);
        const next = adviceOf(file, snapshot);
        assert.deepEqual(shown(next?.advice ?? []), shown(adviceOf(file)?.advice ?? []), `${c.name}, after ${replace}`);
        snapshot = next;
      }
    });
  }

  const SHARED = `import OpenAI from "openai";
const client = new OpenAI();
const history: { role: "user" | "assistant"; content: string }[] = [];

export async function ask(q: string) {
  history.push({ role: "user", content: q });
  const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: history });
  return r.choices[0].message.content;
}

export function reset() {
  history.length = 0;
}

export async function session(questions: string[]) {
  for (const q of questions) await ask(q);
}

export function format(rows: string[]): string {
  return rows.join("\\n");
}
`;

  it("re-analyses the statements that share a history with the edited one", () => {
    const file = new EditedFile("/virtual/shared.ts", SHARED);
    const first = adviseAndCheck(file);
    // q is session()'s item (its own loop defines |q|): the history re-sent grows, nothing is sent whole.
    assert.deepEqual(first.advice.map((a) => [a.code, formatBound(a.finding.inputTokens, a.finding.rank)]), [["aalp.growing-history", "O(|questions|²·|q|)"]]);
    // Commented out, so no line moves.
    const reset = SHARED.indexOf("history.length = 0;");
    file.replace(reset, reset, "// ");
    const next = adviceOf(file, first)!;
    // reset() changed, and ask() read every write to the history (reset()'s among them) to size
    // its prompt: the history's declaration and ask() are analysed again, and session(), which
    // calls ask(); the import, the client and format() keep their advice. (The bound stays O:
    // calls[ask] counts every call of ask, wherever it comes from.)
    assert.equal(next.analysed, 4);
    assert.deepEqual(shown(next.advice), shown(adviceOf(file)!.advice));
    assert.deepEqual(next.advice.map((a) => a.message), first.advice.map((a) => a.message));
  });

  it("keeps every other statement's advice when one function's prompt changes", () => {
    const file = new EditedFile("/virtual/shared.ts", SHARED);
    const first = adviseAndCheck(file);
    const at = SHARED.indexOf('"\\n"') + 1;
    file.replace(at, at + 2, "; ");
    const next = adviceOf(file, first)!;
    assert.equal(next.analysed, 1);
    assert.deepEqual(shown(next.advice), shown(adviceOf(file)!.advice));
  });

  it("analyses the whole file again when an @aalp comment changes", () => {
    const file = new EditedFile("/virtual/shared.ts", SHARED);
    const first = adviseAndCheck(file);
    const at = SHARED.indexOf("  const r = await client");
    file.replace(at, at, "  // @aalp ignore\n");
    const next = adviceOf(file, first)!;
    assert.equal(next.analysed, next.units.length);
    // The SDK call is silenced; session()'s call of ask() is not.
    assert.deepEqual(next.advice.map((a) => [a.code, a.finding.line]), [["aalp.growing-history", 17]]);
    assert.deepEqual(shown(next.advice), shown(adviceOf(file)!.advice));
  });

  const MOVED = `import OpenAI from "openai";
const client = new OpenAI();

export async function session(questions: string[]) {
  const log: string[] = [];
  for (const q of questions) {
    log.push(q);
    await ask(log.join(""));
  }
}

export function format(rows: string[]): string {
  return rows.join("\\n");
}

export async function ask(q: string, turns = 3) {
  const messages = [{ role: "user", content: q }];
  for (let i = 0; i < turns; i++) {
    const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages });
    messages.push({ role: "user", content: r.choices[0].message.content ?? "" });
  }
}

export async function poll(q: string) {
  while (true) {
    const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: q }] });
    if (r.choices[0].message.content === "done") break;
  }
}
`;

  it("renumbers the advice of statements a line break moved, and of those naming their lines", () => {
    const file = new EditedFile("/virtual/moved.ts", MOVED);
    const first = adviseAndCheck(file);
    const lines = (s: AdviceSnapshot): string[] => s.advice.map((a) => `${a.finding.line} ${a.message}`);
    assert.deepEqual(lines(first), [
      "8 History re-sent on every iteration: input Θ(|questions|²·|q|) (log grows at line 7).",
      "19 History re-sent on every iteration: input Θ(turns² + turns·|q|) (messages grows at line 20).",
      "26 The while loop at line 25 ends only when data says so (T[poll] iterations, no bound in the code): calls O(T[poll]). Cap its iterations.",
      "26 gpt-4o writes at most 5 tokens here: gpt-4o-mini costs 17× less per token (paper §3.1: size the model to the task).",
    ]);
    // Two blank lines into format(), between its tokens: nothing is analysed. ask() and poll()
    // moved; session() did not, but its derivation names ask()'s lines.
    const at = MOVED.indexOf("  return rows");
    file.replace(at, at, "\n\n");
    const next = adviceOf(file, first)!;
    assert.equal(next.analysed, 0);
    assert.equal(next.renumbered, 3);
    assert.deepEqual(lines(next), [
      "8 History re-sent on every iteration: input Θ(|questions|²·|q|) (log grows at line 7).",
      "21 History re-sent on every iteration: input Θ(turns² + turns·|q|) (messages grows at line 22).",
      "28 The while loop at line 27 ends only when data says so (T[poll] iterations, no bound in the code): calls O(T[poll]). Cap its iterations.",
      "28 gpt-4o writes at most 5 tokens here: gpt-4o-mini costs 17× less per token (paper §3.1: size the model to the task).",
    ]);
    assert.ok(next.advice[0]!.finding.explanation.includes("ask() (moved.ts:18) makes Θ(turns) LLM calls per invocation with input Θ(turns² + turns·|q|)"));
    assert.deepEqual(next.advice[0]!.finding.symbols.map((x) => [x.name, x.line]), [["m[gpt-4o]", 21], ["|questions|", 6], ["|q|", 6]]);
    assert.deepEqual(next.advice[2]!.finding.symbols.map((x) => [x.name, x.line]), [["T[poll]", 27], ["m[gpt-4o]", 28], ["|q|", 26]]);
    assert.deepEqual(shown(next.advice), shown(adviceOf(file)!.advice));
  });

  it("keeps no chain of versions: a statement moved again and again holds its analysis, not its past versions", async () => {
    const file = new EditedFile("/virtual/moved.ts", MOVED);
    const at = MOVED.indexOf("  return rows");
    let snapshot = adviceOf(file)!;
    const poll = snapshot.byUnit.findIndex((s) => s.shown.some((a) => a.message.includes("while loop")));
    const versions: WeakRef<object>[] = [];
    // Each line break moves poll(): the plugin answers this way on every keystroke of a session.
    for (let i = 0; i < 4; i++) {
      file.replace(at, at, "\n");
      snapshot = adviceOf(file, snapshot)!;
      assert.equal(snapshot.analysed, 0);
      versions.push(new WeakRef(snapshot.byUnit[poll]!));
    }
    await collectUntil(() => versions.slice(0, -1).every((v) => v.deref() === undefined));
    assert.deepEqual(versions.map((v) => v.deref() === undefined), [true, true, true, false]);
    assert.deepEqual(shown(snapshot.advice), shown(adviceOf(file)!.advice));
  });

  it("renumbers a moved statement whose data-decided loop sits beside a written T5: the loop's name holds no line", () => {
    const text = `import OpenAI from "openai";
const client = new OpenAI();
export function format(rows: string[]): string {
  return rows.join("");
}
export async function rounds(q: string, T5: number) {
  for (let i = 0; i < T5; i++) {
    while (true) {
      const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: q }] });
      if (r.choices[0].message.content === "done") break;
    }
  }
}
`;
    const file = new EditedFile("/virtual/rounds.ts", text);
    const first = adviseAndCheck(file);
    assert.ok(first.advice.some((a) => a.message.includes("The while loop at line 8") && a.message.includes("calls O(T[rounds]·T5)")), first.advice.map((a) => a.message).join("\n"));
    const at = text.indexOf("  return rows");
    file.replace(at, at, "\n");
    const next = adviceOf(file, first)!;
    // format() holds the blank line between its tokens: nothing is analysed; rounds() is renumbered, its loop's name unchanged.
    assert.equal(next.analysed, 0);
    assert.equal(next.renumbered, 1);
    assert.ok(next.advice.some((a) => a.message.includes("The while loop at line 9") && a.message.includes("calls O(T[rounds]·T5)")));
    assert.deepEqual(shown(next.advice), shown(adviceOf(file)!.advice));
  });

  describe("blank lines inside a statement (the plugin's line-break edit)", () => {
    const ONE = `import OpenAI from "openai";
const client = new OpenAI();

export async function session(questions: string[]) {
  const log: string[] = [];
  for (const q of questions) {
    log.push(q);
    const note = \`turn
of \${q}\`; /* a
comment */
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: [{ role: "user", content: log.join("") + note }] });
  }
}
`;
    const lines = (s: AdviceSnapshot): string[] => s.advice.map((a) => `${a.finding.line}:${a.finding.column} ${a.start}-${a.end} ${a.message}`);
    const FIRST = ["11:11 247-375 History re-sent on every iteration: input Θ(|questions|²·|q|) (log grows at line 7)."];

    it("a line break typed above the finding in its own function analyses 0 statements and moves the finding down one line", () => {
      const file = new EditedFile("/virtual/one.ts", ONE);
      const first = adviseAndCheck(file);
      assert.deepEqual(lines(first), FIRST);
      // At the start of the line of log.push(q): the write the message names moves too.
      const at = ONE.indexOf("    log.push(q);");
      file.replace(at, at, "\n");
      const next = adviceOf(file, first)!;
      assert.equal(next.analysed, 0);
      assert.equal(next.renumbered, 1);
      assert.deepEqual(lines(next), ["12:11 248-376 History re-sent on every iteration: input Θ(|questions|²·|q|) (log grows at line 8)."]);
      assert.deepEqual(shown(next.advice), shown(adviceOf(file)!.advice));
      // And the blank line deleted again: back where it was, still nothing analysed.
      file.replace(at, at + 1, "");
      const back = adviceOf(file, next)!;
      assert.equal(back.analysed, 0);
      assert.deepEqual(lines(back), FIRST);
      assert.deepEqual(shown(back.advice), shown(adviceOf(file)!.advice));
    });

    it("a line break below the finding's start, inside its call, moves only its end", () => {
      const file = new EditedFile("/virtual/one.ts", ONE);
      const first = adviseAndCheck(file);
      // Enter typed after `max_tokens: 100,` with the editor's indentation: a blank line inside the call.
      const at = ONE.indexOf(" messages: [{ role");
      file.replace(at, at, "\n      ");
      const next = adviceOf(file, first)!;
      assert.equal(next.analysed, 1, "a line break between two tokens of one line may change how it parses: analysed");
      // A blank line (with the editor's indentation) at the start of the line that now holds `messages`.
      const at2 = file.current.indexOf("\n       messages: [{ role") + 1;
      file.replace(at2, at2, "      \n");
      const third = adviceOf(file, next)!;
      assert.equal(third.analysed, 0);
      assert.deepEqual(lines(third).map((l) => l.split(" ")[0] + " " + l.split(" ")[1]), ["11:11 247-389"]);
      assert.deepEqual(shown(third.advice), shown(adviceOf(file)!.advice));
    });

    for (const [where, find] of [
      ["in a template literal's text", "of ${q}"],
      ["in a block comment", "comment */"],
    ] as const) {
      it(`a blank line ${where} changes a token: the statement is analysed again`, () => {
        const file = new EditedFile("/virtual/one.ts", ONE);
        const first = adviseAndCheck(file);
        const at = ONE.indexOf(find);
        file.replace(at, at, "\n");
        const next = adviceOf(file, first)!;
        assert.equal(next.analysed, 1);
        assert.deepEqual(shown(next.advice), shown(adviceOf(file)!.advice));
      });
    }
  });

  function adviseAndCheck(file: EditedFile): AdviceSnapshot {
    const s = adviceOf(file)!;
    assert.equal(s.analysed, s.units.length);
    return s;
  }
});
