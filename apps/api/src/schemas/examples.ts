/**
 * Request body examples by operationId, shown in /openapi.json; the OpenAPI lint checks each against
 * its schema. They match the files in examples/ that the README's commands send.
 */
export const requestExamples: Readonly<Record<string, unknown>> = {
  submitInference: {
    model: 'gpt-4o-mini',
    parameters: { temperature: 0 },
    items: [
      { id: 'q1', messages: [{ role: 'user', content: 'How much leave do I get? Reply to jane@acme.example' }] },
      {
        id: 'q2',
        messages: [
          { role: 'system', content: 'Answer in one sentence.' },
          { role: 'user', content: 'Who do I ask about payroll?' },
        ],
      },
    ],
    cache: { mode: 'semantic', threshold: 0.95 },
    rag: { collection: 'handbook', topK: 3, maxContextTokens: 1500 },
    maxCostUsd: '0.50',
  },
  submitEvaluation: {
    cases: [
      { id: 'capital', input: 'What is the capital of France?', expected: 'Paris' },
      { id: 'math', input: 'What is 6 x 7?', expected: '42', output: 'It is 42.' },
    ],
    generate: { model: 'gpt-4o-mini', seed: 7 },
    samples: 3,
    graders: [
      { type: 'contains', value: 'Paris' },
      { type: 'numeric', tolerance: 0.5 },
      { type: 'rubric', rubric: 'correctness' },
    ],
  },
  submitCacheCalibration: { targetWrongHitRate: 0.02 },
  ingestDocuments: {
    documents: [{ id: 'leave-policy', text: 'Employees accrue 2 days of leave per month. Questions: hr@acme.example', metadata: { lang: 'en', year: 2026 } }],
  },
  searchCollection: { query: 'how many days of leave?', topK: 3, filter: { field: 'metadata.lang', eq: 'en' } },
  submitCacheWarm: { model: 'gpt-4o-mini', queries: ['How much leave do I get?', 'Who do I ask about payroll?'] },
  setCacheWarming: { enabled: true, every: 3_600_000, topN: 50 },
};
