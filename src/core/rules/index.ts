export { applyEdits, disableFileEdit, disableLineEdit, fixAllText, lintText, type TextEdit } from './edits';
export { applyFixes, fixAll, lint } from './lint';
export { extractProse, type ProseRun } from './prose';
export { getRule, RULE_IDS, RULES, ruleDocsUrl } from './registry';
export { readControls, Suppressions, type Control } from './suppress';
export type { Finding, FindingSeverity, Fix, Rule, RuleCategory, RuleContext, RuleSeverity } from './types';
