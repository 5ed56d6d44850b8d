// Growth made by a callee (issue 17, the review's leftovers): a helper that pushes in a loop of its
// own adds one element per iteration of that loop at each call, in the caller's terms.
import { expectSites } from "./analyze";

describe("callee growth: a push inside a helper's own loop", () => {
  it("addAll(h, batch) pushing each element of batch adds |batch| elements per call: Θ(|groups|²·|batch|·|batch[]|)", () => {
    expectSites(`import OpenAI from "openai";
const client = new OpenAI();
function addAll(h: any[], rs: string[]) {
  for (const r of rs) h.push({ role: "tool", content: r });
}
function addOne(h: any[], r: string) {
  h.push({ role: "tool", content: r });
}
export async function batches(groups: string[][]) {
  const history: any[] = [];
  for (const batch of groups) {
    addAll(history, batch);
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: history }); // @site
  }
}
export async function ones(items: string[]) {
  const history: any[] = [];
  for (const item of items) {
    addOne(history, item);
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: history }); // @site
  }
}
`, [
      // Before: Θ(|groups|²·|r|), one element per call.
      { calls: "Θ(|groups|)", input: "Θ(|groups|²·|batch|·|batch[]|)", growth: "constant" },
      { calls: "Θ(|items|)", input: "Θ(|items|²·|item|)", growth: "constant" },
    ]);
  });

  it("a count parameter's loop (for i < n), a loop that may stop early (an O bound) and a method pushing to this.history in its own loop", () => {
    expectSites(`import OpenAI from "openai";
const client = new OpenAI();
function pad(h: string[], n: number) {
  for (let i = 0; i < n; i++) h.push("filler text");
}
function upTo(h: string[], rs: string[]) {
  for (const r of rs) {
    if (r === "stop") break;
    h.push(r);
  }
}
export async function padded(qs: string[], k: number) {
  const history: string[] = [];
  for (const q of qs) {
    pad(history, k);
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: history.join("") + q }] }); // @site
  }
}
export async function early(groups: string[][]) {
  const history: string[] = [];
  for (const g of groups) {
    upTo(history, g);
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: history.join("") }] }); // @site
  }
}
class Chat {
  private history: string[] = [];
  recordAll(rs: string[]) {
    for (const r of rs) this.history.push(r);
  }
  async run(groups: string[][]) {
    for (const batch of groups) {
      this.recordAll(batch);
      await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: this.history.join("") }] }); // @site
    }
  }
}
`, [
      { calls: "Θ(|qs|)", input: "Θ(|qs|²·k + |qs|·|q|)", growth: "constant" },
      { calls: "Θ(|groups|)", input: "O(|groups|²·|g|·|g[]|)", growth: "constant" },
      // This call's pushes, and every earlier invocation's on the instance (calls[Chat]).
      { calls: "Θ(|groups|)", input: "O(|groups|²·|batch|·|batch[]| + |groups|·|rs|·calls[Chat]·|r|)", growth: "constant" },
    ]);
  });
});

describe("callee growth: a field of an object the caller hands in, grown across invocations", () => {
  it("const { state } = params, a helper pushing the tool results into state.messages, a follow-up per chunk (VoltAgent's groq provider): quadratic in the chunks", () => {
    expectSites(`import OpenAI from "openai";
interface State { messages: any[] }
class Provider {
  private client = new OpenAI();
  private runTools(calls: string[], messages: any[]) {
    for (const c of calls) messages.push({ role: "tool", content: c });
  }
  private async onChunk(params: { calls: string[]; state: State }) {
    const { calls, state } = params;
    if (calls.length === 0) return;
    this.runTools(calls, state.messages);
    await this.client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: state.messages }); // @site
  }
  private async inPlace({ calls, state }: { calls: string[]; state: State }) {
    this.runTools(calls, state.messages);
    await this.client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: state.messages }); // @site
  }
  async process(stream: AsyncIterable<string[]>, state: State) {
    for await (const calls of stream) {
      await this.onChunk({ calls, state }); // @site
    }
  }
}
`, [
      // Each invocation adds |calls| tool results; earlier ones (calls[onChunk]) added theirs to the same state.
      { calls: "Θ(1)", input: "O(|calls|·calls[onChunk]·|calls[]| + |state.messages|)", growth: "constant" },
      { calls: "Θ(1)", input: "O(|calls|·calls[inPlace]·|calls[]| + |state.messages|)", growth: "constant" },
      // Before: Θ(|stream|·|state.messages|), growth none.
      { calls: "Θ(|stream|)", input: "O(|stream|²·|calls[]|·|calls| + |state.messages|·|stream|)", growth: "constant" },
    ]);
  });

  it("a field nothing grows, or an object destructured from a local: no growth across invocations", () => {
    expectSites(`import OpenAI from "openai";
interface State { messages: any[] }
const client = new OpenAI();
async function send(params: { state: State }) {
  const { state } = params;
  await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: state.messages }); // @site
}
async function local(q: string) {
  const holder = { state: { messages: [] as any[] } };
  const { state } = holder;
  state.messages.push({ role: "user", content: q });
  await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: state.messages }); // @site
}
export async function main(qs: string[], state: State) {
  for (const q of qs) {
    await send({ state }); // @site
    await local(q); // @site
  }
}
`, [
      { calls: "Θ(1)", input: "Θ(|state.messages|)", growth: "none" },
      // Before: |q| was not seen (a field of a destructured binding was not followed).
      { calls: "Θ(1)", input: "Θ(|q| + |state.messages|)", growth: "none" },
      { calls: "Θ(|qs|)", input: "Θ(|qs|·|state.messages|)", growth: "none" },
      { calls: "Θ(|qs|)", input: "Θ(|qs|·|q| + |qs|·|state.messages|)", growth: "none" },
    ]);
  });
});
