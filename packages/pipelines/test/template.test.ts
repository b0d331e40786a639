import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTemplate, resolveTemplate, RenderLimitError, TemplateError, templateLimits, valueAt } from '../src/index';

const values: Record<string, unknown> = { input: { name: 'Ada', tags: ['a', 'b'] }, step: { items: [{ id: 1 }, { id: 2 }], n: 3, ok: true } };
const lookup = (path: readonly string[]) => valueAt(values, path);

describe('templates', () => {
  it('substitutes strings as they are, other values as JSON, missing ones as nothing', () => {
    const template = parseTemplate('Hi {{ input.name }}: {{step.n}} {{step.ok}} {{input.tags}} {{step.items.1.id}} [{{step.none}}]');
    expect(renderTemplate(template, lookup)).toBe('Hi Ada: 3 true ["a","b"] 2 []');
    expect(template.placeholders.map((p) => p.path.join('.'))).toEqual(['input.name', 'step.n', 'step.ok', 'input.tags', 'step.items.1.id', 'step.none']);
  });

  it('yields the value itself for a lone placeholder', () => {
    expect(resolveTemplate(parseTemplate('  {{step.items}} '), lookup)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(resolveTemplate(parseTemplate('n={{step.n}}'), lookup)).toBe('n=3');
  });

  it('runs nothing: expressions, helpers and sections are refused, not evaluated', () => {
    for (const text of ['{{ process.exit() }}', '{{#each items}}', '{{input.name | upper}}', '{{constructor.constructor}}x{{']) {
      expect(() => parseTemplate(text), text).toThrow(TemplateError);
    }
    // A path can only walk own properties of the values the pipeline holds.
    expect(renderTemplate(parseTemplate('{{input.constructor}}{{input.__proto__}}'), lookup)).toBe('');
  });

  it('bounds placeholders and the rendered size', () => {
    expect(() => parseTemplate('{{a}}'.repeat(templateLimits.maxPlaceholders + 1))).toThrow(/more than 100 placeholders/);
    const big = 'x'.repeat(templateLimits.maxRenderedChars / 4 + 1);
    expect(() => renderTemplate(parseTemplate('{{v}}{{v}}{{v}}{{v}}'), () => big)).toThrow(RenderLimitError);
  });
});
