// The agent file the plugin benchmarks edit: 200 chat loops (one LLM call each, a history that
// grows) between plain functions, cut at the given number of lines.

/** `lines` lines of agent code: the plugin reports one growing history per chat loop. */
export function agentFile(lines: number): string {
  const out = [`import OpenAI from "openai";`, `const client = new OpenAI();`, `// edit marker: 0`];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `export async function chat${i}(questions: string[], limit: number): Promise<string[]> {`,
      `  const messages: { role: string; content: string }[] = [{ role: "system", content: "Agent ${i}" }];`,
      `  const answers: string[] = [];`,
      `  for (const q of questions.slice(0, limit)) {`,
      `    messages.push({ role: "user", content: q });`,
      `    const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 200, messages });`,
      `    const answer = r.choices[0].message.content ?? "";`,
      `    messages.push({ role: "assistant", content: answer });`,
      `    answers.push(answer.trim().toLowerCase());`,
      `  }`,
      `  return answers;`,
      `}`,
      `export function format${i}(rows: { id: number; name: string }[]): string {`,
      `  return rows.map((r) => \`\${r.id}: \${r.name}\`).join("\\n");`,
      `}`,
    );
  }
  return out.slice(0, lines).join("\n") + "\n";
}

/** The `openai` package as the file uses it, so that the file type-checks. */
export const OPENAI_STUB = `export default class OpenAI {
  chat: { completions: { create(body: { model: string; max_tokens?: number; messages: { role: string; content: string }[] }): Promise<{ choices: { message: { content: string | null } }[] }> } };
}
`;
