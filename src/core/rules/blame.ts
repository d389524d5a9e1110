import data from './blame.phrases.json';
import { matcherFor, scanPhrases, wordsBefore } from './phrase-rule';
import type { Rule } from './types';

/** "this was not human error", "rather than operator error": the writer is already reframing. */
const NEGATIONS = new Set(['not', 'no', "wasn't", "isn't", "weren't", 'never', 'beyond', 'than']);
/** Words between a subject and "responsible for the outage" ("the engineer *was solely* responsible"). */
const COPULAS = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'held', 'deemed', 'found', 'made', 'directly', 'solely', 'partly', 'ultimately', 'primarily', 'mainly', 'fully', 'not']);

/** The index where the words in `skip` just before `index` begin ("the admin| was solely| responsible"). */
function startOfTrailing(text: string, index: number, skip: ReadonlySet<string>): number {
  let end = index;
  for (let k = 0; k < 4; k++) {
    const slice = text.slice(Math.max(0, end - 30), end);
    const last = /(\S+)\s*$/u.exec(slice);
    if (!last || !skip.has(last[1].toLowerCase())) break;
    end = end - slice.length + last.index;
  }
  return end;
}

export const blame: Rule = {
  id: 'blame',
  category: 'blameless',
  defaultSeverity: 'warning',
  description: 'Blame: "human error", "careless", "negligent", "X\'s fault", a person as the subject of a judging verb.',
  docsUrl: 'docs/rules/blame.md',
  check(context) {
    const matcher = matcherFor('blame', data, context.config.extraPhrases.blame);
    scanPhrases(context, matcher, {
      accept(run, match) {
        if (match.entry.id === 'human-error') {
          // "not (a case of) human error", "rather than operator error"
          if (wordsBefore(run.text, match.start, 4).some((word) => NEGATIONS.has(word.replace(/’/g, "'")))) return false;
        }
        // People only: "the engineer (who was) responsible for the outage", not "the bugs responsible for the outage".
        if (match.entry.id === 'responsible') return context.subjects.isPerson(run.text, startOfTrailing(run.text, match.start, COPULAS));
        return true;
      },
    });
  },
};
