// The tsserver plugin against a real tsserver: diagnostics at exact positions, code fixes with
// exact edits, and a fault inside the engine that leaves TypeScript's own features working.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { build } from "esbuild";
import { TsServer, pluginProbe, projectFolder } from "./tsserver";

const ROOT = path.resolve(__dirname, "../../..");
// The build's local package, node_modules/aalp-lens-tsserver-plugin: what the .vsix ships, probed
// the way the TypeScript extension probes the extension's folder.
const PACKAGE_PROBE = ROOT;

const OPENAI_STUB = `export default class OpenAI {
  chat: { completions: { create(body: { model: string; max_tokens?: number; messages: { role: string; content: string }[] }): Promise<{ choices: { message: { content: string | null } }[] }> } };
}
`;

const AGENT = `import OpenAI from "openai";
const client = new OpenAI();
export async function chat(questions: string[]): Promise<string[]> {
  const messages: { role: string; content: string }[] = [];
  const answers: string[] = [];
  for (const q of questions) {
    messages.push({ role: "user", content: q });
    const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 300, messages });
    const answer = r.choices[0].message.content ?? "";
    messages.push({ role: "assistant", content: answer });
    answers.push(answer);
  }
  return answers;
}
const wrong: number = "not a number";
`;

// The paper's naive debugging loop (§3.2.1), in one call.
const DEBUG = `import OpenAI from "openai";
const client = new OpenAI();
export async function debug(program: string, rounds: number): Promise<string> {
  const conversation: { role: string; content: string }[] = [];
  for (let round = 0; round < rounds; round++) {
    conversation.push({ role: "user", content: program });
    const r = await client.chat.completions.create({ model: "gpt-4o", messages: conversation });
    conversation.push({ role: "assistant", content: r.choices[0].message.content ?? "" });
    program = r.choices[0].message.content ?? program;
  }
  return program;
}
`;

// A chat loop around a wrapper declared in another module: the history is this file's.
const WRAPPER = `import OpenAI from "openai";
const client = new OpenAI();
export type Message = { role: string; content: string };

export async function ask(messages: Message[]): Promise<string> {
  const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 60, messages });
  return r.choices[0].message.content ?? "";
}
`;
const INTERVIEW = `import { ask, type Message } from "./llm";
const SYSTEM: Message = { role: "system", content: "You are interviewing a candidate." };
export async function interview(questions: string[]): Promise<string[]> {
  const history: Message[] = [SYSTEM];
  const comments: string[] = [];
  for (const question of questions) {
    history.push({ role: "user", content: question });
    const comment = await ask(history);
    history.push({ role: "assistant", content: comment });
    comments.push(comment);
  }
  return comments;
}
`;

const FILES = {
  "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "commonjs", lib: ["es2022"], types: [] }, include: ["src"] }),
  "node_modules/openai/package.json": JSON.stringify({ name: "openai", types: "index.d.ts" }),
  "node_modules/openai/index.d.ts": OPENAI_STUB,
  "src/agent.ts": AGENT,
};

interface ProtocolDiagnostic {
  code: number;
  category: string;
  message: string;
  startLocation: { line: number; offset: number };
  endLocation: { line: number; offset: number };
}

async function diagnostics(server: TsServer, file: string): Promise<ProtocolDiagnostic[]> {
  const r = await server.request("semanticDiagnosticsSync", { file, includeLinePosition: true });
  assert.ok(r.success, r.message);
  return r.body as ProtocolDiagnostic[];
}

