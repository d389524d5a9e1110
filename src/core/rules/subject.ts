import type { Participant } from '../model/types';

/**
 * Who did it? Failure verbs ("failed to", "forgot to", "missed") are a judgement only when a person
 * did the failing: "we failed to notice" is a verdict on people, "the health check failed to respond"
 * is a fact about a system. This module decides, from the words just before a verb, whether its
 * subject is a person, a role, a team, a people pronoun, an @handle or a participant's name.
 */

export const PEOPLE_PRONOUNS = new Set([
  'we', 'i', 'he', 'she', 'they', 'you', 'someone', 'somebody', 'nobody', 'everyone', 'everybody', 'anyone', 'anybody',
  // Object pronouns that stand only for people, as subjects of a gerund ("resulted in us failing to reply").
  'us', 'me', 'him',
]);

/** Singular nouns for people by their role; plurals are derived (`engineer` → `engineers`). */
export const ROLE_NOUNS = [
  'engineer', 'operator', 'developer', 'dev', 'admin', 'administrator', 'sysadmin', 'sysop', 'sre', 'on-call', 'oncall', 'on-caller',
  'responder', 'reviewer', 'author', 'team', 'staff', 'employee', 'person', 'human', 'manager', 'lead', 'commander',
  'maintainer', 'contributor', 'member', 'colleague', 'teammate', 'technician', 'dba', 'analyst', 'tester', 'programmer',
  'architect', 'coordinator', 'specialist', 'agent', 'staffer', 'individual', 'personnel', 'people', 'folks', 'crew',
  'department', 'org', 'organization', 'organisation', 'company', 'squad', 'owner', 'approver', 'releaser', 'deployer',
  'user',
];

/**
 * Role nouns for people outside the team ("the user"): "users failed to log in" and "users missed
 * notifications" describe a symptom, so with them only the deliberate failure verbs ("forgot to",
 * "didn't think to", "neglected to") count; see counterfactual.ts.
 */
export const OUTSIDE_ROLES = new Set(['user', 'users']);

const ROLE_SET = new Set<string>();
for (const noun of ROLE_NOUNS) {
  ROLE_SET.add(noun);
  ROLE_SET.add(noun.endsWith('s') ? noun : `${noun}s`);
}

/** Words that may stand between a subject and its verb ("we *had also* failed to"). */
const BETWEEN = new Set([
  'also', 'then', 'initially', 'still', 'just', 'unfortunately', 'again', 'subsequently', 'ultimately', 'previously',
  'originally', 'both', 'all', 'simply', 'completely', 'repeatedly', 'had', 'have', 'has', 'did', 'therefore',
  'thus', 'consequently', 'clearly', 'obviously', 'apparently', 'evidently', 'further', 'later', 'themselves', 'ourselves',
  'collectively', 'each', 'too', 'partly', 'partially', 'largely', 'entirely', 'totally', 'somehow', 'certainly', 'already',
  'never', 'not', 'only', 'having', 'nearly', 'almost', 'briefly', 'once', 'often', 'sometimes', 'frequently', 'indeed', 'even', 'ever', 'however',
]);

/** How far back a subject is looked for in its own clause, and across a coordinated clause before it. */
const SUBJECT_REACH = 80;
const COORDINATION_REACH = 200;
/** Breaks a shared subject carries across ("We ran the script, but forgot"); a subordinate clause ends the search. */
const JOINING_BREAKS = new Set(['and', 'but', ',', ';']);
/** Words before the head noun of a clause-opening subject ("*the* user", "*our* on-call engineer"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'my', 'their', 'his', 'her', 'your', 'this', 'that', 'one', 'of']);

/** Words that may open a clause before its subject ("*Wow* I reissued the certificate but forgot to reload nginx"). */
const INTERJECTIONS = new Set(['wow', 'oh', 'ah', 'well', 'yes', 'ok', 'okay', 'hey', 'alas', 'anyway', 'now']);

/** Where a clause ends, looking back from a verb. */
const CLAUSE_BREAK = /[.;:!?()[\]{}—–]|,|\s-\s|\b(?:and|but|because|so|when|while|after|before|since|although|though|which|that|who|if|as|until|where)\b/giu;

export class SubjectFinder {
  private readonly names = new Set<string>();
  /**
   * The last answer of `headBefore`: the shared scan asks for a match's subject, then the rule's own checks
   * (the generic "you", "who" asking) ask again for the same match.
   */
  private last: { text: string; index: number; head: string | null } | undefined;

  constructor(participants: readonly Participant[] = []) {
    for (const participant of participants) {
      if (participant.handle) this.names.add(`@${participant.handle.toLowerCase()}`);
      for (const part of participant.name.split(/\s+/)) if (part.length >= 2) this.names.add(part.toLowerCase());
    }
  }

  /**
   * Is the subject of the verb starting at `index` in `text` a person (or people)? Looks back at most
   * 80 characters, within the clause, skips adverbs and auxiliaries and judges the head word.
   */
  isPerson(text: string, index: number): boolean {
    const head = this.headBefore(text, index);
    if (head === null) return false;
    return this.isPersonWord(head);
  }

