import data from './blame.phrases.json';
import { matcherFor, scanPhrases, wordsBefore } from './phrase-rule';
import type { Rule } from './types';

/** "this was not human error", "rather than operator error": the writer is already reframing. */
const NEGATIONS = new Set(['not', 'no', "wasn't", "isn't", "weren't", 'never', 'beyond', 'than']);

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
        return true;
      },
    });
  },
};
