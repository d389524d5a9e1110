import type { ActionItem } from '../model/types';
import data from './action-vague.phrases.json';
import { messageFor, matcherFor } from './phrase-rule';
import type { Rule, RuleContext } from './types';

/** Owners that stand for "nobody yet". */
const PLACEHOLDER_OWNERS = /^@?(?:tbd|tba|todo|owner|someone|unassigned|unknown|none|n\/a|\?+)$/i;
/** What the owner quick fix inserts (the parser reads `owner: @handle`); it is then reported as a placeholder. */
export const OWNER_PLACEHOLDER = ' — owner: @TBD';
/** Items with fewer words than this are short enough for "weak" vague phrases ("Investigate") to count. */
const SHORT_ITEM_WORDS = 6;

/** The range of the first line of an item: where its diagnostics land. */
function firstLine(context: RuleContext, item: ActionItem): { start: number; end: number } {
  const start = item.range.start.offset;
  const newline = item.raw.search(/\r?\n/);
  let end = newline < 0 ? item.range.end.offset : start + newline;
  while (end > start && /\s/.test(context.analysis.text[end - 1])) end--;
  return { start, end };
}

function describe(item: ActionItem): string {
  const text = item.text.replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export const actionOwner: Rule = {
  id: 'action-owner',
  category: 'remediation',
  defaultSeverity: 'warning',
  description: 'An action item with no owner (a person, @handle or team).',
  docsUrl: 'docs/rules/action-owner.md',
  check(context) {
    for (const item of context.analysis.model.actionItems) {
      const { start, end } = firstLine(context, item);
      if (item.owner !== null && !PLACEHOLDER_OWNERS.test(item.owner.trim())) continue;
      if (item.owner !== null) {
        context.report({ start, end, message: `Action item “${describe(item)}” has a placeholder owner (${item.owner}): name a person, @handle or team, or it will not get done.` });
        continue;
      }
      context.report({
        start,
        end,
        message: `Action item “${describe(item)}” has no owner: name a person, @handle or team (e.g. “owner: @alice”), or it will not get done.`,
        fix: item.form === 'list' ? { start: end, end, replacement: OWNER_PLACEHOLDER, description: 'Add an owner placeholder' } : undefined,
      });
    }
  },
};

export const actionDue: Rule = {
  id: 'action-due',
  category: 'remediation',
  defaultSeverity: 'off',
  description: 'An open action item with no due date (off by default).',
  docsUrl: 'docs/rules/action-due.md',
  check(context) {
    for (const item of context.analysis.model.actionItems) {
      if (item.due !== null || item.status === 'done') continue;
      const { start, end } = firstLine(context, item);
      context.report({ start, end, message: `Action item “${describe(item)}” has no due date: add one (“due: 2024-04-01”).` });
    }
  },
};

export const actionTicket: Rule = {
  id: 'action-ticket',
  category: 'remediation',
  defaultSeverity: 'off',
  description: 'An action item with no tracker reference (off by default).',
  docsUrl: 'docs/rules/action-ticket.md',
  check(context) {
    for (const item of context.analysis.model.actionItems) {
      if (item.ticket !== null) continue;
      const { start, end } = firstLine(context, item);
      context.report({ start, end, message: `Action item “${describe(item)}” has no ticket: link the tracker issue (e.g. OPS-123) so its progress can be followed.` });
    }
  },
};

export const actionVague: Rule = {
  id: 'action-vague',
  category: 'remediation',
  defaultSeverity: 'warning',
  description: 'An action item that is not actionable: "be more careful", "make sure", "investigate", "fix the issue".',
  docsUrl: 'docs/rules/action-vague.md',
  check(context) {
    const matcher = matcherFor('action-vague', data, context.config.extraPhrases['action-vague']);
    const { text } = context.analysis;
    for (const item of context.analysis.model.actionItems) {
      const { start, end } = firstLine(context, item);
      const line = text.slice(start, end);
      const words = item.text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
      let reported = false;
      for (const match of matcher.matches(line)) {
        if (match.entry.weak && words >= SHORT_ITEM_WORDS) continue;
        if (context.isAllowed(start + match.start, start + match.end)) continue;
        context.report({ start: start + match.start, end: start + match.end, phrase: match.text, message: messageFor(match.text, match.entry) });
        reported = true;
        break;
      }
      if (!reported && words > 0 && words < 2) {
        context.report({ start, end, message: `Action item “${describe(item)}” is too short to act on: say what will change (a verb and its object).` });
      }
    }
  },
};
