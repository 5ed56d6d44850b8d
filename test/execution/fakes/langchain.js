// Fake of `langchain`'s createAgent({ model, tools, systemPrompt }) (and of
// `@langchain/langgraph/prebuilt`'s createReactAgent({ llm, tools, prompt })): an agent without
// tools answers in one model call, sent the system prompt and the messages; it answers the
// messages with the reply appended (invoke), or streams that run's events (streamEvents). Agents with
// tools are not faked.
import { AIMessage } from "./langchain-messages.js";
import { ChatOpenAI, chatTexts } from "./langchain-openai.js";
import { sendToHost, textsOf } from "./runtime.js";

function agent(model, tools, system) {
  if (tools?.length) throw new Error("fake langchain: agents with tools are not faked");
  const modelId = typeof model === "string" ? model.slice(model.indexOf(":") + 1) : model.model;
  const maxTokens = typeof model === "string" ? undefined : model.maxTokens;
  const run = async (state, api) => {
    const reply = await sendToHost({ sdk: "@langchain", api, model: modelId, prompt: [...textsOf(system), ...chatTexts(state.messages)], maxTokens });
    return { ...state, messages: [...state.messages, new AIMessage(reply.text)] };
  };
  return {
    invoke: (state) => run(state, "invoke"),
    // The same run, as a stream of events: one "on_chat_model_end" event carrying the reply, then the output.
    async streamEvents(state) {
      const out = await run(state, "streamEvents");
      const reply = out.messages[out.messages.length - 1];
      return (async function* () {
        yield { event: "on_chat_model_end", data: { output: reply } };
        yield { event: "on_chain_end", data: { output: out } };
      })();
    },
  };
}

export function createAgent(config) {
  return agent(config.model, config.tools, config.systemPrompt);
}

export function createReactAgent(config) {
  return agent(config.llm, config.tools, config.prompt ?? config.stateModifier ?? config.messageModifier);
}

export { ChatOpenAI };
