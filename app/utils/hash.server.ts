// Password and PIN hashing: argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane).
import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 declares Algorithm as a const enum, which isolatedModules cannot import; 2 is
// Argon2id (also the package default, set explicitly so a default change cannot weaken us).
const ARGON2ID = 2;
export const HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, HASH_OPTIONS);
}

/** False for a wrong secret and for a malformed stored hash alike (never throws). */
export async function verifySecret(stored: string, secret: string): Promise<boolean> {
  try {
    return await verify(stored, secret);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Spends the same work as a real check when there is no account to check against, so response
 * time does not reveal whether an email (or a pupil name) exists.
 */
export async function verifyAgainstDummy(secret: string): Promise<false> {
  dummy ??= hashSecret(crypto.randomBytes(16).toString("hex"));
  await verifySecret(await dummy, secret);
  return false;
}
