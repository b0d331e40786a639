import { scrubLogString } from '@llmops/pii';

/** Query parameters whose value is a credential whatever it looks like. */
const SECRET_PARAM = /token|secret|passw|pwd|api[-_]?key|key$|auth|signature|sig$|session|code$/i;

/** Longest URL written to a log line; the rest is cut (a query string can be kilobytes). */
const MAX_LOGGED_URL = 2_048;

/**
 * A request URL fit for a log line: each path segment and query value is percent-decoded and
 * scrubbed of personal data and secrets (so `jane%40example.com` is caught, not only
 * `jane@example.com`), and secret-named query parameters lose their value.
 */
export function scrubUrl(url: string): string {
  const cut = url.length > MAX_LOGGED_URL ? `${url.slice(0, MAX_LOGGED_URL)}` : url;
  const question = cut.indexOf('?');
  const path = question < 0 ? cut : cut.slice(0, question);
  const query = question < 0 ? undefined : cut.slice(question + 1);
  const scrubbedPath = path.split('/').map(scrubSegment).join('/');
  const suffix = url.length > MAX_LOGGED_URL ? '…' : '';
  if (query === undefined) return `${scrubbedPath}${suffix}`;
  const params = query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = scrubSegment(equals < 0 ? pair : pair.slice(0, equals));
      if (equals < 0) return name;
      return `${name}=${SECRET_PARAM.test(name) ? '[REDACTED]' : scrubSegment(pair.slice(equals + 1))}`;
    });
  return `${scrubbedPath}?${params.join('&')}${suffix}`;
}

function scrubSegment(raw: string): string {
  const decoded = decode(raw.replace(/\+/g, ' '));
  const scrubbed = scrubLogString(decoded);
  if (scrubbed !== decoded) return scrubbed;
  // Nothing found in the decoded text; keep the raw form unless the raw form itself hides something.
  return scrubLogString(raw);
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
