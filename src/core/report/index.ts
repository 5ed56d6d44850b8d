// The report: the model (sites, summary, projections), its formats, and the CI gate.
export { costClass, loopDegree, CLASS_ORDER, type CostClass } from "./costClass";
export { estimate, DEFAULT_ASSUMPTIONS, type Estimate } from "./estimate";
export { findingJson, reportJson, type BoundJson, type FindingJson, type ReportJson } from "./json";
export { sitesOfFile, type FileSites, type ReportSite, type SiteOptions } from "./sites";
export { buildReport, worstFirst, type ReportMeta, type ReportModel, type ReportSummary } from "./model";
export { PROJECTION_SIZES, type Projection, type ProjectionPoint } from "./projection";
export { siteIds, fingerprint } from "./siteIdentity";
export { fixOutcomes, type AdviceInput, type FixOutcome, type SiteAdvice, type SiteFix, type SiteOutcomes } from "./fixSavings";
export { reportText } from "./text";
export { reportMarkdown } from "./markdown";
export { reportSarif, FINGERPRINT_KEY } from "./sarif";
export { reportHtml, type PageAssets } from "./htmlPage";
export { isTestPath } from "./testCode";
export { gate, baselineSites, classOfJson, FAIL_ON, type FailOn, type BaselineSite, type Violation } from "./gate";
