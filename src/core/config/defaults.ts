import type { AnalyzeOptions } from '../analyze';
import type { PostmortemConfig } from './types';

/**
 * Defaults for every key; rule severities default to each rule's `defaultSeverity` (see RULES).
 * Frozen: build a configuration with `mergeConfig()`, never by changing this one.
 */
export const DEFAULT_CONFIG: Readonly<PostmortemConfig> = Object.freeze<PostmortemConfig>({
  rules: Object.freeze({}) as PostmortemConfig['rules'],
  allow: [],
  extraPhrases: {},
  requiredSections: ['summary', 'impact', 'timeline', 'contributing-factors', 'action-items'],
  checkQuotes: false,
  forwardLookingSections: ['action-items'],
  timelineGapMinutes: 30,
  severityScale: null,
});

/** What a configuration tells the parser: its severity scale, when it sets one. */
export function analyzeOptionsOf(config: Readonly<PostmortemConfig>): AnalyzeOptions {
  return config.severityScale ? { severityScale: config.severityScale } : {};
}
