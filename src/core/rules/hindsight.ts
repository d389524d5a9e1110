import data from './hindsight.phrases.json';
import { isParticiple } from './participle';
import { dropWordFix, matcherFor, scanPhrases, sentenceStartBefore, wordsAfter, wordsBefore } from './phrase-rule';
import type { Rule } from './types';

const COPULAS = new Set(['is', 'was', 'were', 'are', 'be', 'been', "wasn't", "isn't", 'it']);
/** After "clearly": a judgement ("was clearly wrong") or a failure verb ("we clearly failed to communicate"). */
const VERDICT_AFTER_CLEARLY = new Set(
  ('wrong incorrect a an should not insufficient inadequate broken bad missing unsafe risky the ' +
    'failed neglected missed forgot overlooked underestimated misjudged ignored').split(' '),
);
/**
 * "Clearly, the limit was too low", "Clearly the config was wrong": at a sentence start "clearly" is a
 * verdict when a clause follows; before a verb it is an instruction ("Clearly define channel purpose").
 */
const CLAUSE_START = new Set('the this that these those it its we they he she i there our their a an nobody no none someone something nothing everyone all'.split(' '));
/** "nothing was obviously compromised", "None of this was obvious while it was happening": what was (not) seen, not a verdict. */
const NEGATED_BEFORE = new Set(['not', 'no', 'none', 'nothing', 'never', 'nobody', "wasn't", "weren't", "isn't", "aren't"]);
/**
 * "We are obviously very disappointed", "Obviously, this results in corrupt content": "obviously" in a
 * present-tense clause states the writer's view of now, not knowledge of the outcome read into the past.
 */
const PRESENT = new Set(['am', 'is', 'are', "isn't", "aren't", "doesn't", "don't", "it's", "that's", "there's", "we're", "they're", "i'm", 'results', 'means', 'makes', 'remains', 'seems', 'needs']);
/**
 * "it obviously couldn't wait", "that would obviously be suspicious", "I obviously wouldn't have access": beside a modal,
 * "obviously" carries the reasoning of the time (a constraint, what might follow), not a verdict; a modal perfect
 * ("would obviously have failed") still looks back.
 */
const MODALS = new Set(['would', 'could', 'might', 'will', 'can', 'may', 'must', "couldn't", "can't", 'cannot', "wouldn't", "won't"]);
/** "This is obviously a massive fail": a present-tense verdict on what was done. */
const VERDICT_NOUNS = new Set(['mistake', 'mistakes', 'fail', 'failure', 'error', 'wrong', 'bad', 'oversight', 'blunder', 'flaw']);
/** "till it was obvious", "once it was clear that": what became evident at the time. */
const WHEN = new Set(['till', 'until', 'when', 'once', 'after']);
const ARTICLES = new Set(['a', 'an', 'the']);
const PAST = new Set(['was', 'were', 'had', 'did', "wasn't", "weren't", "didn't", 'should', 'could', 'would']);
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
const EXPECTATION = /\b(?:expectations?|expected|anticipated|assumed|assumption|knew|realized|realised|became\s+(?:clear|apparent|evident))\b/i;
/** "bound to" followed by these is technical ("the socket was bound to port 80"), not fate. */
const BOUND_OBJECTS = new Set(['the', 'a', 'an', 'port', 'this', 'that', 'its', 'their', 'our', 'one', 'localhost', 'interface', 'address']);

/** A past tense or a word of the past ("was", "decided"); not a forward word that happens to end in -ed ("we need to…"). */
function isPastWord(word: string): boolean {
  return PAST.has(word) || (/ed$/u.test(word) && !FORWARD.has(word));
}

/** "have" + a participle ("would obviously have failed"), not "have" as a main verb ("wouldn't have access"). */
function isPerfect(words: readonly string[]): boolean {
  return words[0] === 'have' && isParticiple(words[1]);
}

/** Words after "hindsight" that name it as a topic ("hindsight bias", "hindsight judgment"). */
const TOPIC_AFTER = new Set(['bias', 'biases', 'judgment', 'judgments', 'judgement', 'judgements', 'effect']);

/** "It's easy to see why in retrospect, but…": the writer names hindsight to set it aside. */
const DISCLAIMER = /\beas(?:y|ier)\s+to\s+(?:see|say|judge)\b/iu;

