// Pattern: recursive halving summarization. A text that fits in CHUNK characters is summarized
// directly; a longer one is split in half, both halves are summarized recursively, and the two
// summaries are merged by one more call whose reply is capped (max_tokens: 300).
// T(n) = 2·T(n/2) + Θ(1) calls, with leaves of bounded size: Θ(|text|/CHUNK) calls in all, and
// Θ(|text|) input (the leaves read the text once; each merge reads two capped summaries).
// Expected bounds at the loop's call of summarize(): calls Θ(|docs|·|d|); input Θ(|docs|·|d|).
import OpenAI from "openai";

const client = new OpenAI();

const CHUNK = 2000;

async function llm(instruction: string, text: string): Promise<string> {
  const completion = await client.chat.completions.create({
    model: "gpt-4o-mini",
    max_tokens: 300,
    messages: [
      { role: "system", content: instruction },
      { role: "user", content: text },
    ],
  });
  return completion.choices[0].message.content ?? "";
}

export async function summarize(text: string): Promise<string> {
  if (text.length <= CHUNK) return llm("Summarize this passage in a short paragraph.", text);
  const mid = Math.floor(text.length / 2);
  const left = await summarize(text.slice(0, mid));
  const right = await summarize(text.slice(mid));
  return llm("Merge these two summaries of consecutive passages into one short paragraph.", `${left}\n\n${right}`);
}

export async function summarizeLibrary(docs: string[]): Promise<string[]> {
  const summaries: string[] = [];
  for (const d of docs) summaries.push(await summarize(d));
  return summaries;
}
