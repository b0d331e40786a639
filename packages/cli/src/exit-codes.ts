import { ApiError } from '@llmops/client';

/** What `llmops` exits with; scripts may rely on these (the README lists them). */
export const ExitCode = {
  /** Done; a followed job completed. */
  ok: 0,
  /** A followed job failed or was cancelled. */
  jobFailed: 1,
  /** The command line or an input file is wrong (nothing was sent). */
  usage: 2,
  /** The API refused the request: a wrong field, an unknown job or collection, a conflict (400, 404, 409, 415, 422). */
  refused: 3,
  /** Missing or unknown API key (401). */
  auth: 4,
  /** A limit: a budget (402), a work cap or the body size (413), the request rate or jobs at once after every retry (429). */
  limit: 5,
  /** The platform did not answer or kept failing (network, 5xx after every retry). */
  unavailable: 6,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the CLI itself raises about its input: exit 2 with this message. */
export class UsageError extends Error {
  readonly kind = 'usage';
}

export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError) return ExitCode.usage;
  if (!(error instanceof ApiError)) return ExitCode.unavailable;
  switch (error.kind) {
    case 'unauthorized':
      return ExitCode.auth;
    case 'budget':
    case 'too_large':
    case 'rate_limited':
      return ExitCode.limit;
    case 'invalid':
    case 'not_found':
    case 'conflict':
      return ExitCode.refused;
    default:
      return ExitCode.unavailable;
  }
}
