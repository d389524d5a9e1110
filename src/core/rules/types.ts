import type { Analysis } from '../analyze';
import type { PostmortemConfig } from '../config/types';
import type { SourceRange } from '../model/types';
import type { ProseRun } from './prose';
import type { SubjectFinder } from './subject';

export type RuleCategory = 'blameless' | 'remediation' | 'timeline' | 'structure';
export type FindingSeverity = 'error' | 'warning' | 'information';
export type RuleSeverity = FindingSeverity | 'off';

/**
 * A mechanical edit that resolves a finding. `original` is the text the range held when the finding
 * was made: a caller refuses the fix when the document no longer holds it there (a stale fix).
 */
export interface Fix {
  range: SourceRange;
  original: string;
  replacement: string;
  description: string;
}

export interface Finding {
  /** Rule id, e.g. `counterfactual`; parser problems keep their own id (e.g. `front-matter-syntax`). */
  rule: string;
  category: RuleCategory;
  severity: FindingSeverity;
  message: string;
  range: SourceRange;
  /** The exact phrase matched, when a phrase rule found it (for "add to allowlist"). */
  phrase?: string;
  fix?: Fix;
}

/** What a rule reports: severity and category are the registry's business. */
export interface Report {
  /** Offsets into `analysis.text`, half-open. */
  start: number;
  end: number;
  message: string;
  phrase?: string;
  fix?: { start: number; end: number; replacement: string; description: string };
}

export interface RuleContext {
  analysis: Analysis;
  config: Readonly<PostmortemConfig>;
  /** Prose of the document (code, URLs, HTML, front matter and, unless configured, quotations removed). */
  prose: readonly ProseRun[];
  /** Decides whether the subject of a verb is a person (knows the document's participants). */
  subjects: SubjectFinder;
  /** Whether `[start, end)` (document offsets) overlaps a phrase of the configured allowlist. */
  isAllowed(start: number, end: number): boolean;
  report(report: Report): void;
}

export interface Rule {
  id: string;
  category: RuleCategory;
  defaultSeverity: RuleSeverity;
  /** One line, for settings UIs and `--help`. */
  description: string;
  /** Relative to the repository root; a base URL can be prefixed by the caller (see `ruleDocsUrl`). */
  docsUrl: string;
  check(context: RuleContext): void;
}
