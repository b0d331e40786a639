import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Accepts a 32-byte key as bytes, base64 (44 chars) or hex (64 chars); throws on anything else. */
export function parseKey(key: Uint8Array | string): Buffer {
  let buf: Buffer;
  if (typeof key !== 'string') buf = Buffer.from(key);
  else if (/^[0-9a-fA-F]{64}$/.test(key)) buf = Buffer.from(key, 'hex');
  else buf = Buffer.from(key, 'base64');
  if (buf.length !== 32) throw new Error(`PII key must be 32 bytes (got ${buf.length}); give bytes, base64 or hex`);
  return buf;
}

/** Independent sub-keys from one master key, so the cipher key is never used as a MAC key. */
export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `llmops-pii:${purpose}`, 32));
}

export function hmacHex(key: Buffer, data: string): string {
  return createHmac('sha256', key).update(data, 'utf8').digest('hex');
}

/** AES-256-GCM with a random IV; output is base64(iv | tag | ciphertext). `aad` binds context (scope, token). */
export function encrypt(key: Buffer, plaintext: string, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
}

/** Inverse of {@link encrypt}; throws when the key, the AAD or the bytes do not match. */
export function decrypt(key: Buffer, sealed: string, aad: string): string {
  const buf = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(buf.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(buf.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
