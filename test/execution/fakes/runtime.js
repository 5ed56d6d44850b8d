// Shared by the fake SDK modules below. A fake never talks to the network: it collects the
// prompt-carrying strings of a request and hands them to the host that the execution test
// installs on globalThis.__aalpFakeLLM (see test/execution/harness.ts). The host counts tokens,
// picks the reply from the test's output policy, records the call and resolves on a later tick.
//
// The host must be called synchronously from the SDK method, so that the stack it captures
// still contains the example's frame (that is how a call is attributed to its call site).

export function sendToHost(request) {
  const host = globalThis.__aalpFakeLLM;
  if (!host) throw new Error("fake LLM SDK used without a host: install one on globalThis.__aalpFakeLLM");
  return host.complete(request);
}

// Every string a request sends as prompt: plain strings, message contents (string or parts),
// text parts, nested arrays. Non-text parts (images, tool schemas) are ignored.
export function textsOf(value) {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value === "object") {
    if (typeof value.text === "string") return [value.text];
    if ("content" in value) return textsOf(value.content);
    if ("parts" in value) return textsOf(value.parts);
  }
  return [];
}

let nextId = 1;
export function fakeId(prefix) {
  return `${prefix}_fake_${nextId++}`;
}