  /** The subject's head word before `index` (lower case, without possessive), or null. */
  headBefore(text: string, index: number): string | null {
    if (this.last?.text === text && this.last.index === index) return this.last.head;
    const head = this.findHead(text, index);
    this.last = { text, index, head };
    return head;
  }

  private findHead(text: string, index: number): string | null {
    const from = Math.max(0, index - COORDINATION_REACH);
    // A closed aside is skipped (blanked, so offsets hold): "we (CFCA) failed", "the engineer (new to the team) forgot to".
    const window = text.slice(from, index).replace(/\([^()]*\)/gu, (aside) => ' '.repeat(aside.length));
    const breaks = [...window.matchAll(CLAUSE_BREAK)].map((match) => ({ start: match.index, end: match.index + match[0].length, word: match[0].toLowerCase() }));
    const last = breaks[breaks.length - 1];
    const clauseStart = Math.max(last?.end ?? 0, window.length - SUBJECT_REACH);
    const clause = window.slice(clauseStart);
    const head = lastHead(clause);
    if (head !== null) {
      const seenWhole = clauseStart === (last?.end ?? 0) && (last !== undefined || from === 0);
      return seenWhole && !this.isPersonWord(head) ? (this.participialSubject(clause) ?? head) : head;
    }
    // "the engineer who failed to": `who` stands only for people.
    if (last?.word === 'who') return 'who';
    return this.coordinatedSubject(window, breaks, from === 0);
  }

  /**
   * "The developer creating the pull request misjudged…", "the engineer handling the page forgot to…": a
   * person opens the clause and an -ing phrase describes them; the person is the subject. Not a pronoun:
   * "I'm going to…" is a verb in the progressive, not a person described.
   */
  private participialSubject(clause: string): string | null {
    const raw = clause.split(/\s+/).filter((word) => normalizeWord(word) !== '');
    const words = raw.map(normalizeWord);
    let k = 0;
    while (k < words.length && DETERMINERS.has(words[k])) k++;
    const person = words[k];
    if (k + 2 >= words.length || PEOPLE_PRONOUNS.has(person) || /['’]/u.test(raw[k])) return null;
    return this.isPersonWord(person) && /^[a-z]{2,}ing$/.test(words[k + 1]) ? person : null;
  }

  /**
   * "We ran the script, but forgot to update the mapping", "I deployed a refactor and failed to see…":
   * a predicate joined by *and* / *but* shares the subject that opens the clause before it, also across a
   * chain of predicates ("I made changes and changed the port, but failed to…").
   */
  private coordinatedSubject(window: string, breaks: ReadonlyArray<{ start: number; end: number; word: string }>, atTextStart: boolean): string | null {
    let coordinated = false;
    for (let i = breaks.length - 1; i >= 0; i--) {
      const { word } = breaks[i];
      if (!JOINING_BREAKS.has(word)) return null;
      coordinated ||= word === 'and' || word === 'but';
      const start = i > 0 ? breaks[i - 1].end : 0;
      const clause = window.slice(start, breaks[i].start);
      if (lastHead(clause) === null) continue;
      // The clause must be seen from its start: its first word is read as its subject.
      if (!coordinated || (i === 0 && !atTextStart)) return null;
      const words = clause.split(/\s+/).map(normalizeWord).filter((word) => word !== '' && !DETERMINERS.has(word) && !INTERJECTIONS.has(word) && !isBetween(word));
      const first = words[0] ?? null;
      // "I made changes and changed the port, but…": a clause that opens with its verb is itself a predicate joined to
      // the one before, and shares its subject.
      const previous = breaks[i - 1]?.word;
      if (first !== null && !this.isPersonWord(first) && (previous === 'and' || previous === 'but')) continue;
      return first;
    }
    return null;
  }

  isPersonWord(word: string): boolean {
    const lower = word.toLowerCase();
    if (/^@[\p{L}\p{N}_.-]+$/u.test(lower)) return true;
    // "the devs/admins forgot to": alternatives joined by a slash, people if any of them is.
    if (lower.includes('/')) return lower.split('/').some((part) => part !== '' && this.isPersonWord(part));
    return lower === 'who' || PEOPLE_PRONOUNS.has(lower) || ROLE_SET.has(lower) || this.names.has(lower);
  }
}

/** The last word of `clause` that is not an adverb or auxiliary between a subject and its verb, or null. */
function lastHead(clause: string): string | null {
  const words = clause.split(/\s+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const word = normalizeWord(words[i]);
    if (word !== '' && !isBetween(word)) return word;
  }
  return null;
}

/** Adverbs and auxiliaries between subject and verb ("we had indeed missed", "they quickly forgot"). */
function isBetween(word: string): boolean {
  return BETWEEN.has(word) || /^[a-z]{3,}ly$/.test(word);
}

function normalizeWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}@]+/u, '')
    .replace(/['’](?:s|d|ve|ll|re|m)$/u, '')
    .replace(/[^\p{L}\p{N}]+$/u, '');
}

/** A regular-expression alternation of the role nouns (singular and plural), for `{role}` in phrase data. */
export function roleAlternation(): string {
  return [...ROLE_SET].sort((a, b) => b.length - a.length).map((noun) => noun.replace(/-/g, '[-\\s]?')).join('|');
}
