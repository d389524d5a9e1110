import data from './blame.phrases.json';
import { matcherFor, scanPhrases, sentenceStartBefore, wordsAfter, wordsBefore } from './phrase-rule';
import type { PhraseMatch } from './phrases';
import type { SubjectFinder } from './subject';
import type { Rule } from './types';

/** "this was not human error", "rather than operator error", "nobody was at fault": the writer is already reframing. */
const NEGATIONS = new Set(['not', 'no', "wasn't", "isn't", "weren't", 'never', 'beyond', 'than', 'nobody', 'noone', 'neither']);
/** "any operator error is a symptom of a missing mechanism": a general statement about errors, not a verdict on this one. */
const GENERIC = new Set(['any', 'every']);
/** Words between a subject and "responsible for the outage" ("the engineer *was solely* responsible"). */
const COPULAS = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'held', 'deemed', 'found', 'made', 'directly', 'solely', 'partly', 'ultimately', 'primarily', 'mainly', 'fully', 'not']);

/**
 * "our team is solely responsible" takes the blame; "the SRE team is solely responsible for the cluster"
 * describes ownership: after "for", only the incident or a pronoun for it keeps the reading of blame.
 */
const BLAME_OBJECT = /^\s+for\s+(?:the\s+(?:outage|incident|mistake|failure|error|downtime)|this|it|that)\b/iu;
const INTENSIFIED = /^(?:solely|entirely|wholly|squarely)\s/iu;

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

/** Words before the agent's head in "ignored by *one of the* on-call engineers". */
const AGENT_DETERMINERS = new Set(['the', 'a', 'an', 'our', 'their', 'one', 'of', 'some', 'any', 'another', 'two', 'several', 'his', 'her', 'my', 'your']);
/** Object pronouns for people, and "whoever": "overlooked by us", "ignored by whoever had access". */
const AGENT_PRONOUNS = new Set(['us', 'me', 'him', 'them', 'whoever', 'whomever']);
/** Words that may follow a person agent ("ignored by whoever *had* access", "by the on-call *for* an hour"). */
const AFTER_AGENT = new Set(
  'who whom whose that had has have was were is are for during in on at when while and or because after before until since with without despite as too again'.split(' '),
);

/**
 * "alerts have been ignored by whoever had access", "the warning was overlooked by the on-call engineer":
 * the agent after "by" is a person — a people pronoun, "whoever", a role or a participant, not possessive
 * ("broken by Bob's change") and not the first word of a noun compound ("ignored by the developer tooling").
 */
function hasPersonAgent(text: string, end: number, subjects: SubjectFinder): boolean {
  const words = wordsAfter(text, end, 10);
  let k = 0;
  while (k < words.length && AGENT_DETERMINERS.has(words[k])) k++;
  if (AGENT_PRONOUNS.has(words[k])) return true;
  let people = 0;
  while (k < words.length && subjects.isPersonWord(words[k]) && !/'s$/u.test(words[k])) {
    people++;
    k++;
  }
  return people > 0 && (k >= words.length || AFTER_AGENT.has(words[k]));
}

/** Punctuation or the end of the run: the verdict's clause ends there ("That was a mistake.", "My bad."). */
const CLAUSE_END = /^\s*(?:[.,;:!)—–-]|$)/u;

/**
 * "learn from our mistakes", "reflect on my mistakes", "we share our mistakes", "accept our mistakes", "understand what
 * mistakes I made": mistakes as a topic, not a verdict on this incident.
 */
const TOPIC_BEFORE = new Set(['from', 'on', 'about', 'share', 'sharing', 'accept', 'accepting', 'what']);
/** "we end up having to fix our own mistakes": plural mistakes after these verbs are a habit ("help fix my mistake" judges). */
const HABIT_BEFORE = new Set(['fix', 'fixing', 'correct', 'correcting', 'repeat', 'repeating', 'avoid', 'avoiding']);
const TOPIC_DETERMINERS = new Set(['the', 'these', 'those', 'all', 'some']);

/**
 * "That was a mistake.", "It was a mistake to skip the review": a verdict on what someone did; "it was a
 * mistake in the upgrade logic" locates a defect in a thing. "my mistake" is a verdict unless it is a topic.
 */
function isMistakeVerdict(text: string, match: PhraseMatch): boolean {
  if (isJudgedMistake(match.text)) return true;
  if (!match.needsPerson && /^(?:was|were)\s/iu.test(match.text)) {
    const rest = text.slice(match.end);
    return CLAUSE_END.test(rest) || /^\s+(?:to|and|but|on\s+(?:my|our)\s+part|yesterday|today|again|too)\b/iu.test(rest);
  }
  if (/(?:mistakes|errors)$/iu.test(match.text) && isTopic(text, match.start, HABIT_BEFORE)) return false;
  return !isTopic(text, match.start);
}

/**
 * The words that judge a mistake in the judging-adjective entry ("stupid mistakes", "rookie mistake"): with one of
 * them, "laugh about our stupid mistakes" judges the mistakes even where they are the topic.
 */
