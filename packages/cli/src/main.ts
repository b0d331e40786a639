import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ApiError } from '@llmops/client';
import { evaluateCommand, inferCommand } from './commands/submit';
import { ingestCommand } from './commands/ingest';
import { jobsCommand } from './commands/jobs';
import { usageCommand } from './commands/usage';
import { contextOf, type GlobalOptions } from './context';
import { ExitCode, exitCodeOf } from './exit-codes';
import type { Runner } from './runner';

export interface MainIo {
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WriteStream;
  /** The environment LLMOPS_API_URL / LLMOPS_API_KEY are read from. Default: process.env. */
  env?: Record<string, string | undefined>;
}

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const exitCodesHelp = `
Exit codes:
  0    done (a followed job completed)
  1    a followed job failed or was cancelled
  2    wrong command line or input file (nothing was sent)
  3    the API refused the request (a wrong field, an unknown job or collection, a conflict)
  4    missing or unknown API key
  5    a limit: budget (402), work cap or body size (413), rate or jobs at once after retries (429)
  6    the platform did not answer or kept failing (after retries)
  130  interrupted`;

/** Runs `llmops` with these arguments (`process.argv` shape) and returns the exit code. */
export async function main(argv: readonly string[], io: MainIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  const abort = new AbortController();
  const onSigint = () => abort.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);
  let code: number = ExitCode.ok;

  const program = new Command('llmops')
    .description('Submit, follow, download and inspect jobs of the llmops platform.')
    .version(version)
    .addOption(new Option('--api-url <url>', 'the API (env LLMOPS_API_URL)').default(env.LLMOPS_API_URL ?? 'http://localhost:3000'))
    .addOption(new Option('--api-key <key>', 'a tenant API key (env LLMOPS_API_KEY)').default(env.LLMOPS_API_KEY))
    .option('--json', 'print machine-readable JSON on stdout (progress, notes and errors go to stderr)')
    .option('--retries <n>', 'retries of 429/503 answers, honouring Retry-After', '5')
    .addHelpText('after', exitCodesHelp)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (text) => void stdout.write(text), writeErr: (text) => void stderr.write(text) });

  const run: Runner =
    (action) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const context = contextOf(command.optsWithGlobals<GlobalOptions>(), { stdout, stderr, signal: abort.signal });
      code = await action(context, ...(args.slice(0, -1) as never[]));
    };
  inferCommand(program, run);
  evaluateCommand(program, run);
  ingestCommand(program, run);
  jobsCommand(program, run);
  usageCommand(program, run);

  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    if (abort.signal.aborted) {
      stderr.write('\ninterrupted; a submitted job goes on (llmops jobs cancel <id> stops it)\n');
      return ExitCode.interrupted;
    }
    const exit = exitCodeOf(error);
    const json = program.opts<GlobalOptions>().json === true;
    stderr.write(`${json ? JSON.stringify(errorJson(error)) : `llmops: ${describe(error)}`}\n`);
    return exit;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

function describe(error: unknown): string {
  if (error instanceof ApiError) {
    const where = error.status ? `HTTP ${error.status} ${error.code}` : error.code;
    return `${where}: ${error.message}${error.requestId ? ` (request ${error.requestId})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function errorJson(error: unknown): Record<string, unknown> {
  if (error instanceof ApiError)
    return { error: { status: error.status, code: error.code, kind: error.kind, message: error.message, details: error.details, requestId: error.requestId } };
  return { error: { code: 'usage', message: error instanceof Error ? error.message : String(error) } };
}
