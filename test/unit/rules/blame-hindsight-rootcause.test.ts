import assert from 'node:assert/strict';
import { hits, sentenceHits } from './helpers';

describe('blame', () => {
  const flag = (sentence: string, frontMatter = ''): string[] => sentenceHits(sentence, 'blame', {}, frontMatter);
  const flagged: Array<[string, string]> = [
    ['The outage was caused by human error.', 'human error'],
    ['Due to an operator error, all nodes rebooted.', 'operator error'],
    ['A careless change took down the API.', 'careless'],
    ['The migration was negligent.', 'negligent'],
    ['This was sloppy work.', 'sloppy'],
    ['The tired admin deleted the wrong directory.', 'tired admin'],
    ['An exhausted on-call engineer ran the script.', 'exhausted on-call'],
    ["It was Bob's fault.", "Bob's fault"],
    ['The deploy team was at fault.', 'at fault'],
    ['The developer broke the build.', 'broke'],
    ['@carol broke production.', 'broke'],
    ['We messed up the rollout.', 'messed up'],
    ['The reviewer ignored the warning.', 'ignored'],
    ['He should have known better.', 'should have known better'],
  ];
  for (const [sentence, phrase] of flagged) it(`flags: ${sentence}`, () => assert.deepEqual(flag(sentence), [phrase]));

  it('flags a participant as the subject of a judging verb', () => {
    assert.deepEqual(flag('Dana broke the release.', 'participants:\n  - name: Dana Scully'), ['broke']);
  });

  const clean = [
    'The deploy broke checkout.',
    'The parser ignored the header.',
    'This was not human error: the tool allowed the command.',
    'Rather than operator error, we look at the tooling.',
    'We enabled lazy loading for the dashboard.',
    'The fault domain was us-east-1a.',
    'A PDU fault tripped the breaker.',
    'Dana broke the release.', // no participants: a capitalized word alone is not known to be a person
    'The `human error` label was removed from the template.',
  ];
  for (const sentence of clean) it(`does not flag: ${sentence}`, () => assert.deepEqual(flag(sentence), []));

  it('still applies in action items', () => {
    assert.deepEqual(hits('# X\n\n## Action items\n\n- Stop careless deploys — owner: @a\n', 'blame'), ['careless']);
  });
});

describe('hindsight', () => {
  const flag = (sentence: string): string[] => sentenceHits(sentence, 'hindsight');
  const flagged: Array<[string, string]> = [
    ['Obviously, the config was wrong.', 'Obviously'],
    ['The config was obviously wrong.', 'obviously'],
    ['The signal was clearly visible on the dashboard.', 'clearly'],
    ['Clearly, the limit was too low.', 'Clearly'],
    ['In hindsight, the limit was too low.', 'In hindsight'],
    ['With 20:20 hindsight, the limit was too low.', 'hindsight'],
    ['In retrospect the change was risky.', 'In retrospect'],
    ['We should have known the disk was full.', 'should have known'],
    ['The operator should have foreseen the spike.', 'should have foreseen'],
    ['The migration was always going to fail.', 'was always going to'],
    ['The cache was bound to fail under load.', 'was bound to'],
    ['It was predictable.', 'It was predictable'],
    ['It was only a matter of time.', 'only a matter of time'],
  ];
  for (const [sentence, phrase] of flagged) it(`flags: ${sentence}`, () => assert.deepEqual(flag(sentence), [phrase]));

  const clean = [
    'Communicate clearly with customers.',
    'We will clearly state the policy.',
    'The socket was bound to port 8080.',
    'The service was bound to the loopback interface.',
    "There's obviously a lot we need to do to spot future attacks.",
    'For obvious reasons we do not list the hosts.',
    'Some systems had non-obvious dependencies.',
    'The graph `obviously` label.',
  ];
  for (const sentence of clean) it(`does not flag: ${sentence}`, () => assert.deepEqual(flag(sentence), []));
});

describe('root-cause', () => {
  it('flags a singular "the root cause" (information) with a mechanical fix', () => {
    assert.deepEqual(sentenceHits('The root cause was a bad deploy.', 'root-cause'), ['The root cause']);
    assert.deepEqual(sentenceHits('We found the root cause quickly.', 'root-cause'), ['the root cause']);
  });
  it('leaves plural and headings alone', () => {
    assert.deepEqual(sentenceHits('Several root causes interacted.', 'root-cause'), []);
    assert.deepEqual(hits('# X\n\n## Root cause\n\nA deploy.\n', 'root-cause'), []);
  });
});
