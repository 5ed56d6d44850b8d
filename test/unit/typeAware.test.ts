// Type-aware mode: clients resolved by their types through any indirection; the syntactic mode
// agrees wherever it has an answer.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { Project } from "../../src/core";
import { summary } from "./analyze";

const FILES: Record<string, string> = {
  "/p/node_modules/openai/package.json": `{ "name": "openai", "types": "index.d.ts" }`,
  "/p/node_modules/openai/index.d.ts": `export default class OpenAI {
  chat: { completions: { create(body: { model: string; max_tokens?: number; messages: { role: string; content: string }[] }): Promise<{ choices: { message: { content: string | null } }[] }> } };
}
`,
  "/p/container.ts": `const registry = new Map<string, unknown>();
export const container = { get<T>(key: string): T { return registry.get(key) as T; } };
`,
  "/p/di.ts": `import type OpenAI from "openai";
import { container } from "./container";
const llm = container.get<OpenAI>("llm");
export async function label(items: string[]) {
  for (const item of items) await llm.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 5, messages: [{ role: "user", content: item }] });
}
`,
  "/p/plain.ts": `import OpenAI from "openai";
const client = new OpenAI();
export async function chat(turns: number, q: string) {
  const messages: { role: string; content: string }[] = [];
  for (let i = 0; i < turns; i++) {
    messages.push({ role: "user", content: q });
    await client.chat.completions.create({ model: "gpt-4.1", messages });
  }
}
`,
};

function programOf(roots: string[]): ts.Program {
  const host = ts.createCompilerHost({});
  host.fileExists = (f) => f in FILES;
  host.readFile = (f) => FILES[f];
  host.getSourceFile = (f, lang) => (f in FILES ? ts.createSourceFile(f, FILES[f]!, lang, true) : undefined);
  host.getCurrentDirectory = () => "/p";
  host.directoryExists = (d) => Object.keys(FILES).some((f) => f.startsWith(`${d}/`));
  host.getDirectories = () => [];
  return ts.createProgram({ rootNames: roots, options: { strict: true, noLib: true, types: [], moduleResolution: ts.ModuleResolutionKind.Node10, target: ts.ScriptTarget.ES2022 }, host });
}

const hostFor = { readFile: (p: string) => FILES[p], fileExists: (p: string) => p in FILES };

describe("type-aware mode", () => {
  it("finds a client that only its type names (a DI container)", () => {
    const syntactic = new Project(ts, hostFor).analyze("/p/di.ts");
    assert.equal(syntactic.findings.length, 0);
    const program = programOf(["/p/di.ts", "/p/plain.ts"]);
    const typed = new Project(ts, hostFor, { program }).analyze("/p/di.ts");
    assert.deepEqual(typed.findings.map((f) => ({ line: f.line, ...pick(summary(f)) })), [
      { line: 5, api: "openai chat.completions.create", calls: "Θ(|items|)", input: "Θ(|items|·|item|)" },
    ]);
  });

  it("agrees with the syntactic mode where that mode has an answer", () => {
    const program = programOf(["/p/di.ts", "/p/plain.ts"]);
    const a = new Project(ts, hostFor).analyze("/p/plain.ts").findings.map(summary);
    const b = new Project(ts, hostFor, { program }).analyze("/p/plain.ts").findings.map(summary);
    assert.deepEqual(b, a);
    assert.equal(a[0]!.input, "Θ(turns²·|q|)");
  });
});

function pick(s: ReturnType<typeof summary>): { api: string; calls: string; input: string } {
  return { api: s.api, calls: s.calls, input: s.input };
}