function isHindsightTopic(text: string, start: number, end: number): boolean {
  const [before] = wordsBefore(text, start, 1);
  const [after] = wordsAfter(text, end, 1);
  if ((before !== undefined && /^judg/u.test(before)) || (after !== undefined && TOPIC_AFTER.has(after))) return true;
  return DISCLAIMER.test(text.slice(sentenceStartBefore(text, start), start));
}

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
          const next = wordsAfter(run.text, match.end, 4);
          const after = next[0];
          const sentenceStart = /(^|[.!?]\s+)$/.test(run.text.slice(Math.max(0, match.start - 3), match.start)) || run.text.slice(0, match.start).trim() === '';
          // "that's clearly not always the case", "it clearly no longer suffices": a view of now, as with "obviously".
          if ((before !== undefined && PRESENT.has(before)) || (next[0] === 'no' && next[1] === 'longer')) {
            if (!next.some((word) => VERDICT_NOUNS.has(word))) return false;
          }
          if (run.text[match.end] === ',') return true;
          // "was clearly a mistake" judges; "was very clearly a work-in-progress" describes.
          if (!sentenceStart && after !== undefined && ARTICLES.has(after)) return next.slice(1).some((word) => VERDICT_NOUNS.has(word));
          if (after !== undefined && VERDICT_AFTER_CLEARLY.has(after)) return true;
          // "needs to be clearly documented", "is clearly communicated", "was clearly well versed": manner of a passive verb.
          if (before !== undefined && COPULAS.has(before)) return !isParticiple(after === 'well' ? next[1] : after);
          return sentenceStart && after !== undefined && CLAUSE_START.has(after);
        }
        if (match.entry.id === 'obviously') {
          // "Obviously, we need to…": read on past the comma.
          const after = wordsAfter(run.text, run.text[match.end] === ',' ? match.end + 1 : match.end, 8);
          if (after.some((word) => FORWARD.has(word)) || (MODALS.has(after[0] ?? '') && !isPerfect(after.slice(1)))) return false;
          const before = wordsBefore(run.text, match.start, 3);
          const previous = before[before.length - 1];
          if (previous !== undefined && MANNER_BEFORE_OBVIOUSLY.has(previous)) return false;
          if (previous !== undefined && MODALS.has(previous) && !isPerfect(after)) return false;
          if (before.some((word) => NEGATED_BEFORE.has(word))) return false;
          if (after.slice(0, 4).some((word) => VERDICT_NOUNS.has(word))) return true;
          // "That doesn't help you now, obviously.": at the end of its sentence, "obviously" comments on the clause before it.
          if (after.length === 0) {
            const sentence = run.text.slice(sentenceStartBefore(run.text, match.start), match.start);
            const clauseVerb = wordsBefore(sentence, sentence.length, 12).find((word) => PRESENT.has(word) || isPastWord(word));
            return clauseVerb === undefined || !PRESENT.has(clauseVerb);
          }
          // The clause's first finite verb: present tense is a view of now.
          const verb = previous !== undefined && PRESENT.has(previous) ? previous : after.find((word) => PRESENT.has(word) || isPastWord(word));
          // "try it again while obviously not running into the same issues": the manner of an action, no verdict
          // ("we were obviously running out of disk" has its verb before).
          if (verb === undefined) {
            const gerund = /^[a-z]{2,}ing$/u.test(after[0] === 'not' ? (after[1] ?? '') : (after[0] ?? ''));
            return !gerund || (previous !== undefined && PAST.has(previous));
          }
          return !PRESENT.has(verb);
        }
        if (match.entry.id === 'obvious' || match.entry.id === 'clear-verdict') {
          const before = wordsBefore(run.text, match.start, 3);
          if (match.entry.id === 'obvious' && before.some((word) => NEGATED_BEFORE.has(word))) return false;
          // "waited till it was obvious that…" (what became evident then), "so that it is obvious which…" (a goal).
          const previous = before[before.length - 1];
          if (previous !== undefined && (WHEN.has(previous) || (previous === 'that' && before[before.length - 2] === 'so'))) return false;
        }
        // "there was no obvious error message", "without any obvious mistake": what was looked for, not a verdict.
        if (match.entry.id === 'obvious' && /^(?:an )?obvious (?:mistake|error)s?$/i.test(match.text.replace(/\s+/g, ' '))) {
          return !wordsBefore(run.text, match.start, 2).some((word) => MANNER_BEFORE_OBVIOUSLY.has(word) || word === 'any');
        }
        if (match.entry.id === 'clear-verdict') {
          const after = wordsAfter(run.text, match.end, 15);
          // "It is clear that I understand the danger of risky operations": a view of now, unless what follows looks back.
          if (/\b(?:is|it['’]s)\b/iu.test(match.text) && !after.some(isPastWord)) return false;
          return after.some((word) => VERDICT_WORDS.has(word));
        }
        // "impose judgments in hindsight", "hindsight bias", "easy to see in retrospect": hindsight named, not used.
        if (match.entry.id === 'in-hindsight' && isHindsightTopic(run.text, match.start, match.end)) return false;
        if (match.entry.id === 'inevitable') {
          if (EXPECTATION.test(run.text.slice(sentenceStartBefore(run.text, match.start), match.start))) return false;
          // "You could argue whether that was predictable or not": the question asked, not answered.
          if (wordsBefore(run.text, match.start, 4).includes('whether')) return false;
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
