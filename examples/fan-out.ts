// Pattern: parallel fan-out, one call per document under Promise.all.
// Expected bounds: calls Θ(|docs|); input Θ(|docs|·|doc|); output Θ(|docs|) (max_tokens: 150);
//                  span Θ(1) calls (all requests are in flight at once).
import OpenAI from "openai";

const client = new OpenAI();

export async function summarizeAll(docs: string[]): Promise<string[]> {
  const completions = await Promise.all(
    docs.map((doc) =>
      client.chat.completions.create({
        model: "gpt-4o-mini",
        max_tokens: 150,
        messages: [
          { role: "system", content: "Summarize the document in two sentences." },
          { role: "user", content: doc },
        ],
      }),
    ),
  );

  return completions.map((completion) => completion.choices[0].message.content ?? "");
}
