// Pattern: a chat loop in one file around an LLM wrapper in another (wrapper-llm.ts).
// The history grows by the question and the answer every turn and is re-sent whole through
// ask(), so the cost shows up at the loop's call of the wrapper, not in the wrapper itself.
// Expected bounds at the call of ask(): calls Θ(|questions|);
//                  input Θ(|questions|²·|question| + |questions|²·out[gpt-4o]).
import { ask, type ChatMessage } from "./wrapper-llm";

const SYSTEM = "You are interviewing a candidate for a backend role. Comment briefly on each answer.";

export async function interview(questions: string[]): Promise<string[]> {
  const history: ChatMessage[] = [{ role: "system", content: SYSTEM }];
  const comments: string[] = [];

  for (const question of questions) {
    history.push({ role: "user", content: question });
    const comment = await ask(history);
    history.push({ role: "assistant", content: comment });
    comments.push(comment);
  }

  return comments;
}
