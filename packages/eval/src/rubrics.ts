/** Which case field the judge compares the output with, and the tag it is fenced in. */
export type RubricReference = 'expected' | 'context' | 'input' | 'none';

/** A rubric: what the judge is asked to assess. */
export interface Rubric {
  name: string;
  /** The instructions, in the judge's system message (never inside a case fence). */
  criteria: string;
  /** The case field the output is judged against. */
  reference: RubricReference;
}

/** The built-in rubrics. */
export const builtInRubrics = {
  faithfulness: {
    name: 'faithfulness',
    criteria: 'Faithfulness: is every claim in the candidate answer supported by the context? Penalise statements the context does not support. Ignore style.',
    reference: 'context',
  },
  relevance: {
    name: 'relevance',
    criteria: 'Answer relevance: does the candidate answer address the question in the reference block, without drifting to other topics?',
    reference: 'input',
  },
  correctness: {
    name: 'correctness',
    criteria: 'Correctness: does the candidate answer state the same facts as the expected answer, without contradicting it or adding errors?',
    reference: 'expected',
  },
} as const satisfies Record<string, Rubric>;

export type BuiltInRubric = keyof typeof builtInRubrics;

export function isBuiltInRubric(name: string): name is BuiltInRubric {
  return Object.hasOwn(builtInRubrics, name);
}
