import { describe, expect, it } from 'vitest';
import { GradeLimitError, gradeDeterministic, graderProblems, schemaProblem, schemaProblems, schemaValidator } from '../src';

const kase = { id: 'c', input: 'q' };
const gradeJson = (schema: Record<string, unknown>, output: string) => gradeDeterministic({ type: 'json-schema', schema }, kase, output);
const nested = (levels: number, leaf: unknown = 1): unknown => Array.from({ length: levels }).reduce<unknown>((inner) => [inner], leaf);

describe('json-schema patterns run on RE2', () => {
  it('pattern: a ReDoS pattern answers on a long string (a backtracking engine would hang here)', () => {
    const schema = { type: 'string', pattern: '^(a+)+$' };
    const wrong = gradeJson(schema, JSON.stringify('a'.repeat(50_000) + '!'));
    expect(wrong).toMatchObject({ pass: false, detail: '/ must match pattern "^(a+)+$"' });
    expect(gradeJson(schema, JSON.stringify('a'.repeat(50_000))).pass).toBe(true);
  });

  it('patternProperties: keys matched on RE2', () => {
    const schema = { type: 'object', patternProperties: { '^(x+x+)+y$': { type: 'integer' } } };
    expect(gradeJson(schema, JSON.stringify({ [`${'x'.repeat(20_000)}y`]: 'not a number' }))).toMatchObject({ pass: false });
    expect(gradeJson(schema, JSON.stringify({ [`${'x'.repeat(20_000)}z`]: 'not a number' })).pass).toBe(true);
  });

  it('refuses schema patterns RE2 cannot run, with their path', () => {
    const schema = { type: 'object', properties: { code: { type: 'string', pattern: '(\\d)\\1' } }, patternProperties: { '^(?!x)': {} } };
    expect(schemaProblems(schema)).toEqual([
      { path: 'patternProperties.^(?!x)', message: expect.stringMatching(/^lookahead/) },
      { path: 'properties.code.pattern', message: expect.stringMatching(/^backreferences/) },
    ]);
  });
});

describe('schemas that would crash or stall ajv are refused before compiling', () => {
  it('a schema nested 3,000 deep is a problem, not a stack overflow', () => {
    let deep: Record<string, unknown> = { type: 'integer' };
    for (let i = 0; i < 3_000; i++) deep = { items: deep };
    expect(schemaProblem(deep)).toBe('schema nests deeper than 32 levels');
    expect(() => gradeJson(deep, '[]')).toThrow(/schema nests deeper than 32 levels/);
  });

  it('too many values, too many patterns', () => {
    expect(schemaProblem({ enum: Array.from({ length: 6_000 }, (_, i) => i) })).toMatch(/more than 5,000 values/);
    const properties = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`p${i}`, { pattern: `^${i}$` }]));
    expect(schemaProblem({ properties })).toMatch(/21 patterns; the limit is 20/);
  });

  it('$ref: only local pointers at subschemas, and no cycle that never reads into the data', () => {
    expect(schemaProblem({ $ref: 'https://example.com/other.json' })).toMatch(/only references into this schema/);
    expect(schemaProblem({ $ref: '#/definitions/missing' })).toMatch(/does not point at a subschema/);
    expect(schemaProblem({ $ref: '#' })).toMatch(/cycle that never steps into the data/);
    const loop = schemaProblem({ definitions: { a: { $ref: '#/definitions/b' }, b: { anyOf: [{ $ref: '#/definitions/a' }] } }, $ref: '#/definitions/a' });
    expect(loop).toMatch(/cycle that never steps into the data would recurse forever: .*#\/definitions\/b\/anyOf\/0 -> #\/definitions\/a/);
    // Recursion through `items` steps into the data: a tree schema is fine.
    expect(schemaProblem({ definitions: { tree: { type: 'array', items: { $ref: '#/definitions/tree' } } }, $ref: '#/definitions/tree' })).toBeNull();
  });

  it('$async and nested $id are refused', () => {
    expect(schemaProblem({ $async: true, type: 'object' })).toMatch(/\$async: asynchronous schemas/);
    expect(schemaProblem({ properties: { a: { $id: 'x', type: 'string' } } })).toMatch(/^properties\.a\.\$id: /);
  });
});

describe('validation work is bounded', () => {
  it('a recursive schema that applies itself twice per level stops at the work budget', () => {
    // 2^40 subschema applications on a 90-character output: ajv alone would run for hours.
    const schema = { definitions: { x: { allOf: [{ items: { $ref: '#/definitions/x' } }, { items: { $ref: '#/definitions/x' } }] } }, $ref: '#/definitions/x' };
    expect(schemaProblem(schema)).toBeNull();
    const output = JSON.stringify(nested(40));
    expect(() => gradeJson(schema, output)).toThrow(GradeLimitError);
    expect(() => gradeJson(schema, output)).toThrow(/validation needs more than the 500,000,000 work units/);
    // The same schema on shallow data is graded.
    expect(gradeJson(schema, JSON.stringify(nested(3))).pass).toBe(true);
  });

  it('an output nested deeper than 64 levels is an error grade', () => {
    const schema = { definitions: { tree: { type: 'array', items: { $ref: '#/definitions/tree' } } }, $ref: '#/definitions/tree' };
    expect(() => gradeJson(schema, JSON.stringify(nested(65, [])))).toThrow(/output nests deeper than 64 levels/);
    expect(gradeJson(schema, JSON.stringify(nested(60, []))).pass).toBe(true);
  });

  it('uniqueItems compares in linear time and names the duplicates', () => {
    const schema = { type: 'array', uniqueItems: true };
    const distinct = Array.from({ length: 3_000 }, (_, i) => ({ id: i, tags: ['x'] }));
    expect(gradeJson(schema, JSON.stringify(distinct)).pass).toBe(true);
    // Key order and 1 vs 1.0 do not make items different.
    const duplicated = [...distinct, { tags: ['x'], id: 17.0 }];
    expect(gradeJson(schema, JSON.stringify(duplicated))).toMatchObject({
      pass: false,
      detail: '/ must NOT have duplicate items (items ## 17 and 3000 are identical)',
    });
  });

  it('a schema compiled once validates many outputs; the cache does not grow without bound', () => {
    for (let i = 0; i < 100; i++) expect(schemaValidator({ const: i }).validate(i)).toEqual({ valid: true });
    expect(schemaValidator({ const: 1 }).validate(2)).toEqual({ valid: false, detail: '/ must be equal to constant' });
  });
});

describe('graderProblems', () => {
  it('reports each unusable pattern, flag and schema with its path in the request', () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 40; i++) deep = { not: deep };
    const problems = graderProblems([
      { type: 'exact' },
      { type: 'regex', pattern: '(a)\\1' },
      { type: 'regex', pattern: 'ok', flags: 'gi' },
      { type: 'json-schema', schema: deep },
      { type: 'json-schema', schema: { properties: { a: { pattern: '(?<=x)' } } } },
      { type: 'regex', pattern: '[' },
      { type: 'json-schema', schema: { type: 'no-such-type' } },
      { type: 'regex', pattern: '^(a+)+$', flags: 'iu' },
    ]);
    expect(problems.map((problem) => problem.path)).toEqual([
      'graders.1.pattern',
      'graders.2.flags',
      'graders.3.schema',
      'graders.4.schema.properties.a.pattern',
      'graders.5.pattern',
      'graders.6.schema',
    ]);
    expect(problems[0]!.message).toMatch(/^backreferences/);
    expect(problems[2]!.message).toBe('schema nests deeper than 32 levels');
    expect(problems[5]!.message).toMatch(/schema is invalid/);
  });
});
