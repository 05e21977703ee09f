import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * Development key pairs kept in the git-ignored data folder (`.data/dev-jwt-key.json`,
 * `.data/dev-internal-key.json`): generated on first use, mode 600. The configuration only points here
 * outside production (auth-config.ts), so production never signs or verifies with them.
 */

const keyFileSchema = z.object({
  kid: z.string().min(1),
  algorithm: z.literal('EdDSA'),
  privateKey: z.string().includes('BEGIN PRIVATE KEY'),
  publicKey: z.string().includes('BEGIN PUBLIC KEY'),
});

export interface KeyPair {
  kid: string;
  algorithm: 'EdDSA';
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A fresh Ed25519 pair as PEM (PKCS#8 private, SPKI public) with a random key id. */
export function generateEd25519Pem(): { kid: string; privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    kid: `dev-${randomBytes(6).toString('hex')}`,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * The key pair in `path`, generated when the file does not exist. Safe when several processes start at
 * once: the file appears whole (written aside, then hard-linked into place) and the first one wins.
 */
export async function ensureKeyPairFile(path: string): Promise<KeyPair> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true });
    const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(aside, `${JSON.stringify({ ...generateEd25519Pem(), algorithm: 'EdDSA' }, null, 2)}\n`, {
      mode: 0o600,
    });
    try {
      await link(aside, path);
    } catch (linkError) {
      if ((linkError as NodeJS.ErrnoException).code !== 'EEXIST') throw linkError;
    } finally {
      await unlink(aside);
    }
    text = await readFile(path, 'utf8');
  }
  const parsed = keyFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${path} is not a key pair file; delete it to generate a new one`);
  return {
    kid: parsed.data.kid,
    algorithm: parsed.data.algorithm,
    privateKey: createPrivateKey(parsed.data.privateKey),
    publicKey: createPublicKey(parsed.data.publicKey),
  };
}
