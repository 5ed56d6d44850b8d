// Pattern: k-task routing with a delegator and specialists (AALP paper §3.1.2).
// The delegator only sees a fixed-size header of the request and replies with a label
// (max_tokens: 5); the chosen small specialist then reads the full request.
// Expected bounds: delegator 1 call, input Θ(1), output Θ(1);
//                  specialist 1 call, input Θ(|request|), output Θ(1).
import Anthropic from "@anthropic-ai/sdk";

const client = new Anthropic();

const SPECIALISTS: Record<string, { model: string; system: string }> = {
  refund: { model: "claude-3-5-haiku-latest", system: "You process refund requests. Be brief." },
  shipping: { model: "claude-3-5-haiku-latest", system: "You track shipments. Be brief." },
  billing: { model: "claude-3-5-haiku-latest", system: "You answer billing questions. Be brief." },
};

export async function routeRequest(request: string): Promise<string> {
  // Route on the first 200 characters only: subject line and the opening sentence.
  const routing = await client.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 5,
    system: `Classify the request. Reply with one word: ${Object.keys(SPECIALISTS).join(", ")}.`,
    messages: [{ role: "user", content: request.slice(0, 200) }],
  });
  const first = routing.content[0];
  const label = first && first.type === "text" ? first.text.trim().toLowerCase() : "";
  const specialist = SPECIALISTS[label] ?? SPECIALISTS.billing;

  const answer = await client.messages.create({
    model: specialist.model,
    max_tokens: 300,
    system: specialist.system,
    messages: [{ role: "user", content: request }],
  });
  const block = answer.content[0];
  return block && block.type === "text" ? block.text : "";
}
