import type { Entity } from '../types';
import { step } from './work';

// Every quantifier is bounded so a pathological input costs a constant per start position.
const JWT = /(?<![\w-])eyJ[A-Za-z0-9_-]{5,2000}\.eyJ[A-Za-z0-9_-]{5,8000}\.[A-Za-z0-9_-]{10,2000}(?![\w-])/g;
const TOKEN_PATTERNS: RegExp[] = [
  /(?<![\w-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,300}(?![\w-])/g, // OpenAI
  /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, // AWS access key id
  /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9_])/g, // GitHub classic tokens
  /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}(?![A-Za-z0-9_])/g, // GitHub fine-grained
  /(?<![\w-])glpat-[A-Za-z0-9_-]{20,64}(?![\w-])/g, // GitLab personal access token
  /(?<![\w-])AIza[A-Za-z0-9_-]{35}(?![\w-])/g, // Google API key
  /(?<![\w-])xox[abposr]-[A-Za-z0-9-]{10,250}(?![\w-])/g, // Slack tokens
  /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9_/]{20,200}/g, // Slack webhook
  /(?<![\w])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,250}(?!\w)/g, // Stripe secret/restricted
  /(?<![\w])whsec_[A-Za-z0-9]{20,250}(?!\w)/g, // Stripe webhook secret
];

// "aws_secret_access_key = ...": 40 base64 chars right after the key name.
// Forward (literal first) rather than a look-behind, which the engine would try at every position.
const AWS_SECRET = /aws_secret_access_key["']?\s{0,5}[:=]\s{0,5}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/dgi;
// user:password@ inside a URL; the span is the userinfo so the host stays readable.
// Read at each "://" whose scheme is 1-21 letters, digits, + . - starting with a letter.
const USERINFO = /[^\s:/@?#]{1,256}:[^\s/@?#]{1,256}(?=@)/y;
const SCHEME_CHAR = /[a-z0-9+.-]/i;
// password=..., api_key: "...": the value only, and only when it has a digit or symbol (not a plain word).
const ASSIGNMENT =
  /(?<![A-Za-z])(?:password|passwd|pwd|passphrase|secret|client_secret|api[_-]?key|access[_-]?token|auth[_-]?token)["']?\s{0,5}[:=]\s{0,5}["']?([^\s"',;]{6,200})/gi;

const BEGIN = /-----BEGIN (?:[A-Z0-9]+ ){0,4}PRIVATE KEY(?: BLOCK)?-----/g;
// One line of a PEM body, including the line break before it.
const BODY_LINE = /\r?\n[A-Za-z0-9+/=]{1,128}(?=\r?\n|$)/y;
const END = /-----END (?:[A-Z0-9]+ ){0,4}PRIVATE KEY(?: BLOCK)?-----/g;

/** API keys and tokens with a known shape, JWTs, credentialed URLs, secret assignments, private-key blocks. */
export function detectSecrets(text: string): Entity[] {
  const out: Entity[] = [];
  const push = (start: number, end: number): void => {
    step();
    out.push({ type: 'SECRET', start, end, value: text.slice(start, end) });
  };
  for (const re of TOKEN_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) push(m.index, m.index + m[0].length);
  }
  if (text.includes('eyJ')) {
    JWT.lastIndex = 0;
    for (let m = JWT.exec(text); m !== null; m = JWT.exec(text)) if (jwtHeaderValid(m[0])) push(m.index, m.index + m[0].length);
  }
  AWS_SECRET.lastIndex = 0;
  for (let m = AWS_SECRET.exec(text); m !== null; m = AWS_SECRET.exec(text)) {
    const span = m.indices?.[1];
    if (span) push(span[0], span[1]);
  }
  findUrlCredentials(text, push);
  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(text); m !== null; m = ASSIGNMENT.exec(text)) {
    const value = m[1] ?? '';
    if (!/[\d\W_]/.test(value) || /^\d{1,6}$/.test(value)) continue;
    const start = m.index + m[0].length - value.length;
    push(start, start + value.length);
  }
  findPrivateKeyBlocks(text, push);
  return out;
}

function jwtHeaderValid(jwt: string): boolean {
  try {
    const header = JSON.parse(Buffer.from(jwt.slice(0, jwt.indexOf('.')), 'base64url').toString('utf8')) as unknown;
    return typeof header === 'object' && header !== null && 'alg' in header;
  } catch {
    return false;
  }
}

// Linear: END is searched forward only, and once no END remains, later BEGINs run to the base64 body's end.
function findPrivateKeyBlocks(text: string, push: (s: number, e: number) => void): void {
  if (!text.includes('PRIVATE KEY')) return;
  BEGIN.lastIndex = 0;
  let searchEndFrom = 0;
  let noMoreEnds = false;
  for (let m = BEGIN.exec(text); m !== null; m = BEGIN.exec(text)) {
    let stop: number | undefined;
    if (!noMoreEnds) {
      END.lastIndex = Math.max(searchEndFrom, m.index + m[0].length);
      const e = END.exec(text);
      if (e === null) noMoreEnds = true;
      else {
        stop = e.index + e[0].length;
        searchEndFrom = stop;
      }
    }
    if (stop === undefined) {
      // Truncated block: take the base64 lines that follow the header, up to a blank or other line.
      stop = m.index + m[0].length;
      BODY_LINE.lastIndex = stop;
      for (let l = BODY_LINE.exec(text); l !== null && l.index === stop; l = BODY_LINE.exec(text)) stop += l[0].length;
    }
    push(m.index, stop);
    BEGIN.lastIndex = stop;
  }
}

// "scheme://user:password@": the userinfo is the secret (the host stays readable). Linear: one look per "://".
function findUrlCredentials(text: string, push: (s: number, e: number) => void): void {
  for (let i = text.indexOf('://'); i !== -1; i = text.indexOf('://', i + 3)) {
    let s = i;
    while (s > 0 && i - s < 21 && SCHEME_CHAR.test(text[s - 1] ?? '')) s--;
    if (s === i || !/[a-z]/i.test(text[s] ?? '')) continue;
    USERINFO.lastIndex = i + 3;
    const m = USERINFO.exec(text);
    if (m) push(i + 3, i + 3 + m[0].length);
  }
}
