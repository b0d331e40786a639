import type { PipelineDefinition, PipelineStep } from '@llmops/contracts';
import { flagsProblem, patternProblem, schemaProblems } from '@llmops/eval';
import { parseTemplate, TemplateError, type ParsedTemplate, type Placeholder } from './template';

/** What is wrong with a definition, at its path inside the definition (`steps.2.prompt`). */
export interface PipelineProblem {
  path: string;
  message: string;
}

/** A step ready to run: its templates parsed and what it depends on. */
export interface PlannedStep {
  spec: PipelineStep;
  /** Position in the definition's `steps`. */
  index: number;
  /** Parsed templates by field (`prompt`, `system`, `query`, `template`, `from`; a map's inner step's as `step.<field>`). */
  templates: ReadonlyMap<string, ParsedTemplate>;
  /** Steps whose output this one reads (its branch included). */
  dependsOn: ReadonlySet<string>;
  /** The branch step that decides whether this one runs. */
  gatedBy?: string;
}

/** A checked definition: its steps in an order where every step follows what it reads. */
export interface PipelinePlan {
  definition: PipelineDefinition;
  steps: ReadonlyMap<string, PlannedStep>;
  order: readonly string[];
  output: readonly (readonly [string, ParsedTemplate])[];
}

/** A definition that cannot run; `problems` name each step and field. */
export class PipelineDefinitionError extends Error {
  constructor(readonly problems: readonly PipelineProblem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '));
    this.name = new.target.name;
  }
}

const RESERVED = new Set(['input', 'item', 'index']);

/** Template fields of a step (a map's inner step's fields are prefixed `step.`). */
function templateFields(step: PipelineStep): [string, string | undefined][] {
  switch (step.type) {
    case 'retrieve':
      return [['query', step.query]];
    case 'prompt':
      return [['template', step.template]];
    case 'generate':
      return [
        ['prompt', step.prompt],
        ['system', step.system],
      ];
    case 'parse':
    case 'validate':
      return [['from', step.from]];
    case 'branch':
      return [];
    case 'map':
      return step.step.type === 'prompt'
        ? [['step.template', step.step.template]]
        : [
            ['step.prompt', step.step.prompt],
            ['step.system', step.step.system],
          ];
  }
}

/** JSON schemas a step carries, by field. */
function schemaFields(step: PipelineStep): [string, Record<string, unknown>][] {
  if (step.type === 'generate' || step.type === 'parse' || step.type === 'validate') return step.schema ? [['schema', step.schema]] : [];
  if (step.type === 'map' && step.step.type === 'generate' && step.step.schema) return [['step.schema', step.step.schema]];
  return [];
}

/**
 * Checks a definition and plans its run: unknown or self references, undeclared input variables,
 * `{{item}}` outside a map, branch cases naming unknown steps, steps gated twice, cycles, malformed
 * templates, patterns RE2 refuses and unusable schemas -- each problem naming its step.
 */
