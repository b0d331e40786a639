import type { RequestHandler } from 'express';

export interface SecurityHeaderOptions {
  /**
   * Path prefixes that serve an HTML UI (Bull Board): their pages load their own scripts, styles and
   * fonts, so they get a CSP that only forbids framing, plugins and foreign form targets. Every
   * other response is data and may load nothing (`default-src 'none'`).
   */
  uiPrefixes: readonly string[];
  /**
   * Path prefixes of the API's own console: its page, script and stylesheet come from the API and it
   * talks only to the API, so its CSP allows 'self' and nothing else (no inline script or style, no
   * CDN, no foreign connection). Default: none.
   */
  consolePrefixes?: readonly string[];
  /** Path prefixes whose responses must never be stored by a browser or proxy (`/v1`, admin). */
  noStorePrefixes: readonly string[];
}

const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const UI_CSP = "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'";
const CONSOLE_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * Headers on every response, errors included (it runs first): no MIME sniffing, no framing
 * (CSP frame-ancestors plus X-Frame-Options for old browsers), no Referer leaving the API, and
 * `Cache-Control: no-store` where responses hold tenant or admin data.
 */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const under = (path: string, prefixes: readonly string[]) => prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  return (req, res, next) => {
    // Express matches routes case-insensitively, so /V1/jobs reaches the /v1 handlers: compare likewise.
    const path = req.path.toLowerCase();
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const csp = under(path, options.consolePrefixes ?? []) ? CONSOLE_CSP : under(path, options.uiPrefixes) ? UI_CSP : DATA_CSP;
    res.setHeader('Content-Security-Policy', csp);
    if (under(path, options.noStorePrefixes)) res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
