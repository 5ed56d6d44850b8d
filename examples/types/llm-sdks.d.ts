// Just enough of each SDK's surface for the examples to open without "Cannot find module" errors
// and type-check (`npx tsc -p examples`) without installing the SDKs. Not the SDKs' real types:
// AALP Lens reads the calls' syntax, and the examples exist to be analysed, not run.

declare module "openai" {
  namespace OpenAI {
    namespace Chat {
      interface ChatCompletionMessageParam {
        role: "system" | "developer" | "user" | "assistant" | "tool";
        content: string | null;
        [key: string]: unknown;
      }
    }
  }
  class OpenAI {
    constructor(options?: Record<string, unknown>);
    chat: { completions: { create(request: Record<string, any>): Promise<any> } };
    responses: { create(request: Record<string, any>): Promise<any> };
  }
  export default OpenAI;
}

declare module "@anthropic-ai/sdk" {
  namespace Anthropic {
    interface MessageParam {
      role: "user" | "assistant";
      content: string | unknown[];
    }
  }
  class Anthropic {
    constructor(options?: Record<string, unknown>);
    messages: { create(request: Record<string, any>): Promise<any> };
  }
  export default Anthropic;
}

declare module "@google/genai" {
  export class GoogleGenAI {
    constructor(options?: Record<string, unknown>);
    models: { generateContent(request: Record<string, any>): Promise<any> };
    chats: { create(request: Record<string, any>): any };
  }
}

declare module "ai" {
  export interface ModelMessage {
    role: "system" | "user" | "assistant" | "tool";
    content: string | unknown[];
  }
  export function generateText(request: Record<string, any>): Promise<any>;
  export interface Schema<T> {
    readonly _type?: T;
  }
  export function tool<Input>(definition: { description?: string; inputSchema: Schema<Input>; execute(input: Input): unknown }): unknown;
  export function jsonSchema<T>(schema: Record<string, unknown>): Schema<T>;
  export function stepCountIs(steps: number): unknown;
}

declare module "@ai-sdk/openai" {
  export function openai(model: string): unknown;
}

declare module "ollama" {
  const ollama: { chat(request: Record<string, any>): Promise<any>; generate(request: Record<string, any>): Promise<any> };
  export default ollama;
}

declare const process: { readonly env: Record<string, string | undefined> };
