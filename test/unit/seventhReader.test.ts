// Shapes a seventh reader met (issue 17): stand-in transports that assert on the request or record it
// before they answer. Each test is a small program of the shape, with its exact sites and bounds.
import { expectSites } from "./analyze";

describe("seventh reader: a stand-in fetch that asserts or records before answering sends nothing", () => {
  it("expect(…) chains, methods of the request's values and of the test's literal data, pure built-ins: no site; a method of anything else still sends", () => {
    // anthropic tests/lib/credentials/client-integration.test.ts, openai-node tests/lib/ResponseStream.test.ts.
    expectSites(`import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";
import { expect } from "vitest";
declare const axios: any, clients: any[];
const VALID = { id: "msg_1", content: [] };
function jsonResponse(body: object, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}
function getHeader(init: RequestInit | undefined, name: string): string | null {
  if (!init?.headers) return null;
  if (init.headers instanceof Headers) return init.headers.get(name);
  if (Array.isArray(init.headers)) return init.headers.find(([k]) => k?.toLowerCase() === name.toLowerCase())?.[1] ?? null;
  return (init.headers as Record<string, string>)[name] ?? null;
}
const transport = axios.create();
export async function cases() {
  let exchanged = false;
  const requests: string[] = [];
  const events = [{ type: "response.created" }, { type: "response.completed" }];
  const asserting = new Anthropic({
    fetch: async (url: any, init?: RequestInit) => {
      const urlStr = typeof url === "string" ? url : url.toString();
      if (urlStr.includes("/v1/oauth/token")) {
        exchanged = true;
        expect(JSON.parse(init!.body as string).assertion).toBe("jwt");
        return jsonResponse({ access_token: "tok", expires_in: Math.floor(Date.now() / 1000) });
      }
      expect(getHeader(init, "authorization")).not.toBeNull();
      console.log(exchanged);
      return jsonResponse(VALID);
    },
  });
  await asserting.messages.create({ model: "claude", max_tokens: 1, messages: [] });
  const recording = new OpenAI({
    fetch: async (url: any) => {
      const requestURL = String(url);
      requests.push(requestURL);
      const streamEvents = requestURL.includes("starting_after=") ? events.slice(1) : events;
      const body = streamEvents.map((event) => \`data: \${JSON.stringify(event)}\`).join("\\n\\n");
      return new Response(body, { status: 200 });
    },
  });
  await recording.responses.create({ model: "gpt", input: "Hello" });
  await new OpenAI({ fetch: async () => new Response([events[0], events[1]].map((e) => JSON.stringify(e)).join("")) }).responses.create({ model: "gpt", input: "x" });
  // What may send: a forward after an assertion, a method of a client made outside, of a parameter of a function
  // around it, of a request option, of a local that holds a client from outside.
  await new OpenAI({ fetch: async (u: any, i: any) => { expect(u).toBeTruthy(); return fetch(u, i); } }).chat.completions.create({ model: "forwarded", messages: [] }); // @site
  await new OpenAI({ fetch: async (u: any) => transport.get(u) }).chat.completions.create({ model: "axios", messages: [] }); // @site
  await around(axios).chat.completions.create({ model: "around", messages: [] }); // @site
  await new OpenAI({ fetch: async (u: any, i: any) => i.dispatcher.request(u) }).chat.completions.create({ model: "dispatched", messages: [] }); // @site
  await new OpenAI({ fetch: async (u: any) => { const c = clients[0]; return c.get(u); } }).chat.completions.create({ model: "picked", messages: [] }); // @site
}
function around(http: any) { return new OpenAI({ fetch: async (u: any) => http.get(u) }); }
`, [
      { api: "openai chat.completions.create", model: "forwarded", calls: "Θ(1)" },
      { api: "openai chat.completions.create", model: "axios", calls: "Θ(1)" },
      { api: "openai chat.completions.create", model: "around", calls: "Θ(1)" },
      { api: "openai chat.completions.create", model: "dispatched", calls: "Θ(1)" },
      { api: "openai chat.completions.create", model: "picked", calls: "Θ(1)" },
    ]);
  });

  it("a literal holding a function or filled with a client, or a callback handed a client, is no data: the forward is a site", () => {
    // review6: each stand-in forwards every request; the rule read these as the test's data (no site).
    expectSites(`import OpenAI from "openai";
import axios from "axios";
const realFetch = globalThis.fetch;
const proxy = { forward: (u: any, i: any) => realFetch(u, i) };
const transports: any[] = [];
transports.push(axios.create());
const http = axios.create();
const shown: string[] = [];
export async function main(xs: string[]) {
  const a = new OpenAI({ fetch: async (u: any, i: any) => proxy.forward(u, i) });
  const b = new OpenAI({ fetch: async (u: any, i: any) => transports[0].get(u, i) });
  const c = new OpenAI({ fetch: async (u: any, i: any) => [http].map((h) => h.get(u, i))[0] });
  const d = new OpenAI({ fetch: async (u: any) => { shown.push(String(u)); return new Response(shown.slice(0).map((s) => s.trim()).join("")); } });
  for (const x of xs) await a.chat.completions.create({ model: "proxy", messages: [{ role: "user", content: x }] }); // @site
  for (const x of xs) await b.chat.completions.create({ model: "pushed", messages: [{ role: "user", content: x }] }); // @site
  for (const x of xs) await c.chat.completions.create({ model: "mapped", messages: [{ role: "user", content: x }] }); // @site
  for (const x of xs) await d.chat.completions.create({ model: "recorded", messages: [{ role: "user", content: x }] });
}
`, [
      { api: "openai chat.completions.create", model: "proxy", calls: "Θ(|xs|)" },
      { api: "openai chat.completions.create", model: "pushed", calls: "Θ(|xs|)" },
      { api: "openai chat.completions.create", model: "mapped", calls: "Θ(|xs|)" },
    ]);
  });
});
