import { maskValue, redactToken } from './actions';
import type { DetectOptions } from './detect';
import { actionFor, type PiiPolicy } from './policy';
import { entitiesToApplyAsync, splice, type AppliedEntity } from './redact';
import type { Vault } from './vault';

/** Options for {@link pseudonymize}. */
export interface PseudonymizeOptions extends Pick<DetectOptions, 'phoneCountries'> {
  /** Token scope, usually the job id: tokens are stable within it and meaningless outside it. Required. */
  scope: string;
  /** What to detect and how to treat it. Required (use `defaultPolicy` to pseudonymize everything). */
  policy: PiiPolicy;
  /** Vault that issues tokens and keeps the encrypted originals. Required. */
  vault: Vault;
}

/**
 * Replaces PII with the action the policy gives it; 'pseudonymize' yields reversible tokens like
 * `<EMAIL_4821931>` (same value, same token, within `scope`; see the vault for the number), 'hash'
 * uses the vault's hash sub-key. Detection yields to the event loop between 64 KiB windows and
 * whenever the process-wide scan budget of the current turn is spent (see detectAsync).
 */
export async function pseudonymize(text: string, options: PseudonymizeOptions): Promise<{ text: string; entities: AppliedEntity[] }> {
  const { scope, policy, vault } = options;
  const entities = await entitiesToApplyAsync(text, policy, options);
  const toTokenize = entities.filter((e) => actionFor(policy, e.type) === 'pseudonymize');
  const tokens = await vault.tokensFor(
    scope,
    toTokenize.map((e) => ({ type: e.type, value: e.value })),
  );
  const tokenOf = new Map(toTokenize.map((e, i) => [e, tokens[i] ?? '']));
  const replacements = entities.map((e) => {
    const action = actionFor(policy, e.type);
    if (action === 'pseudonymize') return tokenOf.get(e) ?? '';
    if (action === 'mask') return maskValue(e.value);
    if (action === 'hash') return vault.hash(e.type, e.value);
    return redactToken(e.type);
  });
  return {
    text: splice(text, entities, replacements),
    entities: entities.map((e, i) => ({ type: e.type, start: e.start, end: e.end, replacement: replacements[i] ?? '' })),
  };
}
