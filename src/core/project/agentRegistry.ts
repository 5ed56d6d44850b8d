// `mastra.getAgent("weatherAgent")` names an agent the app registers elsewhere, in
// `new Mastra({ agents: { weatherAgent } })` (`getAgentById("weather-agent")`, by the `id` it was made with): the project treats the lookup as an import of the module
// that registers it, so the agent's tools, model and caps are known at the lookup. Pure string work.

/** The specifier a lookup by name imports the registering module under (no module is written so). */
export const REGISTRY_SPECIFIER = "\u0000agent registry";

/** Whether the text looks an agent up by a literal name or id (`getAgentById("x")`; a fixed run of blanks, linear). */
export function looksUpAgentByName(text: string): boolean {
  return text.includes("getAgent") && /\.getAgent(?:ById)?\s*\(\s*["'`]/.test(text);
}

/** Whether the text registers agents with a Mastra instance. */
export function registersAgents(text: string): boolean {
  return text.includes("new Mastra(");
}
