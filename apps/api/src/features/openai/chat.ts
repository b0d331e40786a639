import { restore } from '@llmops/pii';
import { requireModel } from '../../submission/references';
import { canonicalHash, readIdempotencyKey } from '../../submission/request';
import { parseChatRequest, toInferenceItem, toParameters } from './chat-request';
import { chatCompletion, completionIdOf, itemFailure, jobFailure, usageOf } from './completion';
import type { Deps, FrontDoorHandler } from './front-door';
import { submitFrontDoorJobs } from './jobs';
import { abandonJob, CHAT_WAIT_MS, readOnlyResult, waitForJobEnd } from './job-wait';
import { streamCompletion } from './sse';

/** The one item of a chat completion's job. */
const ITEM_ID = 'm0';

/**
 * POST /openai/v1/chat/completions. The API does not call the model: the conversation becomes a
 * one-item inference job (pseudonymized, admitted against the tenant's limits and budget), the worker
 * answers it (cache, provider under the shared RPM/TPM limiter, ledger) and the API waits for the
 * job's end on its QueueEvents stream, then answers with the caller's data restored -- as JSON, or as
 * server-sent chunks with `stream: true`. A client that goes away cancels the job.
 */
export function chatCompletions(deps: Deps): FrontDoorHandler {
  return async (req, res, tenant) => {
    const request = parseChatRequest(req.body);
    requireModel(deps.services, request.model, 'chat', 'body.model');
    const idempotencyKey = readIdempotencyKey(req);
    const [outcome] = await submitFrontDoorJobs(deps, {
      tenant,
      jobs: [{ model: request.model, parameters: toParameters(request), mode: 'realtime', items: [toInferenceItem(ITEM_ID, request)] }],
      requestHash: await canonicalHash({ path: req.path, body: req.body }),
      ...(idempotencyKey ? { idempotencyKey: `openai:chat:${idempotencyKey}` } : {}),
    });
    const jobId = outcome!.jobId;
    res.setHeader('x-llmops-job-id', jobId);

    const gone = new AbortController();
    const onClose = () => {
      if (!res.writableEnded) gone.abort(new Error('client closed the connection'));
    };
    res.on('close', onClose);
    let end;
    try {
      end = await waitForJobEnd(deps, jobId, { signal: gone.signal, timeoutMs: CHAT_WAIT_MS });
    } catch (error) {
      // Nobody will read this answer: stop spending on it.
      await abandonJob(deps, jobId).catch((failure: unknown) => deps.logger.warn({ err: failure, jobId }, 'could not cancel an abandoned chat job'));
      throw error;
    } finally {
      res.off('close', onClose);
    }
    if (end.state === 'gone') throw jobFailure('the job was removed before it ran');
    if (end.state === 'failed') throw jobFailure(end.reason);

    const result = await readOnlyResult(deps, jobId);
    if (!result || result.status === 'failed' || result.answer === undefined) throw itemFailure(result?.error);
    res.setHeader('x-llmops-cache', result.cache.outcome);
    const completion = chatCompletion({
      id: completionIdOf(jobId),
      created: Math.floor(Date.now() / 1000),
      model: request.model,
      answer: await restore(result.answer, { scope: jobId, vault: deps.services.vault }),
      usage: usageOf(result.usage),
    });
    if (request.stream) streamCompletion(res, completion, { includeUsage: request.stream_options?.include_usage === true });
    else res.json(completion);
  };
}
