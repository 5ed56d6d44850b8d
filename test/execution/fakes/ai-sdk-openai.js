// Fake of `@ai-sdk/openai`: the provider function returns a model descriptor that the fake
// `ai` module reads (`modelId`).
function model(modelId) {
  return { specificationVersion: "v2", provider: "openai.responses", modelId };
}

export const openai = Object.assign((modelId) => model(modelId), {
  chat: model,
  responses: model,
  languageModel: model,
});

export function createOpenAI() {
  return openai;
}
