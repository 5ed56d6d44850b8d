// Pattern: LLM-driven evolution with local mutation (AALP paper §3.3.2).
// The solution comes pre-split into blocks (an oracle decomposition); the model mutates one
// block per call, with a small fixed number of attempts per block.
// Expected bounds: calls Θ(|blocks|); input Θ(|blocks|·|block|);
//                  generation cost Θ(|blocks|·|block|²).
import OpenAI from "openai";

const openai = new OpenAI();

const MAX_ATTEMPTS = 4;

export async function evolveBlocks(blocks: string[], isCorrect: (block: string) => boolean): Promise<string> {
  const improved: string[] = [];

  for (const block of blocks) {
    let current = block;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (isCorrect(current)) break;
      const completion = await openai.chat.completions.create({
        model: "gpt-4o",
        messages: [
          { role: "system", content: "Improve this block of the solution. Reply with the new block only." },
          { role: "user", content: current },
        ],
      });
      current = completion.choices[0].message.content ?? current;
    }
    improved.push(current);
  }

  return improved.join("\n\n");
}
