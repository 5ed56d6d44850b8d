// Which names a catalog module exports that provenance can follow to a request: a function the
// catalog lists (or one whose callback it hands a client), a client's class or ready-made instance, the default export. Any other name
// imported from it (`BaseMessage`, `z`, a type) never becomes a client or a call: langchainjs's
// files import such names from @langchain/core by the dozen.
import { exportMatches, moduleMatches, type ClientKind, type SdkEntry } from "../catalog/sdks";

const namesOf = new WeakMap<SdkEntry, { readonly exact: ReadonlySet<string>; readonly patterns: readonly string[] }>();

function names(entry: SdkEntry): { readonly exact: ReadonlySet<string>; readonly patterns: readonly string[] } {
  let n = namesOf.get(entry);
  if (!n) {
    const exact = new Set<string>(["default"]);
    const patterns: string[] = [];
    for (const f of entry.functions ?? []) exact.add(f.api);
    for (const c of entry.callbacks ?? []) exact.add(c.function);
    for (const c of entry.clients ?? []) {
      for (const i of c.instances ?? []) exact.add(i);
      for (const p of c.classes ?? []) {
        if (p.includes("*")) patterns.push(p);
        else exact.add(p);
      }
    }
    namesOf.set(entry, (n = { exact, patterns }));
  }
  return n;
}

/** Whether `name` imported from `specifier` may be a catalog function, client class or instance (of any entry the specifier matches). */
export function mayBeCatalogValue(catalog: readonly SdkEntry[], specifier: string, name: string): boolean {
  return catalog.some((e) => {
    if (!e.modules.some((m) => moduleMatches(m, specifier))) return false;
    const n = names(e);
    return n.exact.has(name) || n.patterns.some((p) => exportMatches(p, name));
  });
}

/**
 * The catalog client a type is when `file` is the framework's own declaration of it (`declaredIn`):
 * inside the framework's monorepo, `import type { Model } from "../model"` names agents-core's `Model`.
 */
export function frameworkDeclaration(catalog: readonly SdkEntry[], file: string, name: string): { readonly entry: SdkEntry; readonly client?: ClientKind } | undefined {
  for (const entry of catalog) {
    for (const client of entry.clients ?? []) {
      if (client.declaredIn?.some((suffix) => endsWithPath(file, suffix)) && (client.classes ?? []).some((p) => exportMatches(p, name))) return { entry, client };
    }
    // `generateText` declared in `ai/src/generate-text/generate-text.ts`: the catalog's function.
    if (entry.declaredIn?.some((d) => d.functions.includes(name) && endsWithPath(file, d.file))) return { entry };
  }
  return undefined;
}

/** Whether `file` is one of the framework source files that declare a catalog class or function (it stands for the model, which reaches an LLM). */
export function isFrameworkDeclaration(catalog: readonly SdkEntry[], file: string): boolean {
  return catalog.some((e) => (e.clients ?? []).some((c) => c.declaredIn?.some((suffix) => endsWithPath(file, suffix))) || !!e.declaredIn?.some((d) => endsWithPath(file, d.file)));
}

/** `/repo/packages/agents-core/src/model.ts` ends with the path `agents-core/src/model.ts` (whole segments). */
function endsWithPath(file: string, suffix: string): boolean {
  return file.endsWith(suffix) && (file.length === suffix.length || file[file.length - suffix.length - 1] === "/");
}

const splitCatalogs = new WeakMap<readonly SdkEntry[], { readonly sdks: readonly SdkEntry[]; readonly interfaces: readonly SdkEntry[] }>();

/**
 * The catalog split into SDKs and interface modules: an entry with no functions whose every client is
 * a framework's own model interface (`@ai-sdk/provider`'s `LanguageModelV4`).
 */
export function interfaceModules(catalog: readonly SdkEntry[]): { readonly sdks: readonly SdkEntry[]; readonly interfaces: readonly SdkEntry[] } {
  let split = splitCatalogs.get(catalog);
  if (!split) {
    const isInterfaces = (e: SdkEntry): boolean => !e.functions?.length && !!e.clients?.length && e.clients.every((c) => !!c.declaredIn);
    splitCatalogs.set(catalog, (split = { sdks: catalog.filter((e) => !isInterfaces(e)), interfaces: catalog.filter(isInterfaces) }));
  }
  return split;
}

/**
 * Whether a file that names an interface module uses the interface as a model: it calls one of its
 * methods (`.doGenerate(`), or declares a function returning it (`): LanguageModelV4`, `): Promise<…>`),
 * which hands the model on. Providers that only implement it do neither (one forward read per name).
 */
export function usesInterface(entries: readonly SdkEntry[], text: string): boolean {
  for (const e of entries) {
    for (const c of e.clients ?? []) {
      if (c.methods.some((m) => !m.yields && text.includes(`.${m.api.split(".").pop()!}(`))) return true;
      if ((c.classes ?? []).some((name) => returnsType(text, name))) return true;
    }
  }
  return false;
}

/** `): Name` or `): Promise<Name` somewhere in the text: each occurrence of the name read backwards over blanks. */
function returnsType(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    let i = at - 1;
    const blanks = (): void => {
      while (i >= 0 && /\s/.test(text[i]!)) i--;
    };
    blanks();
    if (text[i] === "<" && text.slice(i - 7, i) === "Promise") {
      i -= 8;
      blanks();
    }
    if (text[i] !== ":") continue;
    i--;
    blanks();
    if (text[i] === ")") return true;
  }
  return false;
}
