import { pino } from 'pino';
import { startSimulator } from '@llmops/llm-simulator';
import { readEnv } from './env';

const logger = pino({ name: 'llm-simulator' });

async function main(): Promise<void> {
  let sim;
  try {
    sim = await startSimulator({ ...readEnv(), logger });
  } catch (err) {
    // A bad SIM_* value or a busy port stops startup with the reason, not a stack of retries.
    logger.fatal({ err }, 'llm-simulator could not start');
    process.exit(1);
  }
  const banner = [
    '='.repeat(72),
    '  LLM SIMULATOR -- NOT A MODEL. Answers are deterministic fakes derived from',
    '  the prompt; embeddings are hashed n-grams. Use it for offline runs, tests',
    '  and benchmarks only.',
    `  OpenAI base URL: ${sim.baseURL}   (config: POST /_sim/config, log: GET /_sim/log)`,
    '='.repeat(72),
  ].join('\n');
  process.stderr.write(`${banner}\n`);
  logger.warn({ baseURL: sim.baseURL, config: sim.config() }, 'llm-simulator started: this is a simulator, not a model');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'llm-simulator stopping');
    const deadline = setTimeout(() => process.exit(1), 5000);
    deadline.unref();
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
