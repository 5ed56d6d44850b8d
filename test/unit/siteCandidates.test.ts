// The findings' walk classifies only the calls that can be sites (FileAnalyzer.maySite): a call of
// the user's function outside any loop and any recursion is no site, so the summaries it would ask
// for are not made for it. Each case gives the findings a walk over every call gave.
import * as assert from "node:assert/strict";
import ts = require("typescript");
import { FileAnalyzer } from "../../src/core/analysis/fileAnalyzer";
import { mayCallInCycle } from "../../src/core/analysis/nameCycles";
import { Scopes } from "../../src/core/binder/scopes";

const HEAD = `import OpenAI from "openai";
const ai = new OpenAI();
async function ask(q: string) { return ai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }); }
function shout(s: string) { return s.toUpperCase(); }
`;

function analyse(body: string): { findings: { line: number; api: string }[]; summaries: number; unclassified: number } {
  const a = new FileAnalyzer(ts, ts.createSourceFile("s.ts", HEAD + body, ts.ScriptTarget.Latest, true));
  const findings = a.findings().map((f) => ({ line: f.line, api: f.api }));
  return { findings, summaries: a.summariesMade, unclassified: a.unclassifiedCalls };
}

const CREATE = { line: 3, api: "chat.completions.create" };

describe("calls that cannot be sites are not classified", () => {
  it("a wrapper called once, outside any loop: the SDK call is its only site, and no summary is made", () => {
    const r = analyse(`export async function once(q: string) { const a = await ask(shout(q)); console.log(a); return a; }\n`);
    assert.deepEqual(r.findings, [CREATE]);
    // ask(…), shout(q), s.toUpperCase(), console.log(a): each classified before, ask and shout summarised.
    assert.equal(r.summaries, 0);
    assert.equal(r.unclassified, 4);
  });

  it("the same wrapper called in a loop is a site, through its summary", () => {
    const r = analyse(`export async function each(qs: string[]) { for (const q of qs) await ask(shout(q)); }\n`);
    assert.deepEqual(r.findings, [CREATE, { line: 5, api: "ask() → chat.completions.create" }]);
    assert.equal(r.summaries, 2);
    assert.equal(r.unclassified, 1);
  });

  it("in an array callback, passed by name to an iteration method, or fanned out per element, it is a site", () => {
    const r = analyse(`export async function all(qs: string[]) { await Promise.all(qs.map((q) => ask(q))); }
export async function named(qs: string[]) { await Promise.all(qs.map(ask)); }
`);
    assert.deepEqual(r.findings, [CREATE, { line: 5, api: "ask() → chat.completions.create" }, { line: 6, api: "ask() → chat.completions.create" }]);
    // Promise.all twice, qs.map((q) => …) (the callback's call is in its loop) and s.toUpperCase().
    assert.equal(r.unclassified, 4);
  });

  it("in a function that calls itself, the call is a site of the recursion", () => {
    const r = analyse(`export async function again(q: string, n: number): Promise<void> { if (n <= 0) return; await ask(q); return again(q, n - 1); }\n`);
    assert.deepEqual(r.findings, [CREATE, { line: 5, api: "ask() → chat.completions.create" }]);
    // Only s.toUpperCase(), in shout.
    assert.equal(r.unclassified, 1);
  });
});

describe("functions that may ask for each other's summaries in a cycle (nameCycles)", () => {
  const cycle = (text: string): boolean => {
    const sf = ts.createSourceFile("c.ts", text, ts.ScriptTarget.Latest, true);
    return mayCallInCycle(ts, new Scopes(ts, sf), sf);
  };

  it("a cycle through two functions, two methods, an alias or a member holding a function is one; a recursion alone is not", () => {
    assert.equal(cycle(`function a(n: number) { if (n) b(n - 1); }\nfunction b(n: number) { a(n); }\n`), true);
    assert.equal(cycle(`class C { a() { this.b(); } b() { this.a(); } }\n`), true);
    assert.equal(cycle(`function a() { f(); }\nconst f = () => g();\nfunction g() { const h = a; h(); }\n`), true);
    assert.equal(cycle(`const o = { run: () => step() };\nfunction step() { o.run(); }\n`), true);
    assert.equal(cycle(`function a(n: number): number { return n ? a(n - 1) : 0; }\nfunction b() { return a(3); }\n`), false);
  });

  it("a property's name is no reference to a variable of that name, and a class is not its methods", () => {
    assert.equal(cycle(`async function t() { const r = make({ output: [] }); const output = await r.invoke(); return output; }\n`), false);
    assert.equal(cycle(`class C { static make() { return new C(); } run() { return C.make(); } }\n`), false);
  });

  it("in such a file every call is classified, in source order, as a walk over every call did", () => {
    const a = new FileAnalyzer(ts, ts.createSourceFile("s.ts", HEAD + `function p(n: number) { if (n) q(n - 1); }\nfunction q(n: number) { p(n); }\nexport async function once(q: string) { return ask(shout(q)); }\n`, ts.ScriptTarget.Latest, true));
    assert.deepEqual(a.findings().map((f) => f.line), [3]);
    assert.equal(a.unclassifiedCalls, 0);
    // p and q (a tangle, solved in passes), ask and shout: as on a walk over every call.
    assert.equal(a.summariesMade, 6);
  });
});
