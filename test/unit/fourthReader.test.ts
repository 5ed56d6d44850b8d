// Shapes a fourth reader met (issue 17): LlamaIndex's query engines and LLM classes, Inngest
// AgentKit's server, LangGraph's streamEvents, test doubles given as `llm`. Each test is a small
// program of the shape, with its exact bounds, classes and growth.
import { expectSites } from "./analyze";

describe("fourth reader: LlamaIndex query engines and LLM classes", () => {
  it("an index's query engine answers each query with one request; its chat engine keeps the conversation", () => {
    // LlamaIndexTS examples/index/*: VectorStoreIndex.fromDocuments(docs).asQueryEngine().query({ query }).
    expectSites(`import { RetrieverQueryEngine, SummaryIndex, VectorStoreIndex } from "llamaindex";
export async function main(docs: any[], questions: string[], retriever: any) {
  const index = await VectorStoreIndex.fromDocuments(docs);
  const engine = index.asQueryEngine();
  for (const q of questions) await engine.query({ query: q }); // @site
  const chat = index.asChatEngine();
  for (const q of questions) await chat.chat({ message: q }); // @site
  await new RetrieverQueryEngine(retriever).query({ query: "How many?" }); // @site
  const summary = await SummaryIndex.fromDocuments(docs);
  await summary.queryEngine().query("What is it about?"); // @site
  await index.asRetriever().retrieve({ query: "only retrieval" });
}
`, [
      { api: "llamaindex query", calls: "Θ(|questions|)", input: "Θ(|questions|·|q|)", growth: "none" },
      { api: "llamaindex chat", calls: "Θ(|questions|)", growth: "stateful" },
      { api: "llamaindex query", calls: "Θ(1)", growth: "none" },
      { api: "llamaindex query", calls: "Θ(1)", growth: "none" },
    ]);
  });

  it("OpenAIResponses, HuggingFaceLLM, HuggingFaceInferenceAPI and VercelLLM (and their factories) are LLMs", () => {
    // LlamaIndexTS examples/models/openai/responses/*, huggingface/local.ts, vercel/llm.ts.
    expectSites(`import { openaiResponses, OpenAIResponses } from "@llamaindex/openai";
import { HuggingFaceInferenceAPI, HuggingFaceLLM, huggingface } from "@llamaindex/huggingface";
import { VercelLLM, vercel } from "@llamaindex/vercel";
export async function main(model: any, prompts: string[]) {
  const llm = openaiResponses({ model: "gpt-4.1-mini", builtInTools: [{ type: "image_generation" }] });
  await llm.chat({ messages: [{ role: "user", content: "Draw a llama" }] }); // @site
  await new OpenAIResponses({ model: "gpt-4.1" }).complete({ prompt: "Hi" }); // @site
  await new HuggingFaceLLM().chat({ messages: [{ role: "user", content: "Rhyme" }] }); // @site
  await huggingface({ model: "Xenova/phi" }).complete({ prompt: "Hi" }); // @site
  await new HuggingFaceInferenceAPI({ model: "mistral" }).chat({ messages: [] }); // @site
  const v = new VercelLLM({ model });
  for (const p of prompts) await v.complete({ prompt: p }); // @site
  await vercel({ model }).chat({ messages: [] }); // @site
}
`, [
      { api: "llamaindex chat", model: "gpt-4.1-mini", calls: "Θ(1)" },
      { api: "llamaindex complete", model: "gpt-4.1", calls: "Θ(1)" },
      { api: "llamaindex chat", calls: "Θ(1)" },
      { api: "llamaindex complete", model: "Xenova/phi", calls: "Θ(1)" },
      { api: "llamaindex chat", model: "mistral", calls: "Θ(1)" },
      { api: "llamaindex complete", calls: "Θ(|prompts|)", input: "Θ(|prompts|·|p|)" },
      { api: "llamaindex chat", calls: "Θ(1)" },
    ]);
  });
});
