// Runs continued across sites whose state is read through a const, a reassigned `let`, a condition or an
// object's field, handed to a local helper, or handed to the function as a parameter (issue 17, review7's
// findings 2, 3, 5 and 10, branch h-sound8). Each shape claimed an exact bound below what runs before.
import { expectSites } from "./analyze";

const RESPONSES = `import OpenAI from "openai";
const client = new OpenAI();
`;

describe("a continued run's state read through consts, a let, a condition, an object's field", () => {
  it("a LlamaIndex state kept in a const (const st = r1.data.state), and one state object under two names (const t = s): each later run carries the runs before on it (before: neither carried)", () => {
    expectSites(`import { agent } from "@llamaindex/workflow";
import { openai } from "@llamaindex/openai";
const a = agent({ llm: openai({ model: "gpt-4o" }), tools: [] });
export async function main(q1: string, q2: string, q3: string) {
  const r1 = await a.run(q1); // @site
  const s = r1.data.state;
  const t = s;
  await a.run(q2, { state: s }); // @site
  await a.run(q3, { state: t }); // @site
}
`, [
      { calls: "O(steps[main/run])", input: "O(steps[main/run]²·tool[main/run] + steps[main/run]²·out + steps[main/run]·|q1|)" },
      {
        calls: "O(steps[main/run#2])",
        input: "O(steps[main/run]·steps[main/run#2]·tool[main/run] + steps[main/run#2]²·tool[main/run#2] + steps[main/run]·steps[main/run#2]·out + steps[main/run#2]²·out + steps[main/run#2]·|q1| + steps[main/run#2]·|q2|)",
      },
      {
        calls: "O(steps[main/run#3])",
        input:
          "O(steps[main/run]·steps[main/run#3]·tool[main/run] + steps[main/run#2]·steps[main/run#3]·tool[main/run#2] + steps[main/run#3]²·tool[main/run#3] + steps[main/run]·steps[main/run#3]·out + steps[main/run#2]·steps[main/run#3]·out + steps[main/run#3]²·out + steps[main/run#3]·|q1| + steps[main/run#3]·|q2| + steps[main/run#3]·|q3|)",
      },
    ]);
  });

  it("previous_response_id through a let moved on in straight-line code: each request the write before it, exactly (before: neither carried)", () => {
    expectSites(`${RESPONSES}export async function main(q1: string, q2: string, q3: string) {
  const r1 = await client.responses.create({ model: "gpt-4o", input: q1, max_output_tokens: 100 }); // @site
  let prev = r1.id;
  const r2 = await client.responses.create({ model: "gpt-4o", input: q2, previous_response_id: prev, max_output_tokens: 100 }); // @site
  prev = r2.id;
  await client.responses.create({ model: "gpt-4o", input: q3, previous_response_id: prev, max_output_tokens: 100 }); // @site
}
`, [
      { calls: "Θ(1)", input: "Θ(|q1|)" },
      { calls: "Θ(1)", input: "Θ(|q1| + |q2|)" },
      { calls: "Θ(1)", input: "Θ(|q1| + |q2| + |q3|)" },
    ]);
  });

  it("a let written under a condition or in a loop: every result id written to it, at most", () => {
    expectSites(`${RESPONSES}export async function main(q1: string, q2: string, q3: string, again: boolean, qs: string[]) {
  const r1 = await client.responses.create({ model: "gpt-4o", input: q1, max_output_tokens: 100 }); // @site
  let prev = r1.id;
  const r2 = await client.responses.create({ model: "gpt-4o", input: q2, max_output_tokens: 100 }); // @site
  if (again) prev = r2.id;
  await client.responses.create({ model: "gpt-4o", input: q3, previous_response_id: prev, max_output_tokens: 100 }); // @site
  for (const q of qs) {
    const r = await client.responses.create({ model: "gpt-4o", input: q, previous_response_id: prev, max_output_tokens: 100 }); // @site
    prev = r.id;
  }
}
`, [
      { calls: "Θ(1)", input: "Θ(|q1|)" },
      { calls: "Θ(1)", input: "Θ(|q2|)" },
      { calls: "Θ(1)", input: "O(|q1| + |q2| + |q3|)" },
      { calls: "Θ(|qs|)", input: "O(|qs|²·|q| + |qs|·|q1| + |qs|·|q2|)", growth: "stateful" },
    ]);
  });

  it("previous_response_id: one branch of a condition (n > 100 ? undefined : r1.id): r1's conversation at most (before: no state read at all)", () => {
    expectSites(`${RESPONSES}export async function main(q1: string, q2: string, n: number) {
  const r1 = await client.responses.create({ model: "gpt-4o", input: q1, max_output_tokens: 100 }); // @site
  await client.responses.create({ model: "gpt-4o", input: q2, previous_response_id: n > 100 ? undefined : r1.id, max_output_tokens: 100 }); // @site
}
`, [
      { calls: "Θ(1)", input: "Θ(|q1|)" },
      { calls: "Θ(1)", input: "O(|q1| + |q2|)" },
    ]);
  });

  it("previous_response_id read off an object's field (const ctx = { prev: r1.id }; ctx.prev): r1's conversation, exactly", () => {
    expectSites(`${RESPONSES}export async function main(q1: string, q2: string) {
  const r1 = await client.responses.create({ model: "gpt-4o", input: q1, max_output_tokens: 100 }); // @site
  const ctx = { prev: r1.id };
  await client.responses.create({ model: "gpt-4o", input: q2, previous_response_id: ctx.prev, max_output_tokens: 100 }); // @site
}
`, [
      { calls: "Θ(1)", input: "Θ(|q1|)" },
      { calls: "Θ(1)", input: "Θ(|q1| + |q2|)" },
    ]);
  });
});

