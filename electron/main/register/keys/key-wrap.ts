import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * scrypt's cost for new passwords: N = 2^16, r = 8, p = 1 (about 190 ms here; OWASP's minimum for
 * scrypt is N = 2^17 with r = 8 at p = 1, or N = 2^16 with p = 2: see README Decisions). Stored
 * with each entry, so raising it later leaves older entries readable.
 */
export const DEFAULT_KDF_COST = { N: 2 ** 16, r: 8, p: 1 } as const;

const hex = (bytes: number) =>
  z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `must be ${bytes} bytes of hex`);

export const kdfSchema = z.strictObject({
  algorithm: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 10)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: hex(16),
});
export type Kdf = z.infer<typeof kdfSchema>;

export const wrappedKeySchema = z.strictObject({ iv: hex(12), tag: hex(16), data: hex(32) });
export type WrappedKey = z.infer<typeof wrappedKeySchema>;

export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

export function newKdf(cost: KdfCost = DEFAULT_KDF_COST): Kdf {
  return { algorithm: 'scrypt', ...cost, salt: randomBytes(16).toString('hex') };
}

/** The key-encryption key: scrypt of the password (asynchronous, so the app stays responsive). */
export async function deriveKek(password: string, kdf: Kdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      Buffer.from(kdf.salt, 'hex'),
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/**
 * Wraps the register's data key for one user with AES-256-GCM. The additional data binds the
 * wrapped key to its register and user name, so an entry copied under another name does not open.
 */
export function wrapKey(dataKey: Buffer, kek: Buffer, binding: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(binding, 'utf8'));
  const data = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { iv: iv.toString('hex'), tag: cipher.getAuthTag().toString('hex'), data: data.toString('hex') };
}

/** The data key, or null when the password (hence the key-encryption key) is wrong. */
export function unwrapKey(wrapped: WrappedKey, kek: Buffer, binding: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'hex'));
    decipher.setAAD(Buffer.from(binding, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'hex'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.data, 'hex')), decipher.final()]);
  } catch {
    return null;
  }
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
