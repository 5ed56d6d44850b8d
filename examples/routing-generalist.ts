// Pattern: k-task routing, generalist approach (AALP paper §3.1.1).
// One large, general-purpose model reads the whole customer request and answers it,
// whatever kind of task it is.
// Expected bound: 1 call; input Θ(|request|); output Θ(1) (max_tokens: 300).
import Anthropic from "@anthropic-ai/sdk";

const client = new Anthropic();

const SYSTEM_PROMPT = `You are the support assistant of an online store.
Depending on the request you may: process a refund, track a shipment,
troubleshoot a device, or answer a billing question.
Answer in at most three sentences.`;

export async function answerRequest(request: string): Promise<string> {
  const response = await client.messages.create({
    model: "claude-opus-4-1",
    max_tokens: 300,
    system: SYSTEM_PROMPT,
    messages: [{ role: "user", content: request }],
  });

  const block = response.content[0];
  return block && block.type === "text" ? block.text : "";
}
