import type { Analysis } from '../analyze';

export interface OwnerCandidate {
  /** What is inserted: `@handle`, or a participant's name when they have no handle. */
  value: string;
  /** Who it is and where it comes from, for the completion list. */
  detail: string;
}

// An @handle not glued to a word (so not the domain of an e-mail address), code and URLs aside.
const HANDLE = /(?<![\p{L}\p{N}_.@/])@([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)/gu;
const PLACEHOLDER = /^@?(?:tbd|tba|todo|owner|someone|unassigned|unknown|none)$/i;

/**
 * Who can own an action item, best first: the front matter's participants (by handle, else by name),
 * then owners of other action items, then every other @handle the document mentions. Each once.
 */
export function ownerCandidates(analysis: Analysis): OwnerCandidate[] {
  const candidates: OwnerCandidate[] = [];
  const seen = new Set<string>();
  const add = (value: string, detail: string): void => {
    const key = value.toLowerCase();
    if (seen.has(key) || PLACEHOLDER.test(value) || !/[\p{L}\p{N}]/u.test(value)) return;
    seen.add(key);
    candidates.push({ value, detail });
  };
  for (const participant of analysis.model.metadata.participants) {
    const role = participant.role ? `, ${participant.role}` : '';
    if (participant.handle) add(`@${participant.handle.replace(/^@/, '')}`, `${participant.name}${role} (participant)`);
    else if (participant.name) add(participant.name, `participant${role}`);
  }
  for (const item of analysis.model.actionItems) if (item.owner) add(item.owner, 'owns an action item');
  for (const match of analysis.text.matchAll(HANDLE)) add(`@${match[1]}`, 'mentioned in this postmortem');
  return candidates;
}

/**
 * The owner placeholder as a snippet: ` — owner: ${1|@dana,@ana,…|}` offering the candidates, or a
 * plain `@TBD` placeholder when the document names nobody (the action-owner rule then keeps asking).
 */
export function ownerSnippet(candidates: readonly OwnerCandidate[]): string {
  if (candidates.length === 0) return ' — owner: ${1:@TBD}';
  const choices = candidates.slice(0, 20).map((candidate) => candidate.value.replace(/[\\|,$}]/g, (ch) => `\\${ch}`));
  return ` — owner: \${1|${choices.join(',')}|}`;
}
