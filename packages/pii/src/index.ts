export { ENTITY_TYPES, type Entity, type EntityType } from './types';
export { detect, DEFAULT_PHONE_COUNTRIES, type DetectOptions } from './detect';
export { detectAsync, type DetectAsyncOptions } from './detect-async';
export { normalizedView, type NormalizedView } from './normalize/view';
export { resolveOverlaps } from './overlap';
export { PiiPolicy, PiiAction, EntityTypeSchema, defaultPolicy, actionFor } from './policy';
export { redact, type RedactOptions, type AppliedEntity } from './redact';
export { maskValue } from './actions';
export { createMemoryVaultStore, type VaultStore, type MemoryVaultStore } from './vault-store';
export { createVault, VaultEpoch, type Vault, type VaultOptions } from './vault';
export { pseudonymize, type PseudonymizeOptions } from './pseudonymize';
export { restore, createStreamRestorer, type RestoreOptions, type StreamRestorer } from './restore';
export { TOKEN_PATTERN } from './tokens';
export {
  pinoRedactPaths,
  scrubLogValue,
  scrubLogString,
  scrubMessage,
  containsPii,
  pinoScrubOptions,
  LOG_TYPES,
  FIELD_TYPES,
  type ContainsPiiOptions,
} from './log';
export { luhnValid, ibanValid, ssnValid, cardIssuer } from './detectors/validators';
export { base58CheckVersion, segwitHrp, eip55Valid } from './detectors/crypto-checksums';
export { detectPersons, warmPersonDetector, DEFAULT_NLP_BUDGET_CHARS, type PersonDetectorOptions, type WarmPersonDetectorOptions } from './detectors/person';
