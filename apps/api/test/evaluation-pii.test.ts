import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpValues } from '@llmops/testing';
import { startPlatform, redisUrl, type PlatformHarness } from './fixtures/platform-harness';
import { allResults, evaluate } from './evaluation-helpers';

let harness: PlatformHarness;
beforeAll(async () => {
  harness = await startPlatform('eval-pii');
  await harness.startWorker();
});
afterAll(() => harness.close());

describe('evaluation keeps personal data out of Redis and the provider', () => {
  it('pseudonymizes case text at the API; graders still match the same person across expected and output', async () => {
    const email = 'canary.eval.q9@example.com';
    const { id, report } = await evaluate(harness, {
      cases: [
        { id: 'c1', input: `Who should I email about invoice 7?`, expected: `Email ${email}.`, output: `Email ${email}.` },
        { id: 'c2', input: `Summarise the ticket from ${email}`, expected: 'A refund request.', output: 'A refund request about an order.' },
      ],
      samples: 1,
      graders: [
        { name: 'exact', type: 'exact' },
        { name: 'correct', type: 'rubric', rubric: 'correctness' },
      ],
    });
    expect(report.graders.exact?.passRate).toBe(0.5);
    const records = await allResults(harness, id);
    expect(records.find((record) => record.result.caseId === 'c1')?.result.output).toMatch(/<EMAIL_\d+>/);

    expect(await dumpValues(redisUrl, harness.prefix)).not.toContain(email);
    const sent = JSON.stringify(harness.simulator.log.list());
    expect(sent).not.toContain(email);
    expect(sent).toMatch(/<EMAIL_\d+>/);
  });
});