describe("tsserver plugin (a real tsserver)", function () {
  this.timeout(120_000);
  let server: TsServer;
  let dir: string;
  let file: string;

  before(async () => {
    dir = projectFolder(FILES);
    file = path.join(dir, "src/agent.ts");
    server = new TsServer(PACKAGE_PROBE);
    await server.notify("open", { file, projectRootPath: dir });
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("adds the growing-history diagnostic at the call, beside TypeScript's own", async () => {
    const d = await diagnostics(server, file);
    const ours = d.filter((x) => x.code >= 91001 && x.code <= 91005);
    assert.deepEqual(
      ours.map((x) => ({ code: x.code, category: x.category, start: x.startLocation, end: x.endLocation })),
      [{ code: 91001, category: "warning", start: { line: 8, offset: 21 }, end: { line: 8, offset: 99 } }],
    );
    assert.match(ours[0]!.message, /^History re-sent on every iteration: input Θ\(\|questions\|²·\|q\|\) \(messages grows at lines 7, 10\)\. \[aalp\.growing-history\]$/);
    assert.deepEqual(d.filter((x) => x.code === 2322).map((x) => x.startLocation), [{ line: 15, offset: 7 }]);
  });

  it("offers the fixes for that diagnostic, with exact edits", async () => {
    const r = await server.request("getCodeFixes", { file, startLine: 8, startOffset: 21, endLine: 8, endOffset: 99, errorCodes: [91001] });
    assert.ok(r.success, r.message);
    const fixes = r.body as { fixName: string; description: string; changes: { fileName: string; textChanges: { start: { line: number; offset: number }; end: { line: number; offset: number }; newText: string }[] }[] }[];
    assert.deepEqual(fixes.map((f) => f.fixName), ["aalp.window-history", "aalp.summarize-history", "aalp.reset-history", "aalp.ignore"]);
    assert.equal(fixes[0]!.description, "Keep the last 8 messages: $0.091 → $0.07 per run at default sizes");
    assert.deepEqual(fixes[0]!.changes, [
      {
        fileName: file,
        textChanges: [{ start: { line: 8, offset: 5 }, end: { line: 8, offset: 5 }, newText: "if (messages.length > 8) messages.splice(0, messages.length - 8);\n    " }],
      },
    ]);
    // "Ignore this call": the annotation on a line of its own above the call's line, indented like it.
    assert.equal(fixes[3]!.description, "Ignore this call (// @aalp ignore)");
    assert.deepEqual(fixes[3]!.changes, [{ fileName: file, textChanges: [{ start: { line: 8, offset: 1 }, end: { line: 8, offset: 1 }, newText: "    // @aalp ignore\n" }] }]);
  });

  it("reports a history that keeps every version of a whole text once per call, the whole text as related information", async () => {
    const debug = path.join(dir, "src/debug.ts");
    fs.writeFileSync(debug, DEBUG);
    await server.notify("open", { file: debug, projectRootPath: dir });
    const r = await server.request("semanticDiagnosticsSync", { file: debug, includeLinePosition: true });
    assert.ok(r.success, r.message);
    const ours = (r.body as (ProtocolDiagnostic & { relatedInformation?: { message: string; category: string; code: number; span: { start: { line: number; offset: number } } }[] })[]).filter((x) => x.code >= 91001 && x.code <= 91005);
    assert.deepEqual(
      ours.map((x) => ({ code: x.code, line: x.startLocation.line, message: x.message, related: x.relatedInformation?.map((i) => ({ code: i.code, category: i.category, line: i.span.start.line, message: i.message })) })),
      [
        {
          code: 91001,
          line: 7,
          message: "History re-sent on every iteration: input Θ(rounds²·|program|) (conversation grows at lines 6, 8). [aalp.growing-history]",
          related: [{ code: 91002, category: "message", line: 7, message: "program is sent whole on each of rounds iterations, and every version is kept: input Θ(rounds²·|program|). If each iteration needs only part of it, send that part. [aalp.whole-input-per-item]" }],
        },
      ],
    );
    await server.notify("close", { file: debug });
  });

  it("lists its codes among the supported code fixes", async () => {
    const r = await server.request("getSupportedCodeFixes", { file });
    assert.ok(r.success, r.message);
    const codes = r.body as string[];
    for (const c of ["91001", "91002", "91003", "91004", "91005"]) assert.ok(codes.includes(c), `missing ${c}`);
    assert.ok(codes.includes("2322"));
  });

  it("takes settings through configurePlugin and asks the editor to refresh diagnostics", async () => {
    const ours = async (): Promise<number[]> => (await diagnostics(server, file)).map((x) => x.code).filter((c) => c >= 91001 && c <= 91005);
    const configure = async (configuration: unknown): Promise<void> => {
      const since = server.eventCount();
      const r = await server.request("configurePlugin", { pluginName: "aalp-lens-tsserver-plugin", configuration });
      assert.ok(r.success, r.message);
      // The VS Code TypeScript extension re-requests diagnostics of open files on this event.
      const e = await server.nextEvent("projectsUpdatedInBackground", since);
      assert.deepEqual((e.body as { openFiles: string[] }).openFiles.map((f) => path.normalize(f)), [file]);
    };
    await configure({ enabled: false });
    assert.deepEqual(await ours(), []);
    await configure({ enabled: true, severity: "error" });
    const d = (await diagnostics(server, file)).filter((x) => x.code === 91001);
    assert.deepEqual(d.map((x) => x.category), ["error"]);
    await configure({});
    assert.deepEqual(await ours(), [91001]);
  });

  it("prices its fix titles at the sizes, defaults and prices the extension sends, as the lenses do", async () => {
    const title = async (): Promise<string> => {
      const r = await server.request("getCodeFixes", { file, startLine: 8, startOffset: 21, endLine: 8, endOffset: 99, errorCodes: [91001] });
      assert.ok(r.success, r.message);
      return (r.body as { fixName: string; description: string }[]).find((f) => f.fixName === "aalp.window-history")!.description;
    };
    const configure = async (configuration: unknown): Promise<void> => {
      const r = await server.request("configurePlugin", { pluginName: "aalp-lens-tsserver-plugin", configuration });
      assert.ok(r.success, r.message);
    };
    assert.equal(await title(), "Keep the last 8 messages: $0.091 → $0.07 per run at default sizes");
    // The extension's values at the built-in defaults price as the core does, but say whose they are.
    await configure({ assumptions: {}, defaults: { count: 10, size: 200, output: 300 }, prices: {} });
    assert.equal(await title(), "Keep the last 8 messages: $0.091 → $0.07 per run at your sizes");
    // A saved assumption (aalp.assumptions): 40 questions instead of 10.
    await configure({ assumptions: { "|questions|": 40 }, defaults: { count: 10, size: 200, output: 300 }, prices: {} });
    assert.equal(await title(), "Keep the last 8 messages: $1.12 → $0.31 per run at your sizes");
    // aalp.defaults.loopCount fills the loop count nothing else sets.
    await configure({ assumptions: {}, defaults: { count: 40, size: 200, output: 300 }, prices: {} });
    assert.equal(await title(), "Keep the last 8 messages: $1.12 → $0.31 per run at your sizes");
    // aalp.prices: the model's price per million tokens.
    await configure({ assumptions: {}, defaults: { count: 10, size: 200, output: 300 }, prices: { "gpt-4o": { input: 1, output: 1 } } });
    assert.equal(await title(), "Keep the last 8 messages: $0.027 → $0.019 per run at your sizes");
    await configure({});
    assert.equal(await title(), "Keep the last 8 messages: $0.091 → $0.07 per run at default sizes");
  });

  it("after an edit re-analyses only the statements it reaches, renumbers those it moves, and honours @aalp ignore", async () => {
    const ours = async (): Promise<string[]> =>
      (await diagnostics(server, file)).filter((x) => x.code >= 91001 && x.code <= 91005).map((x) => `${x.code} ${x.startLocation.line}:${x.startLocation.offset}-${x.endLocation.line}:${x.endLocation.offset}`);
    const analysed = (): string => [...server.log().matchAll(/src\/agent\.ts: analysed (\d+ of \d+) top-level statements in \d+\.\d ms/g)].pop()?.[1] ?? "none";
    const change = (line: number, offset: number, endLine: number, endOffset: number, insertString: string): Promise<void> => server.notify("change", { file, line, offset, endLine, endOffset, insertString });
    // Inside chat(): "gpt-4o" becomes "gpt-4.1" on the call's line.
    await change(8, 66, 8, 68, "4.1");
    assert.deepEqual(await ours(), ["91001 8:21-8:100"]);
    assert.equal(analysed(), "1 of 4");
    // A comment above the call silences it: annotations hold for the whole file, so all is analysed.
    await change(8, 1, 8, 1, "    // @aalp ignore\n");
    assert.deepEqual(await ours(), []);
    assert.equal(analysed(), "4 of 4");
    await change(8, 1, 9, 1, "");
    assert.deepEqual(await ours(), ["91001 8:21-8:100"]);
    assert.equal(analysed(), "4 of 4");
    // A function typed above chat(): chat() moves three lines down and keeps its advice, renumbered.
    await change(3, 1, 3, 1, "export function pad(s: string): string {\n  return s;\n}\n");
    assert.deepEqual(await ours(), ["91001 11:21-11:100"]);
    assert.equal(analysed(), "1 of 5");
    assert.match(server.log(), /src\/agent\.ts: analysed 1 of 5 top-level statements in \d+\.\d ms \(1 kept renumbered\)/);
    const message = (await diagnostics(server, file)).find((x) => x.code === 91001)?.message;
    assert.equal(message, "History re-sent on every iteration: input Θ(|questions|²·|q|) (messages grows at lines 10, 13). [aalp.growing-history]");
  });
});

describe("tsserver plugin at the call of another module's wrapper", function () {
  this.timeout(120_000);
  let server: TsServer;
  let dir: string;

  before(async () => {
    dir = projectFolder({ ...FILES, "src/llm.ts": WRAPPER, "src/interview.ts": INTERVIEW });
    server = new TsServer(PACKAGE_PROBE);
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("at the call of another module's wrapper: the fixes that apply here, verified with its summary, and where it sends the request", async () => {
    const llm = path.join(dir, "src/llm.ts");
    const interview = path.join(dir, "src/interview.ts");
    await server.notify("open", { file: interview, projectRootPath: dir });
    const r = await server.request("semanticDiagnosticsSync", { file: interview, includeLinePosition: true });
    assert.ok(r.success, r.message);
    type Related = { message: string; code: number; span: { file: string; start: { line: number; offset: number }; end: { line: number; offset: number } } };
    const ours = (r.body as (ProtocolDiagnostic & { relatedInformation?: Related[] })[]).filter((x) => x.code >= 91001 && x.code <= 91005);
    assert.deepEqual(
      ours.map((x) => ({ code: x.code, start: x.startLocation, end: x.endLocation, related: x.relatedInformation?.map((i) => ({ file: path.normalize(i.span.file), start: i.span.start, end: i.span.end, code: i.code, message: i.message })) })),
      [
        {
          code: 91001,
          start: { line: 8, offset: 27 },
          end: { line: 8, offset: 39 },
          related: [{ file: llm, start: { line: 5, offset: 1 }, end: { line: 5, offset: 1 }, code: 91001, message: "The request is sent by ask (llm.ts:5): what it adds to each request is fixed there, what this call passes to it here." }],
        },
      ],
    );
    const fixes = await server.request("getCodeFixes", { file: interview, startLine: 8, startOffset: 27, endLine: 8, endOffset: 39, errorCodes: [91001] });
    assert.ok(fixes.success, fixes.message);
    const body = fixes.body as { fixName: string; description: string; changes: { textChanges: { start: { line: number; offset: number }; newText: string }[] }[] }[];
    assert.deepEqual(body.map((f) => f.fixName), ["aalp.window-history", "aalp.reset-history", "aalp.ignore"]);
    assert.match(body[0]!.description, /^Keep the last 8 messages and the system message: \$[\d.]+ → \$[\d.]+ per run at default sizes$/);
    assert.deepEqual(body[0]!.changes.map((c) => c.textChanges), [[{ start: { line: 8, offset: 5 }, end: { line: 8, offset: 5 }, newText: "if (history.length > 9) history.splice(1, history.length - 9);\n    " }]]);
  });

});

describe("tsserver plugin from tsconfig's compilerOptions.plugins (other editors)", function () {
  this.timeout(120_000);
  let server: TsServer;
  let dir: string;

  before(async () => {
    // No --globalPlugins: tsserver loads the tsconfig's plugins from the node_modules that holds the
    // typescript it runs from, here this repository's, where the build put the package.
    const tsconfig = JSON.parse(FILES["tsconfig.json"]);
    tsconfig.compilerOptions.plugins = [{ name: "aalp-lens-tsserver-plugin", severity: "error" }];
    dir = projectFolder({ ...FILES, "tsconfig.json": JSON.stringify(tsconfig) });
    server = new TsServer();
    await server.notify("open", { file: path.join(dir, "src/agent.ts"), projectRootPath: dir });
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reports with the entry's settings", async () => {
    const d = await diagnostics(server, path.join(dir, "src/agent.ts"));
    assert.deepEqual(d.map((x) => `${x.code} ${x.category} ${x.startLocation.line}:${x.startLocation.offset}`).sort(), ["2322 error 15:7", "91001 error 8:21"]);
  });
});

describe("tsserver plugin fault isolation", function () {
  this.timeout(120_000);
  let server: TsServer;
  let dir: string;
  let probe: string;

  before(async () => {
    // The same plugin, built with an engine whose analysis throws.
    probe = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-faulty-"));
    const faulty = path.join(probe, "faulty.js");
    await build({
      entryPoints: [path.join(ROOT, "src/plugin/index.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      external: ["typescript"],
      outfile: faulty,
      logLevel: "silent",
      plugins: [
        {
          name: "faulty-project",
          setup(b) {
            // The plugin reaches Project through the core's index, which imports it as ./project/project.
            b.onResolve({ filter: /(^|\/)project\/project$/ }, () => ({ path: "faulty-project", namespace: "faulty" }));
            b.onLoad({ filter: /.*/, namespace: "faulty" }, () => ({ contents: "exports.Project = class { analyzeStatements() { throw new Error('injected engine fault'); } };", loader: "js" }));
          },
        },
      ],
    });
    dir = projectFolder(FILES);
    server = new TsServer(pluginProbe(faulty));
    await server.notify("open", { file: path.join(dir, "src/agent.ts"), projectRootPath: dir });
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(probe, { recursive: true, force: true });
  });

  it("keeps TypeScript's own diagnostics and completions, and logs the fault", async () => {
    const file = path.join(dir, "src/agent.ts");
    const d = await diagnostics(server, file);
    assert.deepEqual(d.map((x) => x.code), [2322]);
    const c = await server.request("completionInfo", { file, line: 9, offset: 33 });
    assert.ok(c.success, c.message);
    const names = (c.body as { entries: { name: string }[] }).entries.map((e) => e.name);
    assert.ok(names.includes("message"), `completions: ${names.slice(0, 10).join(", ")}`);
    assert.match(server.log(), /\[aalp-lens\] diagnostics failed, TypeScript's own answer is used: Error: injected engine fault/);
  });
});
