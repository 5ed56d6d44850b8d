// Pattern: a multi-step tool loop inside the SDK. generateText with tools and
// stopWhen: stepCountIs(steps) runs up to `steps` model calls in one await; every step re-sends
// the task plus all earlier steps' tool calls and tool results.
// Expected bounds per call of generateText: calls Θ(steps);
//                  input Θ(steps²·(out[gpt-4.1] + tool) + steps·|task|) (tool: a step's tool results).
import { generateText, jsonSchema, stepCountIs, tool } from "ai";
import { openai } from "@ai-sdk/openai";

const RUNBOOK: Record<string, string> = {
  disk: "Disk usage above 90%: rotate logs in /var/log/app, then prune old container images.",
  memory: "Memory pressure: restart the worker pool one node at a time; check for leaks in the cache.",
  latency: "High p99 latency: check the database connection pool and the slow query log.",
};

const lookupRunbook = tool({
  description: "Look up the runbook entry for an incident keyword (disk, memory, latency).",
  inputSchema: jsonSchema<{ query: string }>({
    type: "object",
    properties: { query: { type: "string" } },
    required: ["query"],
  }),
  execute: async ({ query }) => {
    const key = Object.keys(RUNBOOK).find((k) => query.toLowerCase().includes(k));
    return key ? RUNBOOK[key] : "No runbook entry matches.";
  },
});

export async function investigate(task: string, steps: number): Promise<string> {
  const result = await generateText({
    model: openai("gpt-4.1"),
    system: "You are an on-call assistant. Use the runbook tool until you can propose a fix.",
    prompt: task,
    tools: { lookupRunbook },
    stopWhen: stepCountIs(steps),
  });
  return result.text;
}
