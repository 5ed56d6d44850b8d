// Pattern: a chat loop whose history is kept but only the last 8 messages are sent.
// The window caps the prompt, so the per-call input does NOT grow with the number of turns.
// Expected bounds: calls Θ(|userMessages|); input Θ(|userMessages|·|userMessage|)
// (each reply is capped at max_tokens: 400).
import OpenAI from "openai";

const openai = new OpenAI();

const SYSTEM = "You are a helpful support agent for a photo-editing app.";

export async function supportSession(userMessages: string[]): Promise<string[]> {
  const history: OpenAI.Chat.ChatCompletionMessageParam[] = [];
  const replies: string[] = [];

  for (const userMessage of userMessages) {
    history.push({ role: "user", content: userMessage });
    const completion = await openai.chat.completions.create({
      model: "gpt-4o-mini",
      max_tokens: 400,
      messages: [{ role: "system", content: SYSTEM }, ...history.slice(-8)],
    });
    const reply = completion.choices[0].message.content ?? "";
    history.push({ role: "assistant", content: reply });
    replies.push(reply);
  }

  return replies;
}
