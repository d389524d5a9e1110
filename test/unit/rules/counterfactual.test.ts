import assert from 'node:assert/strict';
import { sentenceHits, hits } from './helpers';

const flag = (sentence: string, frontMatter = ''): string[] => sentenceHits(sentence, 'counterfactual', {}, frontMatter);

describe('counterfactual', () => {
  describe('flags', () => {
    const cases: Array<[string, string]> = [
      ['The on-call engineer should have rolled back the deploy.', 'should have'],
      ['We should have caught this in staging.', 'should have'],
      ["We should've paged the database team.", "should've"],
      ['This could have been avoided.', 'could have'],
      ['A canary would have caught it.', 'would have'],
      ['The outage would not have happened with a canary.', 'would not have'],
      ['If only we had tested the failover.', 'If only'],
      ['Had we known about the quota, we waited.', 'Had we'],
      ['If the engineer had checked the dashboard, the alert was there.', 'If the engineer had'],
      ['We failed to notice the alert.', 'failed to'],
      ['The on-call engineer failed to escalate.', 'failed to'],
      ['They neglected to update the runbook.', 'neglected to'],
      ['She forgot to renew the certificate.', 'forgot to'],
      ["He didn't bother to check the logs.", "didn't bother to"],
      ['We missed the security advisory.', 'missed'],
      ['We had indeed missed the advisory.', 'missed'],
      ['The database team failed to respond to the page.', 'failed to'],
      ['@alice failed to merge the fix.', 'failed to'],
      ['The engineer who failed to notice the alert was new.', 'failed to'],
      ['It should not have been possible for one user to upload that many packages.', 'should not have'],
      ['It would have also been a good idea to have tested all the classes.', 'would have'],
      ['It would have been better to roll back first.', 'would have'],
      ['More logging would have been helpful.', 'would have'],
      ['It would have been good to test the upgrade on staging.', 'would have'],
      ['It could have been successfully deployed a couple of days earlier.', 'could have'],
      ['The fix could have shipped sooner.', 'could have'],
      ['The amount should have essentially been added to their wallet.', 'should have'],
      ['In this case the best approach would have been to just revert the deployment.', 'would have'],
      ['The right call would have been to page the database team.', 'would have'],
      ['Smaller deployments would have allowed us to find and catch each issue.', 'would have'],
      ['A canary could have helped the team detect it.', 'could have'],
      ["The user didn't think to scroll down.", "didn't think to"],
      ['The user forgot to restart the service.', 'forgot to'],
      ['It was not caught in staging as it likely would have been had there not been the issues with the table.', 'would have'],
      // Round 4: "also" / "never" between the modal and "have", "lead" for "led", "having failed to", subjectless "Missed to".
      ['If the load was spread out properly, the halt would also not have happened.', 'would also not have'],
      ['We should never have deployed on a Friday.', 'should never have'],
      ['A canary could also have caught it.', 'could also have'],
      ["Asking users for more precise information could've lead to a quicker recovery.", "could've"],
      ['The rollback should have lead to a clean state.', 'should have'],
      ['Access was impaired by one developer having failed to rotate their key.', 'failed to'],
      ['Missed to remove the cleanup step in an older script.', 'Missed to'],
      ['We missed to update the runbook.', 'missed to'],
      // Round 5: every modal perfect counts, whatever the subject (issue 4), hedged consequences included.
      ['Customers could have seen errors during this window.', 'could have'],
      ['Everyone who uses encryption should have felt some relief.', 'should have'],
      ['In this incident however it could have been difficult since the service has a CDN in front.', 'could have'],
      ['The impact could have been worse.', 'could have'],
      ['It would have been good for the team.', 'would have'],
      ['Customers would have seen a generic 502 error message.', 'would have'],
      ['To be affected, you would have had to 1) installed the plugin, and 2) enabled the option.', 'would have'],
      ['Everyone who was not on the server should have barely noticed.', 'should have'],
      ['The worst case would have been to lose the data.', 'would have'],
      ['This bug would have allowed an attacker to read any file.', 'would have'],
      ['It could also have been a networking issue.', 'could also have'],
      ['The host uses RAID1, which should have mitigated this.', 'should have'],
      ['These changes would not have protected us against the attack.', 'would not have'],
      ['The attack would normally not have been a problem.', 'would normally not have'],
      ['This could easily have been avoided.', 'could easily have'],
      ['It could only have been caught by a load test.', 'could only have'],
      ['We should probably have paged the database team.', 'should probably have'],
      // Round 6: an elided participle; "failing to" with people; contracted and parenthesized subjects.
      ['Operators rolled back when they shouldn\'t have.', "shouldn't have"],
      ['It could wait until the next day (as this one could have).', 'could have'],
      ['It likely would have if we had a larger userbase.', 'would have'],
      ['We could, and should have, done much better.', 'should have'],
      ['The queue filled up, which resulted in us failing to reply within 24 hours.', 'failing to'],
      ["We'd failed to upgrade the trial account.", 'failed to'],
      // Round 7: "first" after "have", irregular participles, "failed at" of people.
      ['We should have first communicated the maintenance.', 'should have'],
      ["We couldn't have withstood the traffic without their help.", "couldn't have"],
      ['Right now we failed at that.', 'failed at'],
      // Hindsight reports only the modal perfects of its phrase list; every other one is counterfactual's.
      ['The spike should have been predictable.', 'should have'],
      ['During the incident we (the CA) failed to respond within 7 days.', 'failed to'],
      // Round 8: a person's list of what should have been done, questions, "anyway", a better choice, "our failure to".
      ['Even so, I should have:', 'should have'],
      ['Would it have helped me?', 'Would it have'],
      ['Could we have caught this earlier?', 'Could we have'],
      ['People still played it and I believe they would have anyway.', 'would have'],
      ['In hindsight, an Early Access period might have been wise.', 'might have been wise'],
      ['This incident was caused by our failure to finish the follow-up work.', 'our failure to'],
      ["We didn't even take the time to check the server.", "didn't even take the time to"],
      ['We could of course have asked someone for access.', 'could of course have'],
      ['@astonm overlooked a critical piece of functionality.', 'overlooked'],
      // Round 9: "why didn't we", people's "failure to" act, "only" between subject and verb.
      ["Why didn't we write the simple shell script earlier?", "Why didn't we"],
      ['A compounding issue was the failure to notify the relevant users.', 'the failure to'],
      ['There was a failure to communicate the change.', 'a failure to'],
      // Round 10: a wish about the past, a pluperfect failure verb, a predicate coordinated with a person's clause.
      ['In all honesty, i wish i tested this out better.', 'wish i tested'],
      ['I wish we had rehearsed the failover.', 'wish we had'],
      ['I had forgotten to bring filters.', 'forgotten to'],
      ['We had never thought to check the replica.', 'never thought to'],
      ['We ran our script a few times, but forgot to update the mapping.', 'forgot to'],
      ['I deployed a buggy refactor and failed to see that the app was crashing.', 'failed to'],
      ['The user repointed `latest` manually; and crucially, forgot to update the head.', 'forgot to'],
      // Round 11: spacing and contraction variants of the modal, the -ing form of "didn't bother", an interjection before the subject.
      ['I should \'ve also stored the photos in the cloud.', "should 've"],
      ['But maybe it\'d have been possible to detect the regression?', "it'd have"],
      ['It is something I didn\'t bother looking into at all.', "didn't bother looking"],
      ['Maybe I failed in finding some forks.', 'failed in finding'],
      ['Wow I reissued the certificate but forgot to reload nginx.', 'forgot to'],
      // Round 12: an expectation that did not come true, "failure on my part to", a person described by an -ing phrase.
      ['The maintenance was not supposed to have affected our service.', 'supposed to have'],
      ['The maintenance and failure on my part to communicate led to the downtime.', 'failure on my part to'],
      ['The engineer handling the page forgot to silence the alert.', 'forgot to'],
      // Round 13
      ['I had not considered sending them an email earlier on.', 'had not considered'],
      // Round 14
      ['I wish that I had spent another month polishing the server.', 'wish that I had'],
      ['Yes, I regret releasing Season 2 when I did.', 'regret releasing'],
      ['Unfortunately, it completely skipped my mind that this script would be affected.', 'skipped my mind'],
      ['I did NOT get around to formatting it.', 'did NOT get around to'],
      ["We didn't take care to ensure that the spares had separate power.", "didn't take care to"],
      // Round 15: a word between "have" and the participle, the participle left out after an adverb, an inverted
      // modal with a noun-phrase subject, wishes about things, acting on what was known.
      ['I should have double checked the tag.', 'should have'],
      ['The pool did not fail over, as it should have automatically, and nobody was paged.', 'should have'],
      ['Should the last release have been a major version?', 'Should the last release have'],
      ['If only it were that simple!', 'If only'],
      ['I wish it had gone better.', 'wish it had'],
      ['We knew about the limit but didn’t act on it.', 'didn’t act on'],
      ['The warnings were all there, but we didn’t connect the dots.', 'didn’t connect the dots'],
      // Round 16: the pluperfect of "take the time to"; a role after "why didn't".
      ['I had not taken the time to read the runbook.', 'had not taken the time to'],
      ["Why didn't the engineer page the database team?", "Why didn't the engineer"],
      // Round 17: notes in diary style, an adverb after "failed", "not enough time", roles joined by a slash.
      ['Missed the step in my notes due to fatigue.', 'Missed'],
      ['Forgot to renew the domain.', 'Forgot to'],
      ['Those are all things I failed gloriously at.', 'failed gloriously at'],
      ["I didn't spend nearly enough time testing it.", "didn't spend nearly enough time"],
      ['The devs/admins forgot to disable replication.', 'forgot to'],
      // Round 18: a subject shared across a chain of predicates; "could always have"; "wish I did".
      ['I edited sshd_config and changed the port, but failed to update the firewall rules.', 'failed to'],
      ['For the hard parts we could always have pulled in a framework.', 'could always have'],
      ['There are some things I wish I did differently.', 'wish I did'],
      // Round 21: British participles.
      ['We should have learnt from the first outage.', 'should have'],
      // Round 19: a condition about the past still counts.
      ['If we failed to notify you, we apologize.', 'failed to'],
      ['If we missed the alert, we apologize.', 'missed'],
    ];
    for (const [sentence, phrase] of cases) {
      it(sentence, () => assert.deepEqual(flag(sentence), [phrase]));
    }

    it('a participant named in the front matter is a person', () => {
      assert.deepEqual(flag('Mukunda failed to follow up after the deploy.', 'participants:\n  - name: Mukunda Rao'), ['failed to']);
    });

    it("a person's failure verb in the past tense in an action item (it looks back)", () => {
      const text = '# X\n\n## Action items\n\n- Rate-limit the API. But I forgot to check direct calls — owner: @bob\n- Make sure we never miss an alert — owner: @ann\n';
      assert.deepEqual(hits(text, 'counterfactual'), ['forgot to']);
    });

    it('the pluperfect and "never" forms of a failure verb in an action item look back too', () => {
      const text = '# X\n\n## Action items\n\n- Rate-limit the API. But I had forgotten to check direct calls — owner: @bob\n- Add a restore drill; we never bothered to test restores — owner: @ann\n- Make sure we never miss an alert — owner: @cy\n';
      assert.deepEqual(hits(text, 'counterfactual'), ['forgotten to', 'never bothered to']);
    });

    it('a modal perfect in an action item (it looks back)', () => {
      const text = '# X\n\n## Action items\n\n- Alert on 4xx rates; this would have detected the issue within minutes — owner: @bob\n- Should have been done the day before; automate it — owner: @ann\n';
      assert.deepEqual(hits(text, 'counterfactual'), ['would have', 'Should have']);
    });

    it('lands on the exact phrase and explains why, with a reframing', () => {
      const text = '# X\n\n## Summary\n\nWe should have rolled back.\n';
      const [finding] = hits(text, 'counterfactual');
      assert.equal(finding, 'should have');
    });
  });

  describe('does not flag', () => {
    const cases = [
      'The health check failed to respond.',
      'The job failed.',
      'The backup script failed to upload to S3.',
      'The canary should have alerts after 2 minutes.',
      'The config should have a default of 5.',
      'System critical workloads should have priority.',
      'We should add monitoring.',
      'The attacker may have exfiltrated password hashes.',
      'The passwords had likely been exfiltrated.',
      'One of the nodes failed to start.',
      'The initial analysis failed to predict a number of issues.',
      'The deploy missed the release window.',
      'if only one replica is affected, traffic fails over.',
      'A failed attempt to restart the service left it stopped.',
      'We should have known about the quota.', // hindsight reports this one
      'We should have been aware of the incident on May 2.', // hindsight reports this one
      'The pipeline `should have been` green.',
      'The runbook says "we should have rolled back" in bold.',
      '[we should have known](https://example.com/should-have-failed-to)',
      'Users failed to log in for 20 minutes.',
      'Some users missed notifications during the window.',
      'The canary should have lead time of five minutes.',
      'The cluster should also have a default quota.',
      'The job having failed to start, the queue backed up.',
      'The cron job missed to run twice.',
      'We would have to restart the cluster.',
      'It might have been the cache.',
      'The node must have restarted overnight.',
      'Each team should have open tickets for this.',
      'It would still have a default of 5.',
      'What the canary should have: alerts after 2 minutes.',
      'The job failing to start filled the queue.',
      'The disk (sda, 2 TB) failed to mount.',
      'The nightly job failed at 03:00.',
      'The failure to promote a new primary extended the outage.',
      'The results might have been affected by the cache.',
      'Could it have a default value?',
      'The monitor overlooked the partition.',
      'The failure to create pods was caused by a typo.', // a system's failure
      'Failure to retrieve pod logs means build logs are not forwarded.',
      "Why didn't I know about this sooner?", // how information flowed
      'Why did the alert not fire?',
      // Round 10
      'I wish we had more time to prepare.', // a wish about now
      'I wish I could prevent future attacks.',
      'The health check started and failed to respond.', // the coordinated subject is a thing
      'We restarted the server, which failed to come back.', // a subordinate clause has its own subject
      'During the night the replica lagged and missed the window.',
      'Tasks that nobody wraps in a script are forgotten.',
      // Round 11
      "I'd have to restart the cluster.", // "have to": an obligation
      "We'd have a default of 5.",
      // Round 12
      'We are supposed to have a backup of this.', // possession
      'The job handling the queue failed to restart.', // an -ing phrase after a thing
      // Round 13
      "Don't worry, we've not forgotten about you!", // the failure denied
      'We have not missed a release since 2019.', // any failure verb denied, not only "forgotten"
      'We had never missed a page before that night.',
      // Round 14
      'I wondered if anyone had noticed.', // an indirect question, not a condition
      'By 8:27pm we had we had made the needed changes.', // a doubled word, not an inversion
      'We regret the inconvenience this caused.', // an apology
      // Round 15
      'Each node should have double the memory of the old ones.', // a requirement: "double" before a noun
      'Each host should have exactly two disks.', // a requirement: an adverb, then a noun phrase
      'If only to confirm the theory, we restarted the worker.', // "if only" + a purpose
      'I wish it had a dark mode.', // a wish for a possession
      'The controller did not act on the signal because it was filtered.', // a system as subject
      // Round 16
      'A photo book of the moments you missed.', // the generic "you"
      // Round 17
      'Failed to connect to the database.', // a log line: systems fail
      'Missed alerts piled up overnight.', // a noun phrase
      'But how had I managed to downgrade the image?', // a question, not a condition
      // Round 18
      'Last night the cron job I wrote crashed and failed to restart.', // the job's clause opens the sentence
      'The server rebooted and came back, but failed to mount the volume.', // a chain of a system's predicates
      'After the upgrade the job I wrote crashed and failed to restart.', // a pronoun inside is not the clause's subject
      'Note: the cron job I wrote crashed and failed to restart.',
      'The company failed to grow, but I learned a lot.', // an outcome, not an act left undone
      'I wish we had more time.', // a wish about the present
      // Round 19
      'This caused delays and we missed our January deadline.', // a date not reached: an outcome
      'In fact, we missed it by eight months.',
      'It would be a bigger mistake if I failed to learn from it.', // a failure imagined ahead
      // Round 20: an indirect question asks whether people failed.
      "I went to my inbox to see if I'd missed a renewal notice.",
      'We checked whether we had missed any alerts.',
    ];
    for (const sentence of cases) {
      it(sentence, () => assert.deepEqual(flag(sentence), []));
    }

    it('in action items ("should" is normal there)', () => {
      const text = '# X\n\n## Action items\n\n- We should add monitoring — owner: @bob\n- Every service should have alerts — owner: @ann\n- Make sure we never miss an alert again — owner: @cy\n';
      assert.deepEqual(hits(text, 'counterfactual'), []);
    });

    it('in blockquotes and code blocks', () => {
      const text = '# X\n\n## Timeline\n\n> 14:02 <bob> we should have rolled back\n\n```\nwe failed to notice\n```\n';
      assert.deepEqual(hits(text, 'counterfactual'), []);
    });

    it('in the front matter', () => {
      const text = '---\ntitle: We should have rolled back\n---\n\n# X\n';
      assert.deepEqual(hits(text, 'counterfactual'), []);
    });

    it('in HTML comments', () => {
      const text = '# X\n\n<!-- we should have rolled back -->\n\nAll good.\n';
      assert.deepEqual(hits(text, 'counterfactual'), []);
    });
  });

  it('checks quoted speech when checkQuotes is on', () => {
    const text = '# X\n\n## Timeline\n\nBob wrote "we should have rolled back".\n\n> we failed to notice\n';
    assert.deepEqual(hits(text, 'counterfactual'), []);
    assert.deepEqual(hits(text, 'counterfactual', { checkQuotes: true }), ['should have', 'failed to']);
  });

  it('takes extra phrases from the configuration', () => {
    assert.deepEqual(sentenceHits('The reviewer let it slip through.', 'counterfactual', { extraPhrases: { counterfactual: ['{person} let it slip'] } }), ['let it slip']);
    assert.deepEqual(sentenceHits('The linter let it slip through.', 'counterfactual', { extraPhrases: { counterfactual: ['{person} let it slip'] } }), []);
  });
});
