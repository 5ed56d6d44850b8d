// The agent file the plugin benchmarks edit: 200 loops over questions between plain functions, cut
// at the given number of lines. Every `chatEvery`-th loop is a chat loop (one LLM call each, a
// history that grows); the others have the same shape but call a local function, not a model.

/**
 * `lines` lines of agent code: the plugin reports one growing history per chat loop, so 200
 * findings in 3,000 lines by default (one every 15 lines), 20 with `chatEvery` 10.
 */
export function agentFile(lines: number, chatEvery = 1): string {
  // One declaration line either way: 3 + 15·199 + 12 lines end the file with a whole chat loop.
  const declarations = chatEvery > 1 ? `const client = new OpenAI(), lookup = async (q: string): Promise<string> => q;` : `const client = new OpenAI();`;
  const out = [`import OpenAI from "openai";`, declarations, `// edit marker: 0`];
  for (let i = 0; out.length < lines; i++) {
    const chat = i % chatEvery === 0;
    out.push(
      `export async function chat${i}(questions: string[], limit: number): Promise<string[]> {`,
      `  const messages: { role: string; content: string }[] = [{ role: "system", content: "Agent ${i}" }];`,
      `  const answers: string[] = [];`,
      `  for (const q of questions.slice(0, limit)) {`,
      `    messages.push({ role: "user", content: q });`,
      chat ? `    const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 200, messages });` : `    const r = { choices: [{ message: { content: await lookup(q) } }] };`,
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
