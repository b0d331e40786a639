import { describe, expect, it } from 'vitest';
import { PipelineDefinition } from '@llmops/contracts';
import { checkPipeline, planPipeline, PipelineDefinitionError } from '../src/index';

const define = (value: unknown) => PipelineDefinition.parse(value);
const messages = (value: unknown) => checkPipeline(define(value)).problems.map((problem) => `${problem.path}: ${problem.message}`);

const support = {
  inputs: ['question'],
  steps: [
    { id: 'answer', type: 'generate', model: 'gpt-4o-mini', prompt: 'Context: {{context}}\nQ: {{input.question}}' },
    { id: 'context', type: 'retrieve', collection: 'handbook', query: '{{input.question}}' },
    { id: 'check', type: 'validate', from: '{{answer}}', pattern: '\\w+' },
  ],
  output: { answer: '{{answer}}' },
};

describe('checkPipeline', () => {
  it('orders steps after what they read, keeping declaration order otherwise', () => {
    expect(planPipeline(define(support)).order).toEqual(['context', 'answer', 'check']);
  });

  it('names the step of an unknown reference, an undeclared input and {{item}} outside a map', () => {
    expect(
      messages({
        inputs: ['question'],
        steps: [
          { id: 'draft', type: 'generate', model: 'm', prompt: '{{input.question}} {{sumary}}' },
          { id: 'polish', type: 'prompt', template: 'Polish {{draft}} for {{input.audience}} and {{item}}' },
        ],
        output: { text: '{{polish}} {{nothing.here}}' },
      }),
    ).toEqual([
      'steps.0.prompt: step "draft": placeholder 2 names no step of this definition',
      'steps.1.template: step "polish": placeholder 2 names an input variable the definition does not declare in `inputs`',
      'steps.1.template: step "polish": placeholder 3 {{item}} and {{index}} exist only in the step of a map',
      'output.text: output "text": placeholder 2 names no step of this definition',
    ]);
  });

  it('reports a cycle once, naming its steps', () => {
    const problems = messages({
      inputs: ['q'],
      steps: [
        { id: 'start', type: 'prompt', template: '{{input.q}}' },
        { id: 'a', type: 'prompt', template: '{{b}} {{start}}' },
        { id: 'b', type: 'prompt', template: '{{c}}' },
        { id: 'c', type: 'prompt', template: '{{a}}' },
        { id: 'after', type: 'prompt', template: '{{c}}' },
      ],
      output: { x: '{{after}}' },
    });
    expect(problems).toEqual(['steps.1: step "a": its references form a cycle (a -> b -> c -> a)']);
  });

  it('refuses self references, duplicate and reserved ids, malformed templates', () => {
    expect(
      messages({
        inputs: ['q', 'q'],
        steps: [
          { id: 'x', type: 'prompt', template: '{{x}}' },
          { id: 'x', type: 'prompt', template: 'a' },
          { id: 'item', type: 'prompt', template: 'a' },
          { id: 'y', type: 'prompt', template: 'open {{input.q' },
          { id: 'z', type: 'prompt', template: '{{ not a path }}' },
        ],
        output: { out: '{{input}}' },
      }),
    ).toEqual([
      'steps.1.id: step "x": the id is already used by steps.0',
      'steps.2.id: step "item": input, item and index are reserved names',
      'inputs.1: input variable "q" is declared twice',
      'steps.0.template: step "x": placeholder 1 refers to its own output',
      'steps.3.template: step "y": placeholder 1 is not closed with }}',
      'steps.4.template: step "z": placeholder 1 is not a reference such as {{input.question}} or {{step.field}}',
      'output.out: output "out": placeholder 1 names {{input}} without a variable (use {{input.<name>}})',
    ]);
  });

  it('checks branches, maps, patterns and schemas where they are written', () => {
    const problems = messages({
      inputs: ['q'],
      steps: [
        {
          id: 'kind',
          type: 'generate',
          model: 'm',
          prompt: '{{input.q}}',
          schema: { type: 'object', properties: { label: { type: 'string', pattern: '(a)\\1' } } },
        },
        { id: 'route', type: 'branch', on: 'kind.label', cases: { refund: ['refund_answer', 'ghost'], other: ['route'] } },
        { id: 'refund_answer', type: 'prompt', template: 'refund' },
        { id: 'route2', type: 'branch', on: 'kind.label', cases: { x: ['refund_answer'] } },
        { id: 'each', type: 'map', over: 'input.missing', maxItems: 3, step: { type: 'prompt', template: '{{item}} #{{index}}' } },
        { id: 'check', type: 'validate', from: '{{kind}}', pattern: '(?<=a)b' },
        { id: 'nothing', type: 'validate', from: '{{kind}}' },
      ],
      output: { x: '{{each}}' },
    });
    expect(problems).toEqual([
      expect.stringMatching(/^steps\.0\.schema\.properties\.label\.pattern: step "kind": backreferences/),
      'steps.1.cases: step "route": a case lists a step that does not exist',
      'steps.1.cases: step "route": a case lists the branch itself',
      'steps.3.cases: step "route2": step "refund_answer" is already decided by branch "route"',
      'steps.4.over: step "each": `over` names an input variable the definition does not declare in `inputs`',
      expect.stringMatching(/^steps\.5\.pattern: step "check": lookahead and lookbehind/),
      'steps.6: step "nothing": give a schema, a pattern, or both',
    ]);
  });

  it('gates the steps a branch lists behind it', () => {
    const plan = planPipeline(
      define({
        inputs: ['q'],
        steps: [
          { id: 'refund', type: 'prompt', template: 'refund {{input.q}}' },
          { id: 'route', type: 'branch', on: 'input.q', cases: { refund: ['refund'] } },
        ],
        output: { x: '{{refund}}' },
      }),
    );
    expect(plan.order).toEqual(['route', 'refund']);
    expect(plan.steps.get('refund')?.gatedBy).toBe('route');
  });

  it('throws PipelineDefinitionError with every problem', () => {
    expect(() => planPipeline(define({ inputs: ['q'], steps: [{ id: 'a', type: 'prompt', template: '{{b}}' }], output: { x: '{{a}}' } }))).toThrow(
      PipelineDefinitionError,
    );
  });
});
