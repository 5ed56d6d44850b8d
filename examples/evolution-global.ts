// Pattern: LLM-driven evolution with global mutation (AALP paper §3.3.1), a (1+1)-EA.
// Each iteration asks the model to mutate the WHOLE solution; the candidate replaces the
// current solution when it scores better. The loop exit depends on the data (fitness).
// Expected bounds: calls Θ(T) with T the (unbounded) number of iterations;
//                  input Θ(T·|x|); generation cost Θ(T·|x|²) (the model rewrites all of x).
import OpenAI from "openai";

const openai = new OpenAI();

const MUTATION_PROMPT =
  "Here is a candidate solution. Propose an improved variant: change every part of it a little. Reply with the full solution only.";

export async function evolve(x: string, fitness: (solution: string) => number, target: number): Promise<string> {
  while (fitness(x) < target) {
    const completion = await openai.chat.completions.create({
      model: "gpt-4o",
      messages: [
        { role: "system", content: MUTATION_PROMPT },
        { role: "user", content: x },
      ],
    });
    const candidate = completion.choices[0].message.content ?? x;
    if (fitness(candidate) > fitness(x)) {
      x = candidate;
    }
  }

  return x;
}
