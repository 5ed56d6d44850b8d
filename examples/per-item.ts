// Pattern: a sequential per-item loop with a local model (ollama).
// Each ticket is labelled by its own call; nothing is carried between iterations.
// Expected bounds: calls Θ(|tickets|); input Θ(|tickets|·|tickets[]|); span Θ(|tickets|).
import ollama from "ollama";

const LABELS = ["bug", "feature-request", "question", "billing"];

export async function triageTickets(tickets: string[]): Promise<Array<{ ticket: string; label: string }>> {
  const triaged: Array<{ ticket: string; label: string }> = [];

  for (let i = 0; i < tickets.length; i++) {
    const response = await ollama.chat({
      model: "llama3.1:8b",
      messages: [
        { role: "system", content: `Label the support ticket with one of: ${LABELS.join(", ")}. Reply with the label only.` },
        { role: "user", content: tickets[i] },
      ],
    });
    const label = response.message.content.trim().toLowerCase();
    triaged.push({ ticket: tickets[i], label: LABELS.includes(label) ? label : "question" });
  }

  return triaged;
}
