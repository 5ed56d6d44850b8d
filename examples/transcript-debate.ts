// Pattern: a string transcript that grows with `+=`, re-sent every turn (OpenAI Responses API).
// Two personas take turns; each turn reads the whole transcript so far.
// Expected bounds: calls Θ(turns); input Θ(turns·|topic| + turns²) (each reply is capped
// by max_output_tokens: 300, so the transcript grows by O(1) tokens per turn).
import OpenAI from "openai";

const client = new OpenAI();

export async function debate(topic: string, turns: number): Promise<string> {
  let transcript = `Debate topic: ${topic}\n`;

  for (let turn = 0; turn < turns; turn++) {
    const speaker = turn % 2 === 0 ? "Proponent" : "Opponent";
    const response = await client.responses.create({
      model: "gpt-4.1-mini",
      instructions: `You are the ${speaker}. Reply to the last argument in one short paragraph.`,
      input: transcript,
      max_output_tokens: 300,
    });
    transcript += `\n${speaker}: ${response.output_text}\n`;
  }

  return transcript;
}
