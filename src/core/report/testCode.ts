// Sites in tests and fixtures: marked in every report and left out of the CI gate unless asked
// for (a call inside `describe.each(models)` is not the product's cost).

/** Folders whose files are tests or test data. */
const TEST_FOLDERS = new Set(["test", "tests", "__tests__", "__mocks__", "spec", "specs", "fixtures", "__fixtures__", "e2e"]);
/** Words of a folder's name (split at - and _) that make it a test folder: `ecosystem-tests`, `test-utils`
 *  (not `e2e`: `ai-e2e-next` and `harness-e2e-tui` are example apps). */
const TEST_WORDS = new Set(["test", "tests"]);
/** File name parts before the extension that mark a test (`agent.test.ts`, `tool.spec.js`, vitest's type tests `agent.test-d.ts`). */
const TEST_SUFFIXES = new Set(["test", "spec", "e2e", "test-d"]);

/** Whether a (relative or absolute) path names a test file or a file under a test folder. */
export function isTestPath(file: string): boolean {
  const parts = file.split(/[\\/]/);
  const name = parts.pop() ?? "";
  // `integration-tests/`, `environment_tests/`, `e2e-tests/`: a folder named by its test words too.
  if (parts.some((p) => TEST_FOLDERS.has(p.toLowerCase()) || p.toLowerCase().split(/[-_]/).some((w) => TEST_WORDS.has(w)))) return true;
  const pieces = name.toLowerCase().split(".");
  // `x.test.ts`: a marker between the stem and the extension.
  return pieces.length >= 3 && pieces.slice(1, -1).some((p) => TEST_SUFFIXES.has(p));
}
