import { describe, expect, it } from 'vitest';
import { PipelineDefinition, type PipelineStepRecord } from '@llmops/contracts';
import { planPipeline, runInput, StepFailure, type GenerateCall, type PipelinePorts } from '../src/index';

// Ports that answer from a table, recording every call: the engine's resume, gating and failure rules
// are what is under test here (the real provider path runs in apps/api/test/pipeline*.test.ts).
function recordingPorts(answer: (call: GenerateCall) => string): PipelinePorts & { calls: GenerateCall[] } {
  const calls: GenerateCall[] = [];
  return {
    calls,
    async generate(call) {
      calls.push(call);
      return { text: answer(call), cache: call.cache.mode === 'off' ? 'off' : 'miss', usage: { inputTokens: 10, outputTokens: 5 }, costNanoUsd: 1_500n };
    },
    async retrieve(call) {
      return {
        text: `[1] passage about ${call.query}`,
        documents: [{ collection: call.collection, documentId: 'd1', chunkId: 'c1', score: 0.9 }],
        usage: { inputTokens: 3, outputTokens: 0 },
        costNanoUsd: 60n,
      };
    },
  };
}

const plan = planPipeline(
  PipelineDefinition.parse({
    inputs: ['ticket'],
    steps: [
      { id: 'context', type: 'retrieve', collection: 'kb', query: '{{input.ticket}}' },
      {
        id: 'classify',
        type: 'generate',
        model: 'gpt-4o-mini',
        prompt: 'Classify: {{input.ticket}}',
        schema: { type: 'object', properties: { label: { type: 'string' }, items: { type: 'array', items: { type: 'string' } } }, required: ['label'] },
      },
      { id: 'route', type: 'branch', on: 'classify.label', cases: { refund: ['refund'], bug: ['each'] } },
      { id: 'refund', type: 'generate', model: 'gpt-4o-mini', prompt: 'Refund reply using {{context}}' },
      { id: 'each', type: 'map', over: 'classify.items', maxItems: 3, step: { type: 'generate', model: 'gpt-4o-mini', prompt: 'Fix {{item}} ({{index}})' } },
      { id: 'check', type: 'validate', from: '{{refund}}{{each}}', pattern: 'reply|fix' },
    ],
    output: { label: '{{classify.label}}', reply: '{{refund}}', fixes: '{{each}}' },
  }),
);

function run(ports: PipelinePorts, done = new Map<string, PipelineStepRecord>(), pass = 'first') {
  const saved = new Map<string, PipelineStepRecord>();
  const result = runInput({
    plan,
    jobId: 'job-1',
    index: 7,
    input: { ticket: 'I want my money back' },
    run: pass,
    now: () => 0,
    done,
    ports,
    save: async (id, record) => void saved.set(id, record),
  });
  return { result, saved };
}

describe('runInput', () => {
  it('runs the chosen branch, skips the other, maps the output into the result, bills each step with its own key', async () => {
    const ports = recordingPorts((call) => (call.prompt.startsWith('Classify') ? JSON.stringify({ label: 'refund', items: [] }) : 'refund reply'));
    const { result, saved } = run(ports);
    const done = await result;
    expect(done).toMatchObject({ status: 'completed', output: { label: 'refund', reply: 'refund reply', fixes: null } });
    expect(done.steps.each?.status).toBe('skipped');
    expect(done.steps.refund).toMatchObject({ status: 'done', run: 'first', finishedAt: '1970-01-01T00:00:00.000Z', costNanoUsd: '1500' });
    expect(ports.calls.map((call) => call.idempotencyKey)).toEqual(['job-1:7:classify', 'job-1:7:refund']);
    expect(ports.calls[1]?.prompt).toBe('Refund reply using [1] passage about I want my money back');
    expect(done.costUsd).toBe('0.000003060');
    expect([...saved.keys()]).toEqual(['context', 'classify', 'route', 'refund', 'each', 'check']);
  });

  it('resumes after the steps an earlier run recorded, without calling them again', async () => {
    const first = recordingPorts((call) => (call.prompt.startsWith('Classify') ? JSON.stringify({ label: 'bug', items: ['login', 'logout'] }) : 'fix it'));
    const { result, saved } = run(first);
    await result;
    // Keep what a killed attempt had stored: the first three steps.
    const kept = new Map([...saved].filter(([id]) => ['context', 'classify', 'route'].includes(id)));
    const second = recordingPorts(() => 'fix it');
    const resumed = await run(second, kept, 'second').result;
    expect(second.calls.map((call) => call.idempotencyKey)).toEqual(['job-1:7:each:0', 'job-1:7:each:1']);
    expect(resumed.steps.classify?.run).toBe('first');
    expect(resumed.steps.each).toMatchObject({ run: 'second', output: ['fix it', 'fix it'] });
    expect(resumed.output).toEqual({ label: 'bug', reply: null, fixes: ['fix it', 'fix it'] });
  });

  it('fails the input at the first failing step, naming it, and keeps the failure on resume', async () => {
    const ports = recordingPorts(() => 'not json');
    const { result, saved } = run(ports);
    const failed = await result;
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('step classify: the text is not valid JSON');
    expect(saved.get('classify')?.status).toBe('failed');
    const again = recordingPorts(() => '{}');
    expect((await run(again, saved, 'second').result).error).toBe('step classify: the text is not valid JSON');
    expect(again.calls).toEqual([]);
  });

  it('fails on a map list past maxItems and on a failed validation', async () => {
    const long = recordingPorts((call) => (call.prompt.startsWith('Classify') ? JSON.stringify({ label: 'bug', items: ['a', 'b', 'c', 'd'] }) : 'x'));
    expect((await run(long).result).error).toBe('step each: the list has 4 elements; maxItems is 3');
    const unchecked = recordingPorts((call) => (call.prompt.startsWith('Classify') ? JSON.stringify({ label: 'refund' }) : 'nothing relevant'));
    expect((await run(unchecked).result).error).toBe('step check: invalid: pattern: no match');
  });

  it('lets errors that are not the input fault through, recording nothing for that step', async () => {
    const ports: PipelinePorts = {
      ...recordingPorts(() => ''),
      generate: async () => {
        throw new Error('provider down');
      },
    };
    const { result, saved } = run(ports);
    await expect(result).rejects.toThrow('provider down');
    expect([...saved.keys()]).toEqual(['context']);
    const refused: PipelinePorts = { ...ports, generate: async () => Promise.reject(new StepFailure('refused: input too long')) };
    expect((await run(refused).result).error).toBe('step classify: refused: input too long');
  });
});
