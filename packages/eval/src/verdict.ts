import { z } from 'zod';
import { judgeScale } from './judge-prompt';

/** A judge verdict as the model must return it. */
export const JudgeVerdict = z.strictObject({
  score: z.number().int().min(judgeScale.min).max(judgeScale.max),
  reason: z.string().min(1).max(2_000),
});
export type JudgeVerdict = z.infer<typeof JudgeVerdict>;

export type ParsedVerdict = { ok: true; verdict: JudgeVerdict; normalized: number } | { ok: false; problem: string };

/** Parses a judge's reply; anything but a valid verdict is reported, never coerced into a score. */
export function parseVerdict(content: string | null | undefined): ParsedVerdict {
  if (!content) return { ok: false, problem: 'empty reply' };
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return { ok: false, problem: 'reply is not JSON' };
  }
  const parsed = JudgeVerdict.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problem: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ') };
  }
  const verdict = parsed.data;
  return { ok: true, verdict, normalized: (verdict.score - judgeScale.min) / (judgeScale.max - judgeScale.min) };
}
