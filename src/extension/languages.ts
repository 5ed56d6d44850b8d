// The documents AALP Lens reads: TypeScript and JavaScript, on disk or unsaved.
import type * as vscode from "vscode";

const LANGUAGES = ["typescript", "javascript", "typescriptreact", "javascriptreact"];

export const SELECTOR: vscode.DocumentFilter[] = LANGUAGES.flatMap((language) => [
  { language, scheme: "file" },
  { language, scheme: "untitled" },
]);

export function isSupported(doc: vscode.TextDocument): boolean {
  return LANGUAGES.includes(doc.languageId) && (doc.uri.scheme === "file" || doc.uri.scheme === "untitled");
}
