import assert from 'node:assert/strict';
import { hits, sentenceHits } from './helpers';

describe('blame', () => {
  const flag = (sentence: string, frontMatter = ''): string[] => sentenceHits(sentence, 'blame', {}, frontMatter);
  const flagged: Array<[string, ...string[]]> = [
    ['The outage was caused by human error.', 'human error'],
    ['Due to an operator error, all nodes rebooted.', 'operator error'],
    ['A careless change took down the API.', 'careless'],
    ['The migration was negligent.', 'negligent'],
    ['This was sloppy work.', 'sloppy'],
    ['The tired admin deleted the wrong directory.', 'tired admin'],
    ['An exhausted on-call engineer ran the script.', 'exhausted on-call'],
    ["It was Bob's fault.", "Bob's fault"],
    ['The deploy team was at fault.', 'was at fault'],
    ['The developer broke the build.', 'broke'],
    ['@carol broke production.', 'broke'],
    ['We messed up the rollout.', 'messed up'],
    ['The reviewer ignored the warning.', 'ignored'],
    ['He should have known better.', 'should have known better'],
    ['This cache failure at the CDN was a human-caused accident.', 'human-caused'],
    ['The outage was human caused.', 'human caused'],
    ['An operator mistake removed the volume.', 'operator mistake'],
    ['It was a simple mistake by the on-call engineer.', 'mistake by the on-call'],
    ['The failover was triggered by an error made by one of our engineers.', 'error made by one of our engineers'],
    ['The crash was put down to developer error.', 'developer error'],
    ['The engineer responsible for the outage was paged.', 'responsible for the outage'],
    ['The admin was solely responsible for the incident.', 'solely responsible'],
    ['Our team is solely responsible and we dropped the ball.', 'solely responsible', 'dropped the ball'],
    ['The on-call engineer dropped the ball on the escalation.', 'dropped the ball'],
    // Round 6: faults owned in other words, judging adverbs and verbs of people, things cannot be "to blame".
    ['This was due to an error on our part.', 'error on our part'],
    ['The deploy was the result of bad judgement.', 'bad judgement'],
    ['We erroneously deleted the data directory.', 'erroneously'],
    ['The developer misjudged the impact of the bug.', 'misjudged'],
    ['I took down production on Friday.', 'took down production'],
    ['I paused, kicking myself for doing that.', 'kicking myself'],
    ['The on-call engineer was to blame.', 'was to blame'],
    ['The reviewer was at fault.', 'was at fault'],
    // Round 7: self-insults, corners cut, a failure on my part.
    ["Yes, I'm an idiot.", 'idiot'],
    ['To ship on time I cut lots of corners.', 'cut lots of corners'],
    ['Once I made a silly typo and ran rm -rf /.', 'silly typo'],
    ['The failure on my part to communicate led to the downtime.', 'failure on my part'],
    ['I stupidly forgot to turn it back on.', 'stupidly'],
    ['The developer lazily copied the config.', 'lazily'],
    ['Alerts have been ignored by whoever had access for a long time.', 'ignored by'],
    ['The warning was overlooked by the on-call engineer.', 'overlooked by'],
    ['The page was ignored by us for an hour.', 'ignored by'],
    ['The release was botched by one of our developers.', 'botched by'],
    // Round 8: self-judgement is blame too (the labelling guide's decision).
    ['Once we realized our mistake we re-created the row.', 'our mistake'],
    ['They will learn the painful extent of my big mistake.', 'my big mistake'],
    ['That was a mistake.', 'was a mistake'],
    ['It was a mistake to skip the canary.', 'was a mistake'],
    ['An enormous and nearly disastrous blunder.', 'blunder'],
    ['Overall, it was some amateur mistakes that almost cost us.', 'amateur mistakes'],
    ['As a mentor, I take full responsibility for any failings.', 'I take full responsibility'],
    ['I was not conscientious and deleted the box.', 'was not conscientious'],
    ['We were overzealous on step 3.', 'were overzealous'],
    ['I blithely confirmed the deletion.', 'blithely'],
    ['During recovery an admin-error deleted the root filesystems.', 'admin-error'],
    ['But we did some mistakes and sent invalid tokens twice.', 'did some mistakes'],
    ['Retrospectively, we made one critical mistake.', 'made one critical mistake'],
    ['Incident Commander admitted mistakes.', 'admitted mistakes'],
    // Round 9: a word inside the verdict, possessives, exclamations, "on our part".
    ['Man, we totally screwed this one up.', 'screwed this one up'],
    ['Fortunately, I only broke a part of the app.', 'broke'],
    ['This year it was more of our own fault.', 'our own fault'],
    ['The team restored his mistake from a week old backup.', 'his mistake'],
    ['One of my other recent mistakes stands out.', 'my other recent mistakes'],
    ['What a mistake to hack it out as fast as I could.', 'What a mistake'],
    ['It was tiny mistake after tiny mistake.', 'mistake after tiny mistake'],
    ['This is completely unacceptable on our part.', 'unacceptable on our part'],
    ['The paralysis that mastered me after my fuckup.', 'my fuckup'],
    ['One of the dumb things that we forgot to do was a backup.', 'dumb things'],
    // Round 10: numbered and bare self-verdicts, "we were terrible at", coordinated predicates share the subject.
    ['I was used to ignoring occasional alerts - mistake #1.', 'mistake #1'],
    ['Mistake #2.', 'Mistake #2'],
    ['At last, the magnitude of my failure was laid bare.', 'my failure'],
    ['My bad.', 'My bad'],
    ['It was my error, I guess.', 'was my error'],
    ['And here’s the mistake.', 'here’s the mistake'],
    ['I had not considered what this lax behavior means for my backups.', 'lax behavior'],
    ['However, we were terrible at communicating about this.', 'were terrible at'],
    ['We did a poor job of telling customers.', 'did a poor job'],
    ['We weren’t vigilant enough to see the problem.', 'weren’t vigilant'],
    ['I was not careful enough with the flags.', 'was not careful'],
    ['We fucked up.', 'fucked up'],
    ['Over the years we got complacent about restores.', 'got complacent'],
    ['A mixture of human and process error were to blame.', 'human and process error'],
    ['Some crews just don’t care, they want to be done.', 'just don’t care'],
    ['We deployed the change and broke production.', 'broke'],
    // Round 11: mistakes and bad decisions with a first-person agent, "shame on me", idioms.
    ['One mistake I made this release was merging the bump before tagging.', 'mistake I made'],
    ['I made two bad decisions in the beginning.', 'made two bad decisions'],
    ['The only backup was six weeks old (shame on me).', 'shame on me'],
    ['I guess I really screwed the pooch there.', 'screwed the pooch'],
    ['Admittedly, we got a bit ahead of ourselves.', 'ahead of ourselves'],
    // Round 12: longer quantifiers before "mistakes", "I was wrong", a lack or a hasty decision of one's own, an -ing phrase after the subject.
    ['I recently made one of the worst mistakes: I let it expire.', 'made one of the worst mistakes'],
    ['I admit that I was wrong with yesterday’s move.', 'was wrong'],
    ['We were wrong to assume the cache was warm.', 'were wrong'],
    ['My lack of understanding of the ORM caused the error.', 'My lack of understanding'],
    ['My haphazard strategy cost three days.', 'My haphazard'],
    ['Our poor planning left no time for testing.', 'Our poor planning'],
    ['The developer creating the pull request misjudged the impact.', 'misjudged'],
    // Round 13: a past idea judged, judging words, a mistake owned or qualified, "mistakenly" of a person.
    ['This was a bad idea.', 'was a bad idea'],
    ['Removing it was a dumb idea.', 'was a dumb idea'],
    ['In a colossal bonehead move I deleted the repository.', 'bonehead'],
    ['I explained the idiotic thing I had done.', 'idiotic'],
    ['Releasing two broken versions is extremely unprofessional.', 'unprofessional'],
    ['Hubris.', 'Hubris'],
    ['We had some fairly intense mismanagement.', 'mismanagement'],
    ['I can be lazy, right?', 'can be lazy'],
    ['I was going to own that mistake.', 'own that mistake'],
    ['It was definitely a mistake, I will fix it.', 'was definitely a mistake'],
    ['Regardless of the outcome, major failures on my part.', 'failures on my part'],
    ['We mistakenly injected a configuration fault.', 'mistakenly'],
    // Round 14
    ['I should have been more careful about the recent changes.', 'should have been more careful'],
    ['During this process, an error was made that resulted in the wrong zone being targeted.', 'an error was made'],
    ['Maybe you made a stupid mistake too, so did I.', 'made a stupid mistake'],
    // Round 15: self-judgement in new words; judged mistakes as a topic; "had broken"; where the fault lies.
    ['Honestly, I got cocky after a year without an outage.', 'cocky'],
    ['Boy, was I wrong.', 'Boy, was I wrong'],
    ['I am an absent-minded person at the best of times.', 'absent-minded'],
    ['But naive me did not know that yet.', 'naive me'],
    ['I was being lazy and skipped the dry run.', 'being lazy'],
    ['It was the worst mistake I have ever made.', 'mistake I have ever made'],
    ['It was one of the dumbest things I did that year.', 'dumbest'],
    ['Read on and laugh about our silly mistakes.', 'our silly mistakes'],
    ['By then it was plain: I had broken production.', 'had broken'],
    ['Due to a mistake on my side the tag pointed at my fork.', 'mistake on my side'],
    ['MongoDB went down again, even though the fault lies with me.', 'fault lies with me'],
    ['The second outage is entirely on me.', 'is entirely on me'],
    // Round 16: verdicts on one's own choices and time, "I've broken", "managed to" + a destructive verb.
    ['Looking back, I had chosen incorrectly.', 'had chosen incorrectly'],
    ['We prioritized the wrong project that quarter.', 'prioritized the wrong'],
    ['We wasted valuable time on the cache.', 'wasted valuable time'],
    ['I fell into the trap of fixing symptoms.', 'fell into the trap'],
    ['@dana deployed untested code to the cluster.', 'deployed untested'],
    ['I’ve broken prod more than once.', 'I’ve broken'],
    ['Somehow we managed to take down every region.', 'managed to take down'],
    ['An error of mine, sadly.', 'error of mine'],
    ['That change was kind of a mistake.', 'was kind of a mistake'],
    ['Dana, the world’s worst sysop, here.', 'world’s worst sysop'],
    ['It was hubris, plain and simple.', 'hubris'],
    // Round 17: more self-judgement, a bare "my error", an oversight owned.
    ['I am guilty of skipping the backup test.', 'am guilty of'],
    ['We lost sight of the problem we were solving.', 'lost sight of'],
    ['One of our engineers made a bad schema migration.', 'made a bad'],
    ['Somehow I managed to make some really bad mistakes.', 'bad mistakes'],
    ['So that is mostly my error.', 'my error'],
    ['Thanks to me, we lost two hours of work.', 'Thanks to me'],
    ['Then came my characteristic clumsiness.', 'my characteristic clumsiness'],
    ['This was an oversight, and we apologize.', 'was an oversight'],
    ['Maybe slightly overconfident.', 'overconfident'],
    // Round 18: traits of the writer, a wrong choice owned, a mistake judged by its adjective or its time.
    ['I was so stubborn about hosting it myself.', 'was so stubborn'],
    ['I felt really dumb about it.', 'felt really dumb'],
    ['Years without an incident had made me lax about restores.', 'made me lax'],
    ['I was the problem, and that is fine.', 'was the problem'],
    ["One evening I wasn't paying attention and dropped the files into prod.", "wasn't paying attention"],
    ["We weren't good enough at the hard parts.", "weren't good enough"],
    ['It was in my control, but I failed to execute.', 'failed to execute'],
    ['Picking that vendor was the wrong choice.', 'was the wrong choice'],
    ['I think this was a fundamental mistake on our part.', 'mistake on our part'],
    ['Yes, that was my mistake yesterday.', 'was my mistake'],
    ['Ask the others to help fix my mistake.', 'my mistake'],
    // Round 19: owned mistakes and shortcomings in idiom, a choice judged before a comma, a judging verb after a present belief.
    ['Also the mistake was mine, so I added comments.', 'the mistake was mine'],
    ['Packaging is apparently not my forte.', 'not my forte'],
    ['Well, I have egg on my face.', 'egg on my face'],
    ['Luckily my monumental stuff-up was fixed by noon.', 'my monumental stuff-up'],
    ['We rewrote it for all the wrong reasons.', 'rewrote it for all the wrong reasons'],
    ['This was a terrible approach, I had no idea who would use it.', 'was a terrible approach'],
    ['That was a security lapse on my end.', 'lapse on my end'],
    ['I think I messed up.', 'messed up'],
    ['It was the admin’s fault.', 'admin’s fault'],
  ];
  for (const [sentence, ...phrases] of flagged) it(`flags: ${sentence}`, () => assert.deepEqual(flag(sentence), phrases));

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
    'This was not a human-caused failure: the disk wore out.',
    'A mistake in the migration script dropped the index.',
    'The build agent error rate rose to 3%.',
    'An error by the load balancer returned 502s.',
    'It is suspected that these are exactly the bugs responsible for the outage.',
    'The config change responsible for the incident was reverted.',
    'Assets are lazily loaded.',
    'The cache is filled lazily on the first request.',
    'The header was ignored by the parser.',
    'Unknown keys are ignored by default.',
    "The build was broken by the developer's change.",
    'The flag was ignored by the developer tooling.',
    'The checkout was broken by a bad deploy.',
    'The SRE team is solely responsible for the cluster upgrades.',
    'The upstream provider dropped the ball on the certificate renewal.',
    'Our ingest instances in us-east-1a were to blame.',
    'AWS confirmed the storage hardware was at fault.',
    'Incidents are not an employee’s fault, they are a fault of the organization.',
    'Any operator error is a symptom of a missing mechanism.',
    'Hopefully others can learn from our mistakes.', // mistakes as a topic
    'Reflecting on my mistakes is a useful thing to do.',
    'It was a mistake in the upgrade logic.', // a defect in a thing, no one's conduct judged
    'We take full responsibility for the degradation.', // an organization's accountability, not a person taking the blame
    'We apologize for the inconvenience.',
    'The overzealous rate limiter dropped requests.',
    '@astonm overlooked a critical piece of functionality.', // counterfactual reports it
    'It is important that we share our mistakes so that others can learn.',
    'New engineers learn from their mistakes in staging.',
    'It was not an error on our part.',
    'Nobody was at fault.',
    // Round 10
    'I accidentally broke the Btrfs installation on my laptop.', // an unintended outcome, described
    'Our failure rate went up after the deploy.', // a measure, not a verdict
    'We learned a lot from my failure.', // a topic
    'The deploy ran and broke checkout.', // the coordinated subject is a thing
    'We use lazy loading and lax validation in staging.',
    // Round 11
    'We want others to learn from the mistakes we made.', // a topic, after a determiner
    // Round 12
    'The version we deployed was wrong.', // the subject of "was" is the version
    'This is heavily limited by our lack of resources.', // a lack of means, not a judgement of people
    'The job creating the snapshots ignored the lock.', // an -ing phrase after a thing
    // Round 13
    "I'm going to spare you exactly what was wrong.", // "I'm going": a verb, not a person described by an -ing phrase
    'This, as it turns out, is a bad idea.', // a present view, not a verdict on what was done
    'We dismissed the alert because we mistakenly thought our usage was safe.', // a belief at the time, reported
    'When I got back, I fumbled around in my backups folder.', // searching
    'We honestly did not care if we grew or not.', // indifference to an outcome
    // Round 14
    'It turns out that I was wrong -- people were reading my website.', // a guess proved wrong
    "If you've been an engineer for any time, you've probably made some mistakes.", // the generic "you"
    // Round 15
    'No finger pointing: if you screwed up, no big deal.', // the generic "you" of a condition
    "It was nobody's fault; the scheduler failed.", // the denial starts the match
    'Dana and I broke off to a quiet room to work on the cache.', // "broke off": left
    'It was a routing configuration mistake on our side.', // a mistake located in a thing
    'I accidentally had broken the staging build.', // an unintended outcome, described
    'The pressure during the launch was all on me.', // where pressure fell, not whose fault
    'The schedule depends entirely on us.',
    // Round 16
    'The team wasted no time in analyzing the report.', // "no time": the opposite
    "I didn't know what I'd broken at first.", // an indirect question about the outcome
    'One of the three great virtues of a programmer is hubris.', // a definition in the present
    'This is a story of how quickly hubris can turn to humility.', // hubris as a topic
    'Humility lets us accept our mistakes and move on.', // mistakes as a topic
    'I wanted to understand what mistakes I made.', // an indirect question
    // Round 17
    'The discussion was about who is to blame, why and how.', // "who" asks
    'It was my error message that confused them.', // "my error" before a noun
    // Round 18
    'The tests were not good enough.', // a thing judged, not a person
    'Postgres was the wrong choice for this workload.', // a choice of a thing, the verdict goes on
    'As a result, we end up having to fix our own mistakes.', // a habit, not this incident's verdict
    'Share a story about a time where you royally screwed something up.', // the generic "you"
    // Round 19
    "Probably the hipster technology's fault, I do declare!", // a thing blamed
    'The setup was simple enough that it caused me to believe I messed up the configuration.', // a suspicion, disproved
    'At first I thought we had broken the build, but CI was down.',
    'Redis was a poor choice for durable storage.', // the verdict goes on: a thing for a purpose
    'The queue stalled for the wrong reasons.', // no person
    // Round 21: "broke" in other senses.
    'Somebody broke into their server and took the files.', // an intrusion
    'We then broke up the design into actionable tasks.', // divided (a particle after the object, "broke the design up", is not read)
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
    ['We reached their engineer but clearly failed to communicate the severity.', 'clearly'],
    ['This was more than 5 days from when we should have been aware of the incident.', 'should have been aware'],
    ['In hind-sight the first of multiple mistakes of that day.', 'In hind-sight'],
    ['Retrospectively, we made one critical mistake.', 'Retrospectively'],
    ['Clearly the limit was too low.', 'Clearly'],
    ['The alert was obviously missed by everyone.', 'obviously'],
    ['This is obviously a massive fail.', 'obviously'],
    ['With 20:20 hindsight, the limit was too low.', 'hindsight'],
    ['In retrospect the change was risky.', 'In retrospect'],
    ['We should have known the disk was full.', 'should have known'],
    ['The operator should have foreseen the spike.', 'should have foreseen'],
    ['The migration was always going to fail.', 'was always going to'],
    ['The cache was bound to fail under load.', 'was bound to'],
    ['It was predictable.', 'It was predictable'],
    ['It had to happen.', 'It had to happen'],
    ['It was only a matter of time.', 'only a matter of time'],
    ['It is clear that it was a bad idea to deploy so many changes at once.', 'It is clear that'],
    ["It's now clear that we should not have deployed on a Friday.", "It's now clear that"],
    ['Some of these were obvious, such as not having test coverage at all.', 'were obvious'],
    ["It's obvious the limit was too low.", "It's obvious"],
    ['Predictably, the cache filled up.', 'Predictably'],
    ['With the benefit of hindsight, the limit was too low.', 'With the benefit of hindsight'],
    ['An outage was bound to happen after the migration.', 'was bound to'],
    ['That was an obvious mistake.', 'an obvious mistake'],
    // Round 13
    ['It was a time bomb that would inevitably bring down the workers.', 'would inevitably'],
    // Round 14
    ['Upgrading on Sunday night was just asking for trouble on Monday.', 'asking for trouble'],
    // Round 15: inevitability after the fact; a signal called a clue.
    ['Running it from a laptop never would have worked.', 'never would have worked'],
    ['The first timeout should have been a big clue that the pool was too small.', 'should have been a big clue'],
    // Round 16: a modal perfect after "obviously" still looks back.
    ['The change obviously would have failed in staging.', 'obviously'],
    // Round 18: a past copula before "obviously" and a gerund; a past verdict after "it is clear that".
    ['We were obviously running out of disk.', 'obviously'],
    ['It is clear that we needed a better plan.', 'It is clear that'],
    // Round 20: "obviously" closing a sentence comments on its clause, here a past verdict.
    ['The config was wrong, obviously.', 'obviously'],
  ];
  for (const [sentence, ...phrases] of flagged) it(`flags: ${sentence}`, () => assert.deepEqual(flag(sentence), phrases));

  const clean = [
    'Communicate clearly with customers.',
    'We will clearly state the policy.',
    'The socket was bound to port 8080.',
    'The service was bound to the loopback interface.',
    "There's obviously a lot we need to do to spot future attacks.",
    'For obvious reasons we do not list the hosts.',
    'Some systems had non-obvious dependencies.',
    'The graph `obviously` label.',
    'Second engineer starts looking through the logs but not seeing anything obviously wrong.',
    'Nothing obviously broken showed up in the dashboards.',
    "Within a few minutes, it is clear that the '403 Forbidden' does not go away after first use.",
    'Once it was clear what the issue was, the fix seemed obvious enough.',
    'It was not clear that one of the worker processes had died.',
    'Some of these are not obvious due to the inherent complexities.',
    'We have always lived with the realistic expectation that a massive outage was bound to happen one day.',
    'It was difficult to debug as there was no obvious error message.',
    'The logs showed nothing, without any obvious error in them.',
    // Round 7: "clearly" as manner in instructions and passives; negated "obvious"; "obviously" about now.
    'Clearly define channel purpose.',
    'We should ensure that any policy relaxation is clearly communicated across the board.',
    'This requirement needs to be clearly documented.',
    'None of this was obvious while it was happening.',
    'The check does indicate that nothing was obviously compromised.',
    'We are obviously very disappointed with this outage.',
    'Obviously, this results in a file with corrupt content.',
    // Round 8: what could not be done then; "it's" about now (straight or curly apostrophe).
    "We'd planned to do this move earlier, but it obviously couldn't wait.",
    "We weren't expecting data loss on this scale, but it's obviously something we're dealing with now.",
    'We weren’t expecting data loss on this scale, but it’s obviously something we’re dealing with now.',
    'The migration had to happen before the freeze.', // an obligation, not fate
    // Round 10: "clearly" in the present tense is a view of now.
    "I thought backups needed no maintenance, but that's clearly not always the case.",
    'Back then 256 MB was a lot; it clearly no longer suffices.',
    // Round 13: a view of now after "it is clear that"; "clearly" describing; a realization at the time.
    'It is clear that I understand the danger of risky operations.',
    'Investigation was difficult since the archive was very clearly a work-in-progress.',
    'So it became clear that it was only a matter of time before this would be noticed.',
    'Inevitably we are going to have to skip some items.',
    // Round 14: what became evident at the time; a goal.
    'He waited for ten minutes till it was obvious that the alert was not a flap.',
    'Find a way to label the interface so that it is obvious which deployment is managed.',
    // Round 15: describing a third party; reasoning at the time about what might follow.
    'The attacker was clearly well versed in the CI system.',
    'I did not re-upload it, because that would obviously look suspicious.',
    // Round 16: a negated modal after "obviously"; hindsight named as a topic.
    "Had it been unrelated, I obviously wouldn't have access to it.",
    "It's common to impose right/wrong judgments in hindsight.",
    'Hindsight bias makes the path look obvious.',
    // Round 17: the writer names hindsight to set it aside.
    "It's easy to see why in retrospect, but none of this was obvious to us.",
    // Round 18: work ahead after "it's clear that" ("need" is not a past tense); "obviously" as the manner of a plan.
    "However, it's clear that we need to do a better job of communicating.",
    "Now I'm planning to try it again while obviously not running into the same issues.",
    // Round 19: the question asked, not answered.
    'You could argue whether that was predictable or not.',
    // Round 20: "obviously" closing a sentence about now.
    "That doesn't help you now, obviously.",
  ];
  for (const sentence of clean) it(`does not flag: ${sentence}`, () => assert.deepEqual(flag(sentence), []));
});

describe('root-cause', () => {
  it('flags a singular "the root cause" (information) with a mechanical fix', () => {
    assert.deepEqual(sentenceHits('The root cause was a bad deploy.', 'root-cause'), ['The root cause']);
    assert.deepEqual(sentenceHits('We found the root cause quickly.', 'root-cause'), ['the root cause']);
    assert.deepEqual(sentenceHits('Three incidents shared the same root cause: CPU sizing.', 'root-cause'), ['the same root cause']);
    assert.deepEqual(sentenceHits('We are still looking for the exact root cause.', 'root-cause'), ['the exact root cause']);
    assert.deepEqual(sentenceHits('This was indeed the correct root cause.', 'root-cause'), ['the correct root cause']);
  });
  it('leaves plural and headings alone', () => {
    assert.deepEqual(sentenceHits('Several root causes interacted.', 'root-cause'), []);
    assert.deepEqual(sentenceHits('We ran the root cause analysis on Monday.', 'root-cause'), []);
    assert.deepEqual(hits('# X\n\n## Root cause\n\nA deploy.\n', 'root-cause'), []);
  });
});
