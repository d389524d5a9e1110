import type { SectionKind } from '../model/types';
import type { RuleSeverity } from '../rules/types';

/** Rules whose phrase lists the configuration can extend with `extraPhrases`. */
export const PHRASE_RULE_IDS = ['counterfactual', 'blame', 'hindsight', 'action-vague'] as const;
export type PhraseRuleId = (typeof PHRASE_RULE_IDS)[number];

/** The resolved configuration every lint run uses: nothing optional. */
export interface PostmortemConfig {
  /** Severity per rule id (lint rules and parser problem ids alike); a missing id uses the default. */
  rules: Record<string, RuleSeverity>;
  /** Phrases never to report (case-insensitive), e.g. `human error budget`. */
  allow: string[];
  /** Extra phrases reported by a phrase rule, in addition to its built-in data. */
  extraPhrases: Partial<Record<PhraseRuleId, string[]>>;
  /** Sections `missing-section` asks for. */
  requiredSections: SectionKind[];
  /** Also check blockquotes and text in quotation marks (default false: quoted speech is evidence). */
  checkQuotes: boolean;
  /** Sections that look forward (what we will do): counterfactual modals are normal there. */
  forwardLookingSections: SectionKind[];
  /** `timeline-gap`: the shortest gap before detection worth a note, in minutes. */
  timelineGapMinutes: number;
  /** Allowed values of the front-matter `severity`, passed to `analyze`; null = the parser's default. */
  severityScale: string[] | null;
}

/** One layer of configuration (a `.postmortemrc`, the editor settings): every key optional. */
export type PartialConfig = Partial<PostmortemConfig>;
