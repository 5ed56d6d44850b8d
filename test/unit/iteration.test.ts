// Loops, trip-count symbols, Θ vs O, span.
import { expectSites } from "./analyze";

const HEAD = `import OpenAI from "openai";
const ai = new OpenAI();
const ask = (content: string) => ({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user" as const, content }] });
`;

describe("iteration and trip counts", () => {
  it("names trip counts after the source: turns, |xs|, literals", () => {
    expectSites(`${HEAD}export async function f(turns: number, xs: string[], o: Record<string, string>) {
  for (let i = 0; i < turns; i++) await ai.chat.completions.create(ask("q")); // @site
  for (const x of xs) await ai.chat.completions.create(ask(x)); // @site
  for (let i = 0; i < xs.length; i++) await ai.chat.completions.create(ask(xs[i])); // @site
  for (let i = 0; i < 5; i++) await ai.chat.completions.create(ask("q")); // @site
  for (const k in o) await ai.chat.completions.create(ask(k)); // @site
  for (let i = turns; i > 0; i--) await ai.chat.completions.create(ask("q")); // @site
}
`, [
      { calls: "Θ(turns)", loops: "for@5:turns" },
      { calls: "Θ(|xs|)", loops: "for-of@6:|xs|" },
      { calls: "Θ(|xs|)", loops: "for@7:|xs|" },
      { calls: "Θ(1)", loops: "for@8:5" },
      { calls: "Θ(|o|)", loops: "for-in@9:|o|" },
      { calls: "Θ(turns)", loops: "for@10:turns" },
    ]);
  });

  it("while and do-while: counters give a bound, data-only exits are unbounded T<line>", () => {
    expectSites(`${HEAD}export async function f(maxIter: number, target: number) {
  let done = false;
  let iter = 0;
  while (!done && iter < maxIter) {
    const r = await ai.chat.completions.create(ask("step")); // @site
    done = r.choices[0].message.content === "DONE";
    iter++;
  }
  while (true) {
    const r = await ai.chat.completions.create(ask("again")); // @site
    if (r.choices[0].message.content === "ok") break;
  }
  let score = 0;
  do {
    await ai.chat.completions.create(ask("try")); // @site
    score = Math.random();
  } while (score < target);
}
`, [
      { calls: "O(maxIter)", loops: "while@7:maxIter" },
      { calls: "O(T[f])", loops: "while@12:T[f]!" },
      { calls: "O(T[f#2])", loops: "do-while@17:T[f#2]!" },
    ]);
  });

  it("a loop that retries a request on error is one request; a try that does not leave the loop is a loop", () => {
    expectSites(`${HEAD}export async function f(maxAttempts: number, models: string[], qs: string[]) {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    try {
      const r = await ai.chat.completions.create(ask("q")); // @site
      return r;
    } catch (e) {
      if (attempt === maxAttempts - 1) throw e;
    }
  }
  while (true) {
    try {
      await ai.chat.completions.create(ask("again")); // @site
      break;
    } catch {}
  }
  for (const model of models) {
    try {
      return await ai.chat.completions.create({ ...ask("q"), model }); // @site
    } catch {}
  }
  for (const q of qs) {
    try {
      await ai.chat.completions.create(ask(q)); // @site
    } catch {}
  }
  for (let i = 0; i < maxAttempts; i++) {
    try {
      await ai.chat.completions.create(ask("q")); // @site
      return;
    } catch {
      await ai.chat.completions.create(ask("explain the error")); // @site
    }
  }
}
`, [
      { calls: "Θ(1)", loops: "for@5:1" },
      { calls: "Θ(1)", loops: "while@13:1" },
      { calls: "Θ(1)", loops: "for-of@19:1" },
      { calls: "Θ(|qs|)", loops: "for-of@24:|qs|" },
      { calls: "Θ(1)", loops: "for@29:1" },
      { calls: "O(maxAttempts)", loops: "for@29:maxAttempts" },
    ]);
  });

  it("array callbacks, Promise.all fan-outs, nested loops, span", () => {
    expectSites(`${HEAD}export async function f(docs: string[], pages: string[]) {
  await Promise.all(docs.map((d) => ai.chat.completions.create(ask(d)))); // @site
  await Promise.allSettled(docs.flatMap((d) => [ai.chat.completions.create(ask(d))])); // @site
  docs.forEach(async (d) => { await ai.chat.completions.create(ask(d)); }); // @site
  await docs.reduce(async (acc, d) => { await acc; await ai.chat.completions.create(ask(d)); }, Promise.resolve()); // @site
  for (const d of docs) for (const p of pages) await ai.chat.completions.create(ask(d + p)); // @site
  for (const d of docs) await Promise.all(pages.map((p) => ai.chat.completions.create(ask(p)))); // @site
  const pending = [];
  for (const d of docs) pending.push(ai.chat.completions.create(ask(d))); // @site
  await Promise.all(pending);
}
`, [
      { calls: "Θ(|docs|)", span: "Θ(1)", input: "Θ(|docs|·|d|)" },
      { calls: "Θ(|docs|)", span: "Θ(1)" },
      { calls: "Θ(|docs|)", span: "Θ(1)" },
      { calls: "Θ(|docs|)", span: "Θ(|docs|)" },
      { calls: "Θ(|docs|·|pages|)", span: "Θ(|docs|·|pages|)", input: "Θ(|docs|·|pages|·|d| + |docs|·|pages|·|p|)" },
      { calls: "Θ(|docs|·|pages|)", span: "Θ(|docs|)" },
      { calls: "Θ(|docs|)", span: "Θ(1)" },
    ]);
  });

  it("break, return, continue and conditions turn Θ into O", () => {
    expectSites(`${HEAD}export async function f(items: string[]) {
  for (const it of items) {
    if (it.length === 0) continue;
    await ai.chat.completions.create(ask(it)); // @site
  }
  for (const it of items) {
    const r = await ai.chat.completions.create(ask(it)); // @site
    if (r.choices.length) return it;
  }
  for (const it of items) {
    if (it.startsWith("#")) await ai.chat.completions.create(ask(it)); // @site
  }
  for (const it of items.filter((x) => x.length > 3)) await ai.chat.completions.create(ask(it)); // @site
}
`, [
      { calls: "O(|items|)" },
      { calls: "O(|items|)" },
      { calls: "O(|items|)" },
      { calls: "O(|items|)" },
    ]);
  });

  it("a loop next to a call, or reading one stream, is not around it", () => {
    expectSites(`${HEAD}export async function f(xs: string[]) {
  const stream = await ai.chat.completions.create({ model: "gpt-4o", stream: true, messages: [{ role: "user", content: "hi" }] }); // @site
  let text = "";
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
  for (const x of xs) console.log(x);
  const r = await ai.chat.completions.create(ask(text)); // @site
  for (const c of r.choices) console.log(c);
}
`, [
      { calls: "Θ(1)", input: "Θ(1)", loops: "" },
      { calls: "Θ(1)", input: "Θ(out[gpt-4o])", loops: "" },
    ]);
  });
});
