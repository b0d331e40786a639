/**
 * The signed-in tenant: its API key lives in this tab's sessionStorage only (gone when the tab
 * closes; never in a cookie, never in localStorage), and is sent as a Bearer token to /v1.
 */
const STORAGE_KEY = 'llmops.console.session';

export interface Session {
  apiKey: string;
  tenant: string;
}

export function loadSession(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<Session>;
    return typeof parsed.apiKey === 'string' && typeof parsed.tenant === 'string' ? { apiKey: parsed.apiKey, tenant: parsed.tenant } : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