const MISTAKE_JUDGES = new Set(
  data.entries
    .find((entry) => entry.id === 'judging-adjective')!
    .phrases.map((phrase) => /^(\S+) (?:mistakes?|errors?)$/u.exec(phrase)?.[1])
    .filter((word): word is string => word !== undefined),
);

function isJudgedMistake(matched: string): boolean {
  return matched.toLowerCase().split(/\s+/u).some((word) => MISTAKE_JUDGES.has(word));
}

/** "learn from (the) mistakes we made": a topic word just before, or before a determiner. */
function isTopic(text: string, index: number, topicWords: ReadonlySet<string> = TOPIC_BEFORE): boolean {
  const [first, second] = wordsBefore(text, index, 2).reverse();
  return (first !== undefined && topicWords.has(first)) || (TOPIC_DETERMINERS.has(first ?? '') && second !== undefined && topicWords.has(second));
}

/**
 * "the magnitude of my failure was laid bare", "My bad.": a bare verdict stands alone or before its verb;
 * "my failure to test" is a counterfactual, "my failure rate" a measure.
 */
const AFTER_BARE_VERDICT = new Set(['was', 'is', 'were', 'are', 'here', 'again']);
const PRESENT_COPULAS = new Set(['is', 'are']);

function isBareVerdict(text: string, match: PhraseMatch): boolean {
  if (isTopic(text, match.start)) return false;
  // "one of the virtues of a programmer is hubris": a definition in the present, not a verdict on what was done.
  if (!/^(?:my|our)\s/iu.test(match.text) && PRESENT_COPULAS.has(wordsBefore(text, match.start, 1)[0] ?? '')) return false;
  if (CLAUSE_END.test(text.slice(match.end))) return true;
  const [after] = wordsAfter(text, match.end, 1);
  return after !== undefined && AFTER_BARE_VERDICT.has(after);
}

/**
 * "I fumbled around in my backups folder" (searching), "Rich and I broke off to a conference room" (left), "somebody
 * broke into their server" (an intrusion), "we broke up the plan into tasks" (divided),
 * "we did not care if we grew" (indifference to an outcome), "we mistakenly thought it was safe" (a belief at
 * the time, reported): no verdict on conduct.
 */
const NOT_A_VERDICT_AFTER: ReadonlyArray<[RegExp, ReadonlySet<string>]> = [
  [/fumbled$/iu, new Set(['around', 'about', 'through'])],
  [/broke$/iu, new Set(['off', 'away', 'down', 'even', 'ground', 'for', 'out', 'into', 'in', 'up', 'through', 'free', 'loose'])],
  [/care$/iu, new Set(['if', 'whether'])],
  [/mistakenly$/iu, new Set(['thought', 'believed', 'assumed', 'thinking', 'believing', 'assuming'])],
];

function isVerdictInContext(text: string, match: PhraseMatch): boolean {
  const [next] = wordsAfter(text, match.end, 1);
  return !NOT_A_VERDICT_AFTER.some(([verb, after]) => verb.test(match.text) && next !== undefined && after.has(next));
}

/** The subject is "who" and no person stands before it: a question ("who is to blame"), not a relative clause. */
function isAskingWho(text: string, index: number, subjects: SubjectFinder): boolean {
  if (subjects.headBefore(text, index) !== 'who') return false;
  const before = text.slice(Math.max(0, index - 200), index).replace(/\s*\bwho\b[^]*$/iu, '');
  const [previous] = wordsBefore(before, before.length, 1);
  return previous === undefined || !subjects.isPersonWord(previous);
}

/**
 * A past belief or suspicion just before the subject of a judging verb ("I thought I had broken it", "caused me to believe I
 * messed up"); a present one is the writer's verdict now ("I think I messed up").
 */
const BELIEF_BEFORE_SUBJECT = /\b(?:believed|thought|assumed|suspected|feared|worried|convinced|to\s+(?:believe|think|suspect|assume|fear))\s+(?:that\s+)?$/iu;

/**
 * A belief reported, not conduct judged: a guess proved wrong ("It turns out that I was wrong -- people were reading my
 * website") or a past suspicion ("it caused me to believe I messed up the configuration").
 */
function isBeliefReported(text: string, match: PhraseMatch): boolean {
  const beforeSubject = text.slice(sentenceStartBefore(text, match.start), match.start).replace(/\S+\s*$/u, '');
  if (/wrong$/iu.test(match.text)) return /\bturn(?:s|ed)\s+out\s+(?:that\s+)?$/iu.test(beforeSubject);
  return BELIEF_BEFORE_SUBJECT.test(beforeSubject);
}

/** Words between "made" and "mistakes" that count rather than judge ("made *some* mistakes", "made *a few* mistakes"). */
const QUANTIFIERS = new Set(['a', 'an', 'some', 'few', 'many', 'several', 'lots', 'of', 'the', 'plenty', 'any', 'more', 'two', 'three']);