describe("a conversation handed to a local helper, or to the function as a parameter", () => {
  it("a helper of this file sending on the chat between two sends: the later carries what it sent and got, at most; the helper's send carries what the chat it is handed holds (before: Θ without them)", () => {
    expectSites(`import { GoogleGenAI, Chat } from "@google/genai";
const ai = new GoogleGenAI({});
async function note(chat: Chat) {
  await chat.sendMessage({ message: "note this" }); // @site
}
export async function main(a: string, b: string) {
  const chat = ai.chats.create({ model: "gemini-2.0-flash" });
  await chat.sendMessage({ message: a }); // @site
  await note(chat);
  await chat.sendMessage({ message: b }); // @site
}
`, [
      { calls: "Θ(1)", input: "Θ(|chat's conversation|)" },
      { calls: "Θ(1)", input: "Θ(|a|)" },
      { calls: "Θ(1)", input: "O(|a| + |b| + |chat's conversation| + out[gemini-2.0-flash] + out)" },
    ]);
  });

  it("a state, an id or a session handed as a parameter (LlamaIndex { state }, previous_response_id, the Agents SDK's previousResponseId and session): what it holds is a size of its own (before: the prompt alone)", () => {
    expectSites(`import { agent } from "@llamaindex/workflow";
import { openai } from "@llamaindex/openai";
import OpenAI from "openai";
import { Agent, run } from "@openai/agents";
const client = new OpenAI();
const a = agent({ llm: openai({ model: "gpt-4o" }), tools: [] });
const helper = new Agent({ name: "h", instructions: "be brief" });
export async function go(q: string, state: any) {
  await a.run(q, { state }); // @site
}
export async function chained(q: string, id: string) {
  await client.responses.create({ model: "gpt-4o", input: q, previous_response_id: id, max_output_tokens: 100 }); // @site
}
export async function agentChained(q: string, id: string) {
  await run(helper, q, { previousResponseId: id }); // @site
}
export async function agentSession(q: string, session: any) {
  await run(helper, q, { session }); // @site
}
`, [
      { calls: "O(steps[go/run])", input: "O(steps[go/run]²·tool[go/run] + steps[go/run]²·out + steps[go/run]·|q| + steps[go/run]·|state's conversation|)" },
      { calls: "Θ(1)", input: "Θ(|id's conversation| + |q|)" },
      { calls: "Θ(1)", input: "Θ(|id's conversation| + |q|)" },
      { calls: "Θ(1)", input: "Θ(|q| + |session's conversation|)" },
    ]);
  });
  it("a let first set to a value that reads no earlier result (a session or id made elsewhere), then moved on by each result: the loop's chain, as before fixG (fixG made it unknown: 73 vercel/ai harness sites)", () => {
    expectSites(`${RESPONSES}declare function startId(): Promise<string | undefined>;
export async function main(qs: string[]) {
  let prev = await startId();
  for (const q of qs) {
    const r = await client.responses.create({ model: "gpt-4o", input: q, previous_response_id: prev, max_output_tokens: 100 }); // @site
    prev = r.id;
  }
}
`, [{ calls: "Θ(|qs|)", input: "Θ(|qs|²·|q|)" }]);
  });
});
