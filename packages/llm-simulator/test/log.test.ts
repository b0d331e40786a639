import { describe, expect, it } from 'vitest';
import { RequestLog } from '../src/index';
import { useSimulator } from './helpers';

const s = useSimulator();
const logUrl = () => s.sim.baseURL.replace('/v1', '/_sim/log');

describe('request log', () => {
  it('records what reached the provider, readable over HTTP with ?since= and clearable', async () => {
    const before = s.sim.log.latestId;
    await s.client.chat.completions.create({ model: 'gpt-4o-mini', temperature: 0, messages: [{ role: 'user', content: 'Call <PHONE_1> back' }] });
    await s.client.embeddings.create({ model: 'text-embedding-3-small', input: 'jane@example.com' });
    const res = await fetch(`${logUrl()}?since=${before}`);
    const { data } = (await res.json()) as {
      data: { path: string; model: string; promptTokens: number; completionTokens: number; status: number; body: unknown }[];
    };
    expect(data.map((e) => e.path)).toEqual(['/v1/chat/completions', '/v1/embeddings']);
    expect(data[0]).toMatchObject({ model: 'gpt-4o-mini', status: 200 });
    expect(data[0]?.promptTokens).toBeGreaterThan(0);
    expect(data[0]?.completionTokens).toBeGreaterThan(0);
    // bodies are kept verbatim, so a PII test can assert that no raw value reached the provider
    expect(JSON.stringify(data[0]?.body)).toContain('<PHONE_1>');
    expect(JSON.stringify(data[1]?.body)).toContain('jane@example.com');

    expect((await fetch(logUrl(), { method: 'DELETE' })).status).toBe(204);
    expect(s.sim.log.list()).toHaveLength(0);
  });

  it('keeps only the newest entries and can drop bodies', () => {
    const log = new RequestLog(3, false);
    for (let i = 0; i < 5; i++) {
      log.add({
        method: 'POST',
        path: `/v1/x${i}`,
        model: null,
        promptTokens: 0,
        completionTokens: 0,
        status: 200,
        fault: null,
        batchId: null,
        customId: null,
        body: { secret: i },
      });
    }
    const entries = log.list();
    expect(entries.map((e) => e.path)).toEqual(['/v1/x2', '/v1/x3', '/v1/x4']);
    expect(entries.map((e) => e.id)).toEqual([3, 4, 5]);
    expect(entries.every((e) => e.body === null)).toBe(true);
    expect(log.list(4).map((e) => e.id)).toEqual([5]);
  });
});
