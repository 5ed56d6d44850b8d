// Pattern: agent shapes that used to be counted wrong (issue 17), one per function.
//   mappedHistory: the history is sent as a mapped copy (history.map(…)) and each answer is pushed:
//                  input Θ(turns²·out + turns·|task|), not "no growth".
//   drainPending:  notes queue up in `pending`, which is emptied into the conversation under
//                  `if (pending.length)`: the conversation grows by one note a turn, input
//                  Θ(|notes|²·|note|), not cubic.
//   runLoopers:    a method that calls itself while `this.count++ < this.maxLoops`: maxLoops + 1
//                  requests per task, not one.
import OpenAI from "openai";

const openai = new OpenAI();

type Message = { role: "user" | "assistant"; content: string };

export async function mappedHistory(task: string, turns: number): Promise<string> {
  const history: Message[] = [{ role: "user", content: task }];
  for (let i = 0; i < turns; i++) {
    const r = await openai.chat.completions.create({ model: "gpt-4.1", max_tokens: 50, messages: history.map((m) => ({ role: m.role, content: m.content })) });
    history.push({ role: "assistant", content: r.choices[0].message.content ?? "" });
  }
  return history[history.length - 1].content;
}

export async function drainPending(notes: string[]): Promise<void> {
  const messages: Message[] = [];
  let pending: Message[] = [];
  for (const note of notes) {
    pending.push({ role: "user", content: note });
    if (pending.length) {
      messages.push(...pending);
      pending = [];
    }
    await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 10, messages });
  }
}

class Looper {
  private count = 0;
  constructor(private readonly maxLoops: number) {}

  async loop(task: string): Promise<void> {
    await openai.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user", content: task }] });
    if (this.count++ < this.maxLoops) await this.loop(task);
  }
}

export async function runLoopers(tasks: string[], maxLoops: number): Promise<void> {
  for (const task of tasks) await new Looper(maxLoops).loop(task);
}
