// Fake of `@ai-sdk/openai`: the provider function returns a model descriptor that the fake
// `ai` module reads (`modelId`).
function model(modelId) {
  return { specificationVersion: "v2", provider: "openai.responses", modelId };
}

/** Provider-executed tools (`openai.tools.webSearch()`): the provider runs them inside one response, so they have no `execute`. */
const tools = {
  webSearch: (args = {}) => ({ type: "provider", id: "openai.web_search", args }),
};

export const openai = Object.assign((modelId) => model(modelId), {
  chat: model,
  responses: model,
  languageModel: model,
  tools,
});

export function createOpenAI() {
  return openai;
}
