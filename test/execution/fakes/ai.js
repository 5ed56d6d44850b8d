// Fake of the Vercel AI SDK (`ai`): generateText({model, system|instructions, prompt|messages,
// maxOutputTokens|maxTokens, tools, stopWhen|maxSteps}). `model` is a provider model object (see
// ai-sdk-openai.js) or a gateway string such as "openai/gpt-4o".
//
// Multi-step tool loop, as in the SDK: each step sends the prompt plus every earlier step's
// response messages (the assistant's tool call and the tool's result). The fake model always
// calls the first offered tool, passing its reply text as the tool's first string argument, so
// a run with tools lasts until `stopWhen` (default: one step; v4 `maxSteps`) says stop, or until the
// tool called has no `execute` (a provider-executed tool): then no output follows and the run ends.
import { sendToHost, textsOf } from "./runtime.js";

function modelIdOf(model) {
  if (typeof model === "string") return model.includes("/") ? model.slice(model.indexOf("/") + 1) : model;
  return model.modelId;
}

export function tool(definition) {
  return definition;
}

export function jsonSchema(schema) {
  return { jsonSchema: schema };
}

export function isStepCount(count) {
  return ({ steps }) => steps.length === count;
}

export const stepCountIs = isStepCount;

export function hasToolCall(toolName) {
  return ({ steps }) => steps[steps.length - 1]?.toolCalls?.some((call) => call.toolName === toolName) ?? false;
}

/** Prompt strings of AI SDK model messages, including tool-call inputs and tool results. */
function messageTexts(value) {
  if (Array.isArray(value)) return value.flatMap(messageTexts);
  if (value && typeof value === "object") {
    if (value.type === "tool-call") return [JSON.stringify(value.input)];
    if (value.type === "tool-result") return typeof value.output?.value === "string" ? [value.output.value] : [JSON.stringify(value.output?.value ?? null)];
    if (Array.isArray(value.content)) return messageTexts(value.content);
  }
  return textsOf(value);
}

function firstStringArgument(definition) {
  const properties = definition.inputSchema?.jsonSchema?.properties ?? definition.parameters?.jsonSchema?.properties ?? {};
  const entry = Object.entries(properties).find(([, p]) => p && p.type === "string");
  return entry ? entry[0] : "input";
}

const MAX_FAKE_STEPS = 10000;

export async function generateText(options) {
  const modelId = modelIdOf(options.model);
  const tools = options.tools ?? {};
  const toolName = Object.keys(tools)[0];
  const stopWhen = options.stopWhen ?? (options.maxSteps !== undefined ? isStepCount(options.maxSteps) : isStepCount(1));
  const stops = Array.isArray(stopWhen) ? stopWhen : [stopWhen];
  const responseMessages = [];
  const steps = [];
  const usage = { inputTokens: 0, outputTokens: 0, totalTokens: 0 };

  for (;;) {
    const reply = await sendToHost({
      sdk: "ai",
      api: "generateText",
      model: modelId,
      prompt: [
        ...textsOf(options.system),
        ...textsOf(options.instructions),
        ...textsOf(options.prompt),
        ...messageTexts(options.messages),
        ...messageTexts(responseMessages),
      ],
      maxTokens: options.maxOutputTokens ?? options.maxTokens,
    });
    usage.inputTokens += reply.inputTokens;
    usage.outputTokens += reply.outputTokens;
    usage.totalTokens += reply.inputTokens + reply.outputTokens;
    const stepUsage = { inputTokens: reply.inputTokens, outputTokens: reply.outputTokens, totalTokens: reply.inputTokens + reply.outputTokens };

    if (!toolName) {
      const assistant = { role: "assistant", content: [{ type: "text", text: reply.text }] };
      responseMessages.push(assistant);
      steps.push({ text: reply.text, toolCalls: [], toolResults: [], finishReason: reply.truncated ? "length" : "stop", usage: stepUsage, response: { messages: [assistant] } });
      break;
    }

    const toolCallId = `call_${steps.length + 1}`;
    const input = { [firstStringArgument(tools[toolName])]: reply.text };
    const toolCall = { type: "tool-call", toolCallId, toolName, input };
    const output = tools[toolName].execute ? await tools[toolName].execute(input, { toolCallId, messages: responseMessages.slice() }) : undefined;
    const toolResult = { type: "tool-result", toolCallId, toolName, output: typeof output === "string" ? { type: "text", value: output } : { type: "json", value: output ?? null } };
    const stepMessages = [
      { role: "assistant", content: [toolCall] },
      { role: "tool", content: [toolResult] },
    ];
    responseMessages.push(...stepMessages);
    steps.push({
      text: "",
      toolCalls: [{ ...toolCall, type: "tool-call" }],
      toolResults: [{ ...toolResult, input, output }],
      finishReason: "tool-calls",
      usage: stepUsage,
      response: { messages: stepMessages },
    });
    // As the SDK: a step follows only when the tool ran here and gave an output (a provider-executed
    // tool or one without execute leaves the call to the provider or the caller).
    if (!tools[toolName].execute) break;
    if (stops.some((stop) => stop({ steps }))) break;
    if (steps.length >= MAX_FAKE_STEPS) throw new Error(`fake ai: the tool loop ran ${MAX_FAKE_STEPS} steps without stopping`);
  }

  const last = steps[steps.length - 1];
  return {
    text: last.text,
    finishReason: last.finishReason,
    usage: last.usage,
    totalUsage: usage,
    steps,
    toolCalls: last.toolCalls,
    toolResults: last.toolResults,
    response: { id: "fake", modelId, messages: responseMessages },
    responseMessages,
  };
}
