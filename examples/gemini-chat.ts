// Pattern: a stateful chat session. The SDK's chat object keeps the conversation and sends all
// of it with every message, so the client code looks flat (one question per call) while the
// billed input grows with every turn.
// Expected bounds: calls Θ(|questions|); billed input Θ(|questions|²·|q|) (growth: stateful;
//                  replies capped at maxOutputTokens: 256).
import { GoogleGenAI } from "@google/genai";

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function studyGuide(questions: string[]): Promise<string[]> {
  const chat = ai.chats.create({
    model: "gemini-2.5-flash",
    config: { systemInstruction: "You are a study guide for a history course.", maxOutputTokens: 256 },
  });
  const answers: string[] = [];
  for (const q of questions) {
    const response = await chat.sendMessage({ message: q });
    answers.push(response.text ?? "");
  }
  return answers;
}