function isGenericMistake(text: string): boolean {
  const words = text.toLowerCase().split(/\s+/u);
  return words[0] === 'made' && /^mistakes?$/u.test(words[words.length - 1]) && words.slice(1, -1).every((word) => QUANTIFIERS.has(word));
}

/** Words before "mistake on our side" that keep it a verdict: determiners and adjectives, not a noun of a compound. */
const MISTAKE_MODIFIERS = new Set(
  ('a an the this that one another our my no any some big huge major minor small simple clear obvious serious grave honest real genuine critical costly ' +
    'fundamental basic key fatal significant first biggest main crucial strategic').split(' '),
);

/** Conjunctions before a generic "you" ("if you screwed up", "when you mess up", "a situation where you fucked up"). */
const CONDITION = new Set(['if', 'when', 'whenever', 'once', 'unless', 'where']);

/** Verbs that name an outcome ("broke", "had broken production", "I've broken prod", "took down production"), not a judgement of how it was done. */
const OUTCOME_VERB = /^(?:broke|took|brought|caused|(?:had|have|has)\s+broken|(?:i|we)['’](?:ve|d)\s+broken)\b/iu;
/** "I accidentally broke the installation": an outcome nobody intended, described, not judged. */
const UNINTENDED = new Set(['accidentally', 'inadvertently', 'unintentionally', 'unknowingly', 'unwittingly']);
/** "I didn't know what I'd broken", "to find out which we broke": an indirect question about the outcome. */
const INDIRECT_QUESTION = new Set(['what', 'which', 'whether']);

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
        // "Probably the hipster technology's fault": a thing blamed, not a person ("Dana's fault", "the admin's fault" are).
        if (match.entry.id === 'fault' && /^[\p{Ll}][\p{L}-]*['’]s\s+fault$/u.test(match.text)) {
          if (!context.subjects.isPersonWord(match.text.replace(/['’]s\s+fault$/u, ''))) return false;
        }
        // "a configuration mistake on our side" locates the mistake in a thing; "a (big) mistake on our side" judges.
        if (match.entry.id === 'fault' && /^(?:mistake|error)/iu.test(match.text)) {
          const [modifier] = wordsBefore(run.text, match.start, 1);
          if (modifier !== undefined && !MISTAKE_MODIFIERS.has(modifier)) return false;
        }
        if (match.entry.id === 'human-error' || match.entry.id === 'fault') {
          // "not (a case of) human error", "rather than operator error", "not an employee's fault"
          const before = wordsBefore(run.text, match.start, 4);
          // "It was nobody's fault": the denial may be the first word of the match itself.
          const [first] = wordsAfter(run.text, match.start, 1);
          if ([...before, first?.replace(/['’]s$/u, '')].some((word) => word !== undefined && NEGATIONS.has(word))) return false;
          if (match.entry.id === 'human-error' && GENERIC.has(before[before.length - 1] ?? '')) return false;
        }
        // "Business impact over who is to blame": "who" asks, unless it follows a person ("the engineer who was at fault").
        if (match.needsPerson && match.entry.id === 'fault' && isAskingWho(run.text, match.start, context.subjects)) return false;
        // People only: "the engineer (who was) responsible for the outage", not "the bugs responsible for the outage".
        if (match.entry.id === 'responsible') {
          if (INTENSIFIED.test(match.text) && /^\s+for\b/iu.test(run.text.slice(match.end)) && !BLAME_OBJECT.test(run.text.slice(match.end))) return false;
          return context.subjects.isPerson(run.text, startOfTrailing(run.text, match.start, COPULAS));
        }
        if (match.entry.id === 'judging-passive') return hasPersonAgent(run.text, match.end, context.subjects);
        if (isBeliefReported(run.text, match)) return false;
        if (match.entry.id === 'self-judgement' || match.entry.id === 'their-mistake') return isMistakeVerdict(run.text, match);
        if (match.entry.id === 'bare-verdict') return isBareVerdict(run.text, match);
        if ((match.entry.id === 'judging-verb' || match.entry.id === 'judging-adverb') && !isVerdictInContext(run.text, match)) return false;
        // "you've probably made some mistakes that made you want to hide": the generic "you", everyone's mistakes
        // (unless judged: "if you made a stupid mistake").
        if (match.entry.id === 'judging-verb' && context.subjects.headBefore(run.text, match.start) === 'you') {
          // "if you screwed up, no big deal": the generic "you" of a condition, anyone's slip ("if you made a stupid
          // mistake" still judges it).
          const before = wordsBefore(run.text, match.start, 3);
          const you = before.lastIndexOf('you');
          if (isGenericMistake(match.text) || (you > 0 && CONDITION.has(before[you - 1]) && !isJudgedMistake(match.text))) return false;
        }
        if (match.entry.id === 'judging-verb' && OUTCOME_VERB.test(match.text)) {
          return !wordsBefore(run.text, match.start, 2).some((word) => UNINTENDED.has(word) || INDIRECT_QUESTION.has(word));
        }
        return true;
      },
    });
  },
};
