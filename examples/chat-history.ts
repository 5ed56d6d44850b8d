// Pattern: a chat loop whose history grows without bound.
// Every turn re-sends all previous questions and answers.
// Expected bounds: calls Θ(|questions|);
//                  input Θ(|questions|²·|question| + |questions|²·out[gpt-4.1]).
import { generateText, type ModelMessage } from "ai";
import { openai } from "@ai-sdk/openai";

const SYSTEM = "You are a patient tutor. Answer the student's question, building on the earlier answers.";

export async function tutor(questions: string[]): Promise<string[]> {
  const messages: ModelMessage[] = [{ role: "system", content: SYSTEM }];
  const answers: string[] = [];

  for (const question of questions) {
    messages.push({ role: "user", content: question });
    const { text } = await generateText({ model: openai("gpt-4.1"), messages });
    messages.push({ role: "assistant", content: text });
    answers.push(text);
  }

  return answers;
}
