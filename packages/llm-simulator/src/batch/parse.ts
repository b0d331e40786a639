import { BATCH_ENDPOINTS, type BatchError, type BatchLine } from './types';

/** Parses and validates a batch input file as OpenAI does at `validating`: any bad line fails the batch. */
export function parseBatchFile(text: string, endpoint: string): { lines: BatchLine[]; errors: BatchError[] } {
  const lines: BatchLine[] = [];
  const errors: BatchError[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    const line = i + 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      errors.push({ code: 'invalid_json_line', message: 'This line is not parseable as valid JSON.', param: null, line });
      return;
    }
    const item = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
    if (typeof item.custom_id !== 'string' || !item.custom_id) {
      errors.push({ code: 'missing_required_parameter', message: 'Missing required parameter: custom_id.', param: 'custom_id', line });
    } else if (seen.has(item.custom_id)) {
      errors.push({ code: 'duplicate_custom_id', message: `The custom_id '${item.custom_id}' is duplicated.`, param: 'custom_id', line });
    } else if (item.method !== 'POST') {
      errors.push({ code: 'invalid_method', message: 'The method must be POST.', param: 'method', line });
    } else if (typeof item.url !== 'string' || !BATCH_ENDPOINTS.includes(item.url) || item.url !== endpoint) {
      errors.push({ code: 'mismatched_endpoint', message: `The url must be the batch's endpoint, ${endpoint}.`, param: 'url', line });
    } else {
      seen.add(item.custom_id);
      lines.push({ custom_id: item.custom_id, method: item.method, url: item.url, body: item.body });
    }
  });
  if (lines.length === 0 && errors.length === 0) {
    errors.push({ code: 'empty_file', message: 'The input file has no requests.', param: null, line: null });
  }
  return { lines, errors };
}
