// A language service over one in-memory agent file, as tsserver's project would give the plugin,
// for unit tests of the plugin without a server.
import * as ts from "typescript";

export const FILE = "/p/agent.ts";
const AGENT = (n: number): string => `import OpenAI from "openai";
const client = new OpenAI();
// version ${n}
export async function chat(questions: string[]): Promise<void> {
  const messages: { role: "user"; content: string }[] = [];
  for (const q of questions) {
    messages.push({ role: "user", content: q });
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 300, messages });
  }
}
`;

/** A language service over one in-memory file, as tsserver's project would give the plugin. */
export function service(): { languageService: ts.LanguageService; edit(): void } {
  let version = 1;
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => ({ strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, noLib: true, types: [] }),
    getScriptFileNames: () => [FILE],
    getScriptVersion: () => String(version),
    getScriptSnapshot: (f) => (f === FILE ? ts.ScriptSnapshot.fromString(AGENT(version)) : undefined),
    getCurrentDirectory: () => "/p",
    getDefaultLibFileName: () => "lib.d.ts",
    fileExists: (f) => f === FILE,
    readFile: (f) => (f === FILE ? AGENT(version) : undefined),
  };
  return { languageService: ts.createLanguageService(host), edit: () => version++ };
}

/** What tsserver hands the plugin's create(), around `languageService`. */
export function pluginInfo(languageService: ts.LanguageService): ts.server.PluginCreateInfo {
  const logger = { info: () => undefined, hasLevel: () => false };
  return { languageService, config: {}, project: { projectService: { logger }, getProjectName: () => "/p/tsconfig.json", refreshDiagnostics: () => undefined } } as never;
}
