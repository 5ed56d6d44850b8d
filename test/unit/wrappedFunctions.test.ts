// An inline function handed to a call whose result is kept under a name that is called (wrappedFunctions.ts).
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { Project, formatBound } from "../../src/core";
import { analyze, expectSites } from "./analyze";

const HEAD = `import OpenAI from "openai";
import pLimit from "p-limit";
import { traceable } from "langsmith/traceable";
declare function someWrapper<T>(f: T, o?: object): T;
const client = new OpenAI();
const limit = pLimit(2);
`;

describe("an inline function wrapped by a call whose result is called", () => {
  it("traceable(async (q) => …) and an unknown wrapper, each called in a loop: one run per call, none in place", () => {
    const code = `${HEAD}const ask = traceable(async (q: string) => {
  const r = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }); // @site
  return r.choices[0].message.content;
}, { name: "ask" });
const memo = someWrapper(async (q: string) => client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] })); // @site
export async function run(qs: string[]) {
  for (const q of qs) await ask(q); // @site
  for (const q of qs) await memo(q); // @site
  await Promise.all(qs.map((q) => limit(() => client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] })))); // @site
}
`;
    expectSites(code, [
      { calls: "Θ(1)", input: "Θ(|q|)", loops: "" },
      { calls: "Θ(1)", input: "Θ(|q|)", loops: "" },
      { calls: "Θ(|qs|)", input: "Θ(|qs|·|q|)", loops: "for-of@13:|qs|", api: "openai ask() → chat.completions.create" },
      { calls: "Θ(|qs|)", input: "Θ(|qs|·|q|)", loops: "for-of@14:|qs|", api: "openai memo() → chat.completions.create" },
      { calls: "Θ(|qs|)", input: "Θ(|qs|·|q|)", loops: "map@15:|qs|" },
    ]);
    const [inAsk, inMemo, atAsk] = analyze(code);
    // The wrapped functions' own requests are theirs (once per invocation), not the top level's.
    assert.deepEqual([inAsk!.functionName, inMemo!.functionName], ["ask", "memo"]);
    assert.ok(atAsk!.explanation.some((l) => l.includes("ask is what traceable() returns for the function written in it: assumed to run the function once per call")), atAsk!.explanation.join("\n"));
  });

  it("a wrapper's arguments line up by position; a class field called as this.f(…); a local wrapper", () => {
    expectSites(`${HEAD}export class Agent {
  private ask = someWrapper(async (a: string, b: string) => client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: b }] })); // @site
  async run(xs: string[], big: string) {
    for (const x of xs) await this.ask(x, big); // @site
  }
}
export async function go(items: string[], n: number) {
  const step = someWrapper(function (item: string) { return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: item }] }); }); // @site
  for (let i = 0; i < n; i++) for (const item of items) await step(item); // @site
}
`, [
      { calls: "Θ(1)", input: "Θ(|b|)", loops: "" },
      { calls: "Θ(|xs|)", input: "Θ(|xs|·|big|)", loops: "for-of@10:|xs|" },
      { calls: "Θ(1)", input: "Θ(|item|)", loops: "" },
      { calls: "Θ(|items|·n)", input: "Θ(|items|·n·|item|)", loops: "for@15:n for-of@15:|items|" },
    ]);
  });

  it("a result not called keeps the function run in place: awaited, a value, a useMemo, two functions handed", () => {
    expectSites(`${HEAD}declare function useMemo<T>(f: () => T, deps: unknown[]): T;
declare function both<T>(f: T, g: T): T;
export async function run(qs: string[], q: string) {
  for (const x of qs) await limit(() => client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: x }] })); // @site
  const once = await someWrapper(async () => client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] })); // @site
  const p = someWrapper(async () => client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] })); // @site
  const v = useMemo(() => client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }), []); // @site
  const two = both(async () => client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }), async () => 1); // @site
  for (const x of qs) await two();
  return [once, await p, await v];
}
`, [
      { calls: "Θ(|qs|)", input: "Θ(|qs|·|x|)", loops: "for-of@10:|qs|" },
      { calls: "Θ(1)", input: "Θ(|q|)", loops: "" },
      { calls: "Θ(1)", input: "Θ(|q|)", loops: "" },
      { calls: "Θ(1)", input: "Θ(|q|)", loops: "" },
      { calls: "Θ(1)", input: "Θ(|q|)", loops: "" },
    ]);
  });

  it("an exported wrapper is summarised like a function: another module's calls of it count", () => {
    const files: Record<string, string> = {
      "/p/ask.ts": `import OpenAI from "openai";
import { traceable } from "langsmith/traceable";
const client = new OpenAI();
export const ask = traceable(async (q: string) => client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }), { name: "ask" });
`,
      "/p/main.ts": `import { ask } from "./ask";
export async function run(pages: string[]) {
  for (const p of pages) await ask(p);
}
`,
    };
    const project = new Project(ts, { readFile: (f) => files[f], fileExists: (f) => f in files });
    const [f, ...more] = project.analyze("/p/main.ts").findings;
    assert.ok(f, "a site in main.ts");
    assert.equal(more.length, 0);
    assert.equal(f.line, 3);
    assert.equal(formatBound(f.calls, f.rank), "Θ(|pages|)");
    assert.equal(formatBound(f.inputTokens, f.rank), "Θ(|pages|·|p|)");
    const [own] = project.analyze("/p/ask.ts").findings;
    assert.equal(own?.functionName, "ask");
    assert.equal(formatBound(own!.calls, own!.rank), "Θ(1)");
  });
});

describe("a function imported from another module and wrapped by traceable", () => {
  it("const ask = traceable(importedFn, { name }): a call of ask is a call of the imported function", () => {
    const files: Record<string, string> = {
      "/p/llm.ts": `import OpenAI from "openai";
const client = new OpenAI();
export async function askFunc(q: string) {
  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });
}
`,
      "/p/main.ts": `import { traceable } from "langsmith/traceable";
import { askFunc } from "./llm";
const ask = traceable(askFunc, { name: "ask" });
export async function run(pages: string[]) {
  for (const p of pages) await ask(p);
}
`,
    };
    const project = new Project(ts, { readFile: (f) => files[f], fileExists: (f) => f in files });
    const found = project.analyze("/p/main.ts").findings;
    assert.deepEqual(found.map((f) => [f.line, formatBound(f.calls, f.rank), formatBound(f.inputTokens, f.rank)]), [[5, "Θ(|pages|)", "Θ(|pages|·|p|)"]]);
  });
});
