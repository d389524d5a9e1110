import data from './hindsight.phrases.json';
import { dropWordFix, matcherFor, scanPhrases, sentenceStartBefore, wordsAfter, wordsBefore } from './phrase-rule';
import type { Rule } from './types';

const COPULAS = new Set(['is', 'was', 'were', 'are', 'be', 'been', "wasn't", "isn't", 'it']);
/** After "clearly": a judgement ("was clearly wrong") or a failure verb ("we clearly failed to communicate"). */
const VERDICT_AFTER_CLEARLY = new Set(
  ('wrong incorrect a an should not insufficient inadequate broken bad missing unsafe risky the ' +
    'failed neglected missed forgot overlooked underestimated misjudged ignored').split(' '),
);
/** "bound to" followed by these is technical ("the socket was bound to port 80"), not fate. */
/** "obviously we need to…": a claim about work ahead, not a verdict on the past. */
const FORWARD = new Set(['need', 'needs', 'will', 'must', 'should', 'going', 'plan', 'plans', 'want', 'wants']);
/**
 * "not seeing anything obviously wrong", "nothing obviously broken": after a negation or an
 * indefinite pronoun "obviously" grades what was looked for (manner), it is not a verdict.
 */
const MANNER_BEFORE_OBVIOUSLY = new Set(['not', 'no', 'nothing', 'anything', 'something', "wasn't", "weren't", "isn't", "aren't", "didn't", 'never', 'without']);
/** "It is clear that it was a bad idea…": "it is clear that" is hindsight when what follows judges a decision. */
const VERDICT_WORDS = new Set(['idea', 'mistake', 'mistakes', 'wrong', 'should', "shouldn't", 'ought', 'unwise', 'poor', 'insufficient', 'inadequate', 'risky', 'bad', 'better']);
/**
 * "we have always lived with the expectation that an outage was bound to happen": an expectation the
 * people held beforehand, reported as such, is not hindsight.
 */
const EXPECTATION = /\b(?:expectations?|expected|anticipated|assumed|assumption|knew)\b/i;
const BOUND_OBJECTS = new Set(['the', 'a', 'an', 'port', 'this', 'that', 'its', 'their', 'our', 'one', 'localhost', 'interface', 'address']);

export const hindsight: Rule = {
  id: 'hindsight',
  category: 'blameless',
  defaultSeverity: 'warning',
  description: 'Hindsight: "obviously", "clearly" as a verdict, "in hindsight", "should have known", "was bound to fail".',
  docsUrl: 'docs/rules/hindsight.md',
  check(context) {
    const matcher = matcherFor('hindsight', data, context.config.extraPhrases.hindsight);
    scanPhrases(context, matcher, {
      accept(run, match) {
        if (match.entry.id === 'clearly') {
          // A verdict ("was clearly wrong", "Clearly, …"), not a manner ("communicate clearly", "clearly label").
          const [before] = wordsBefore(run.text, match.start, 1);
          const [after] = wordsAfter(run.text, match.end, 1);
          const sentenceStart = /(^|[.!?]\s+)$/.test(run.text.slice(Math.max(0, match.start - 3), match.start)) || run.text.slice(0, match.start).trim() === '';
          return run.text[match.end] === ',' || sentenceStart || (before !== undefined && COPULAS.has(before)) || (after !== undefined && VERDICT_AFTER_CLEARLY.has(after));
        }
        if (match.entry.id === 'obviously') {
          if (wordsAfter(run.text, match.end, 8).some((word) => FORWARD.has(word))) return false;
          const [before] = wordsBefore(run.text, match.start, 1);
          return before === undefined || !MANNER_BEFORE_OBVIOUSLY.has(before.replace(/’/g, "'"));
        }
        // "there was no obvious error message", "without any obvious mistake": what was looked for, not a verdict.
        if (match.entry.id === 'obvious' && /^(?:an )?obvious (?:mistake|error)s?$/i.test(match.text.replace(/\s+/g, ' '))) {
          return !wordsBefore(run.text, match.start, 2).some((word) => MANNER_BEFORE_OBVIOUSLY.has(word.replace(/’/g, "'")) || word === 'any');
        }
        if (match.entry.id === 'clear-verdict') return wordsAfter(run.text, match.end, 15).some((word) => VERDICT_WORDS.has(word.replace(/’/g, "'")));
        if (match.entry.id === 'inevitable') {
          if (EXPECTATION.test(run.text.slice(sentenceStartBefore(run.text, match.start), match.start))) return false;
          if (/bound to$/i.test(match.text)) {
            const [after] = wordsAfter(run.text, match.end, 1);
            return after !== undefined && !BOUND_OBJECTS.has(after) && !/^\d/.test(after);
          }
        }
        return true;
      },
      fix(run, match) {
        if (match.entry.replacement === '') return dropWordFix(run, match, `Remove “${match.text}”`);
        return undefined;
      },
    });
  },
};
