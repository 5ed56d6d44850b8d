// Pattern: a conversation kept on the server. Each request sends only the new question and
// points at the previous response (previous_response_id); the API bills the whole chain of
// earlier inputs and outputs as input tokens again on every call.
// Expected bounds: calls Θ(|questions|); billed input Θ(|questions|²·|q|) (growth: stateful;
//                  replies capped at max_output_tokens: 200).
import OpenAI from "openai";

const client = new OpenAI();

export async function followUps(questions: string[]): Promise<string[]> {
  const answers: string[] = [];
  let prev: string | undefined;
  for (const q of questions) {
    const r = await client.responses.create({
      model: "gpt-4.1",
      instructions: "Answer the customer's follow-up questions about their order.",
      input: q,
      max_output_tokens: 200,
      previous_response_id: prev,
    });
    prev = r.id;
    answers.push(r.output_text);
  }
  return answers;
}
