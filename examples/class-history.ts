// Pattern: a stateful assistant object. Its method appends every step and every reply to
// this.history and sends the whole history each time, so one instance used across a loop
// re-sends all earlier steps on every call.
// Expected bounds at the loop's call of assistant.ask(): calls Θ(|steps|);
//                  input Θ(|steps|²·|step|) (replies capped at max_tokens: 300).
import Anthropic from "@anthropic-ai/sdk";

const client = new Anthropic();

export class PlanningAssistant {
  private history: Anthropic.MessageParam[] = [];

  async ask(step: string): Promise<string> {
    this.history.push({ role: "user", content: step });
    const message = await client.messages.create({
      model: "claude-sonnet-4-5",
      max_tokens: 300,
      system: "You help carry out a project plan one step at a time. Say how to do the step.",
      messages: this.history,
    });
    const first = message.content[0];
    const text = first && first.type === "text" ? first.text : "";
    this.history.push({ role: "assistant", content: text });
    return text;
  }
}

export async function walkThroughPlan(steps: string[]): Promise<string[]> {
  const assistant = new PlanningAssistant();
  const notes: string[] = [];
  for (const step of steps) {
    notes.push(await assistant.ask(step));
  }
  return notes;
}