export function checkPipeline(definition: PipelineDefinition): { problems: PipelineProblem[]; plan?: PipelinePlan } {
  const problems: PipelineProblem[] = [];
  const inputs = new Set(definition.inputs);
  const ids = new Map<string, number>();
  definition.steps.forEach((step, index) => {
    if (RESERVED.has(step.id)) problems.push({ path: `steps.${index}.id`, message: `step "${step.id}": input, item and index are reserved names` });
    else if (ids.has(step.id)) problems.push({ path: `steps.${index}.id`, message: `step "${step.id}": the id is already used by steps.${ids.get(step.id)}` });
    else ids.set(step.id, index);
  });
  const seen = new Set<string>();
  definition.inputs.forEach((name, index) => {
    if (seen.has(name)) problems.push({ path: `inputs.${index}`, message: `input variable "${name}" is declared twice` });
    seen.add(name);
  });

  /** The step a reference depends on, or a problem. */
  const reference = (path: readonly string[], self: string | undefined, inMap: boolean): { step?: string; problem?: string } => {
    const [head, ...rest] = path;
    if (head === 'input') {
      if (rest.length === 0) return { problem: 'names {{input}} without a variable (use {{input.<name>}})' };
      return inputs.has(rest[0]!) ? {} : { problem: 'names an input variable the definition does not declare in `inputs`' };
    }
    if (head === 'item' || head === 'index') {
      if (!inMap) return { problem: '{{item}} and {{index}} exist only in the step of a map' };
      return head === 'index' && rest.length > 0 ? { problem: '{{index}} has no fields' } : {};
    }
    if (head === self) return { problem: 'refers to its own output' };
    return head !== undefined && ids.has(head) ? { step: head } : { problem: 'names no step of this definition' };
  };

  const gates = new Map<string, string>();
  const planned = new Map<string, PlannedStep>();
  definition.steps.forEach((step, index) => {
    const at = `steps.${index}`;
    const label = `step "${step.id}"`;
    const dependsOn = new Set<string>();
    const templates = new Map<string, ParsedTemplate>();
    for (const [field, text] of templateFields(step)) {
      if (text === undefined) continue;
      const parsed = parse(text, `${at}.${field}`, label, problems);
      if (!parsed) continue;
      templates.set(field, parsed);
      const inMap = field.startsWith('step.');
      parsed.placeholders.forEach((placeholder: Placeholder, n: number) => {
        const found = reference(placeholder.path, step.id, inMap);
        if (found.problem) problems.push({ path: `${at}.${field}`, message: `${label}: placeholder ${n + 1} ${found.problem}` });
        if (found.step) dependsOn.add(found.step);
      });
    }
    if (step.type === 'branch' || step.type === 'map') {
      const field = step.type === 'branch' ? 'on' : 'over';
      const found = reference((step.type === 'branch' ? step.on : step.over).split('.'), step.id, false);
      if (found.problem) problems.push({ path: `${at}.${field}`, message: `${label}: \`${field}\` ${found.problem}` });
      if (found.step) dependsOn.add(found.step);
    }
    if (step.type === 'branch') {
      const targets = [...Object.values(step.cases).flat(), ...(step.default ?? [])];
      for (const target of new Set(targets)) {
        if (target === step.id || !ids.has(target)) {
          problems.push({ path: `${at}.cases`, message: `${label}: a case lists ${target === step.id ? 'the branch itself' : 'a step that does not exist'}` });
        } else if (gates.has(target) && gates.get(target) !== step.id) {
          problems.push({ path: `${at}.cases`, message: `${label}: step "${target}" is already decided by branch "${gates.get(target)}"` });
        } else gates.set(target, step.id);
      }
    }
    if (step.type === 'validate') {
      if (!step.schema && step.pattern === undefined) problems.push({ path: at, message: `${label}: give a schema, a pattern, or both` });
      if (step.flags !== undefined && step.pattern === undefined) problems.push({ path: `${at}.flags`, message: `${label}: flags need a pattern` });
      if (step.pattern !== undefined) {
        const issue = flagsProblem(step.flags ?? '') ?? patternProblem(step.pattern, step.flags ?? '');
        if (issue) problems.push({ path: `${at}.pattern`, message: `${label}: ${issue}` });
      }
    }
    for (const [field, schema] of schemaFields(step)) {
      for (const issue of schemaProblems(schema))
        problems.push({ path: issue.path ? `${at}.${field}.${issue.path}` : `${at}.${field}`, message: `${label}: ${issue.message}` });
    }
    planned.set(step.id, { spec: step, index, templates, dependsOn });
  });

  const output: [string, ParsedTemplate][] = [];
  for (const [field, text] of Object.entries(definition.output)) {
    const parsed = parse(text, `output.${field}`, `output "${field}"`, problems);
    if (!parsed) continue;
    output.push([field, parsed]);
    parsed.placeholders.forEach((placeholder, n) => {
      const found = reference(placeholder.path, undefined, false);
      if (found.problem) problems.push({ path: `output.${field}`, message: `output "${field}": placeholder ${n + 1} ${found.problem}` });
    });
  }
  if (problems.length > 0) return { problems };

  for (const [target, branch] of gates) {
    const step = planned.get(target)!;
    planned.set(target, { ...step, gatedBy: branch, dependsOn: new Set([...step.dependsOn, branch]) });
  }
  const order = topologicalOrder(definition, planned, problems);
  if (!order) return { problems };
  return { problems: [], plan: { definition, steps: planned, order, output } };
}

/** The plan of a definition, or throws {@link PipelineDefinitionError}. */
export function planPipeline(definition: PipelineDefinition): PipelinePlan {
  const { problems, plan } = checkPipeline(definition);
  if (!plan) throw new PipelineDefinitionError(problems);
  return plan;
}

function parse(text: string, path: string, label: string, problems: PipelineProblem[]): ParsedTemplate | undefined {
  try {
    return parseTemplate(text);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    problems.push({ path, message: `${label}: ${error.message}` });
    return undefined;
  }
}

/** Kahn's order, ties broken by declaration order; a cycle is reported on each step in it. */
function topologicalOrder(definition: PipelineDefinition, steps: ReadonlyMap<string, PlannedStep>, problems: PipelineProblem[]): string[] | undefined {
  const waiting = new Map([...steps].map(([id, step]) => [id, new Set(step.dependsOn)]));
  const order: string[] = [];
  while (waiting.size > 0) {
    const ready = definition.steps.map((step) => step.id).find((id) => waiting.get(id)?.size === 0);
    if (ready === undefined) break;
    waiting.delete(ready);
    order.push(ready);
    for (const deps of waiting.values()) deps.delete(ready);
  }
  if (waiting.size === 0) return order;
  for (const cycle of cyclesAmong(waiting)) {
    const first = steps.get(cycle[0]!)!;
    problems.push({ path: `steps.${first.index}`, message: `step "${cycle[0]}": its references form a cycle (${[...cycle, cycle[0]].join(' -> ')})` });
  }
  return undefined;
}

/** One cycle through each group of steps left unordered (every one of them is in or behind a cycle). */
function cyclesAmong(waiting: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const cycles: string[][] = [];
  const reported = new Set<string>();
  for (const start of waiting.keys()) {
    if (reported.has(start)) continue;
    // Walk dependencies until a step repeats: the loop from its first visit is a cycle.
    const path: string[] = [];
    const position = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && !position.has(current)) {
      position.set(current, path.length);
      path.push(current);
      current = [...(waiting.get(current) ?? [])].find((next) => waiting.has(next));
    }
    if (current === undefined) continue;
    const cycle = path.slice(position.get(current));
    if (cycle.some((id) => reported.has(id))) continue;
    cycle.forEach((id) => reported.add(id));
    cycles.push(cycle);
  }
  return cycles;
}
