// The engine side of the extension, bundled apart (dist/engine.js, with `typescript`) and loaded
// on first use so activation stays cheap. Everything here is plain data in, plain data out.
export { analyzeDocument, analysesMade, documentFixes as fixesFor, forgetDocument, siteEstimate, siteRefs, updateDocumentText, type DocumentAnalysis } from "./documentAnalysis";
export { fixOutcomesComputed, fixOutcomesHeld } from "./fixOutcomeCache";
export { lensTitle, lensTooltip } from "./lensTitle";
export { derivationMarkdown } from "./derivation";
export { ignoreEditFor } from "./adviceAndPricing";
export { summarize, statusText } from "./workspaceSummary";
export { DEFAULT_SETTINGS } from "./settingsModel";
export { codeOfNumber, docsPath } from "../../core";
export { IGNORE_COMMENT } from "../../core";
export { workspaceReport, type ReportFile } from "./workspaceReport";
export { reportPageHtml, reportView } from "./reportPage";
export { exportReport } from "./reportExport";
export { overlayAssumptions } from "../../core";
export { sitePosition } from "./sitePosition";
