// Pattern: naive two-agent debugging loop (AALP paper §3.2.1), autogen style.
// A QA engineer and a developer alternate for `rounds` rounds; both read the whole shared
// conversation, which keeps every version of the program and every bug report.
// The developer rewrites the whole program each round.
// Expected bounds: QA calls Θ(rounds), input Θ(rounds²·|program|), output Θ(1) (max_tokens: 200);
//                  developer calls Θ(rounds), input Θ(rounds²·|program|),
//                  generation cost Θ(rounds²·|program|²) (output ≈ |program| per call).
import OpenAI from "openai";

const openai = new OpenAI();

const QA_PROMPT = "You are a QA engineer. Find exactly one bug in the latest version of the program and describe it briefly.";
const DEV_PROMPT = "You are a software developer. Fix the bug the QA engineer reported. Reply with the complete program only.";

export async function debugProgram(program: string, rounds: number): Promise<string> {
  const conversation: OpenAI.Chat.ChatCompletionMessageParam[] = [];

  for (let round = 0; round < rounds; round++) {
    conversation.push({ role: "user", content: `Current version of the program:\n\n${program}` });

    const qa = await openai.chat.completions.create({
      model: "gpt-4o-mini",
      max_tokens: 200,
      messages: [{ role: "system", content: QA_PROMPT }, ...conversation],
    });
    const bugReport = qa.choices[0].message.content ?? "";
    conversation.push({ role: "assistant", content: bugReport });

    const dev = await openai.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "system", content: DEV_PROMPT }, ...conversation],
    });
    program = dev.choices[0].message.content ?? program;
  }

  return program;
}
