import { actionDue, actionOwner, actionTicket, actionVague } from './action-rules';
import { blame } from './blame';
import { counterfactual } from './counterfactual';
import { hindsight } from './hindsight';
import { missingSection } from './missing-section';
import { rootCause } from './root-cause';
import { milestoneOrder, timelineGap, timelineOrder, timelineTimezone } from './timeline-rules';
import type { Rule } from './types';

/** Every lint rule, in the order findings of equal position are listed. */
export const RULES: readonly Rule[] = [
  counterfactual,
  blame,
  hindsight,
  rootCause,
  actionOwner,
  actionDue,
  actionTicket,
  actionVague,
  timelineOrder,
  timelineTimezone,
  timelineGap,
  milestoneOrder,
  missingSection,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function getRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/**
 * The docs page of a rule id (lint rules and parser problems alike), relative to the repository
 * root, or absolute when a base URL is given (e.g. `https://github.com/owner/repo/blob/main/`).
 */
export function ruleDocsUrl(id: string, base = ''): string {
  const relative = BY_ID.get(id)?.docsUrl ?? `docs/rules/README.md#${id}`;
  if (!base) return relative;
  return base.endsWith('/') ? base + relative : `${base}/${relative}`;
}
