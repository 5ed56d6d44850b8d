// Every diagnostic rule, in the order their advice is listed for a call.
import { generalistForConstantOutput } from "./generalistForConstantOutput";
import { growingHistory } from "./growingHistory";
import type { Rule } from "./rule";
import { sequentialIndependentCalls } from "./sequentialIndependentCalls";
import { unboundedLoop } from "./unboundedLoop";
import { wholeInputPerItem } from "./wholeInputPerItem";

export const RULES: readonly Rule[] = [growingHistory, wholeInputPerItem, unboundedLoop, generalistForConstantOutput, sequentialIndependentCalls];

export { formatMessage, type Rule, type RuleMeta, type RuleReport } from "./rule";
