// Shapes a third reader met in repositories not read before (issue 17): code-review bots, LangChain
// apps (open-canvas, social-media-agent), Mastra workflows, VoltAgent, the OpenAI realtime agents.
// Each test is a small program of the shape, with its exact bounds, classes and growth.
import * as assert from "node:assert/strict";
import { estimate } from "../../src/core";
import { analyze, expectSites } from "./analyze";

describe("more repositories: prompt templates and batches", () => {
  it("a template filled by replace() sends what is put in: a thread whose posts go back in grows", () => {
    // social-media-agent generate-thread-posts.ts: each post's prompt is a template with the posts so far.
    expectSites(`import { ChatAnthropic } from "@langchain/anthropic";
const PROMPT = "Write the next post. Posts so far: {BODY}. Plan: {PLAN}";
export async function thread(parts: string[], plan: string) {
  const model = new ChatAnthropic({ model: "claude-sonnet-4-5", maxTokens: 100 });
  const posts: string[] = [];
  for (const part of parts) {
    const r = await model.invoke(PROMPT.replace("{BODY}", posts.join("\\n")).replaceAll("{PLAN}", part)); // @site
    posts.push(r.content as string);
  }
  await model.invoke(PROMPT.replace("{PLAN}", plan)); // @site
  await model.invoke(PROMPT.replace(/\\{PLAN\\}/g, (m) => m + plan)); // @site
}
`, [
      { calls: "Θ(|parts|)", input: "Θ(|parts|² + |parts|·|part|)", growth: "output" },
      { calls: "Θ(1)", input: "Θ(|plan|)", growth: "none" },
      // A function replacement: what it returns is not read (the template's size).
      { calls: "Θ(1)", input: "Θ(1)", growth: "none" },
    ]);
  });

  it("a builder called with a growing array maps it: the prompt grows with the array", () => {
    // social-media-agent: formatBodyPostsForPrompt(bodyPosts) inside the prompt of a loop that pushes the answers.
    expectSites(`import OpenAI from "openai";
const client = new OpenAI();
function formatPosts(posts: string[]) {
  return posts.map((p) => "<post>" + p + "</post>").join("\\n");
}
export async function thread(n: number) {
  const posts: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: "Post " + String(i) + " after " + formatPosts(posts) }] }); // @site
    posts.push(r.choices[0]!.message.content ?? "");
  }
}
`, [{ calls: "Θ(n)", input: "O(n²)", growth: "output" }]);
  });

  it("a counter stepped by a constant (i += 10) loops once per batch, and a numeric counter is no growing text", () => {
    // coderabbit ai-pr-reviewer review.ts: for (let i = 0; i < summaries.length; i += batchSize), batchSize = 10.
    expectSites(`import OpenAI from "openai";
const client = new OpenAI();
const batchSize = 10;
export async function summarise(summaries: string[]) {
  for (let i = 0; i < summaries.length; i += batchSize) {
    const batch = summaries.slice(i, i + batchSize);
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: batch.join("\\n") }] }); // @site
  }
  for (let i = 0; i < 100; i += 25) {
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: "part " + String(i) }] }); // @site
  }
}
`, [
      { calls: "O(|summaries|)", loops: "for@5:⌈|summaries|/10⌉" },
      { calls: "Θ(1)", input: "Θ(1)", growth: "none", loops: "for@9:4" },
    ]);
    const [batched, fixed] = analyze(`import OpenAI from "openai";
const client = new OpenAI();
export async function summarise(summaries: string[]) {
  for (let i = 0; i < summaries.length; i += 10) {
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: summaries.slice(i, i + 10).join("\\n") }] });
  }
  for (let i = 0; i < 100; i += 25) await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: "part " + String(i) }] });
}
`);
    // 100 summaries in batches of ten: ten requests; four parts of 25.
    assert.equal(estimate(batched!, { "|summaries|": 100 }).calls, 10);
    assert.equal(estimate(fixed!, {}).calls, 4);
  });
});
