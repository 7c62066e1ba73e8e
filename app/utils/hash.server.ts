// Password and PIN hashing: argon2id; teachers' passwords at the OWASP minimum (19 MiB, 2 passes,
// 1 lane), pupils' PINs at 1 MiB and 1 pass (decision 086).
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { hash, verify, verifySync } from "@node-rs/argon2";

// @node-rs/argon2 declares Algorithm as a const enum, which isolatedModules cannot import; 2 is
// Argon2id (also the package default, set explicitly so a default change cannot weaken us).
const ARGON2ID = 2;
export const HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * A PIN has 4–8 digits, and the ones the app hands out have 4 (decision 100). Whoever holds the
 * database tries every 4-digit PIN in minutes even at the password cost, and every 8-digit one in
 * a month of one core at that cost (a day at this one): the password cost does not keep PINs from
 * an offline search either, and it took the school's sign-in capacity (30 ms of CPU per verify
 * against 0.8 ms here). What protects a PIN is the online throttle
 * (decisions 030, 083). Verification reads the parameters from the stored hash, so PINs hashed at
 * the password cost before this still verify. Decision 086.
 */
export const PIN_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 1024,
  timeCost: 1,
  parallelism: 1,
} as const;

/**
 * The end-to-end test servers only (playwright.config.ts, decision 018): `E2E_CHEAP_HASH=1` hashes
 * with 1 MiB and one pass, so the suite's thousands of sign-ups, joins and sign-ins fit CI's time.
 * Refused for a database outside the system's temp folder, so an installation cannot run with it
 * by mistake. Verification reads the parameters from each stored hash either way.
 */
function hashOptions() {
  if (process.env.E2E_CHEAP_HASH !== "1") return HASH_OPTIONS;
  const database = path.resolve(process.env.DATABASE_PATH ?? "");
  if (!database.startsWith(path.resolve(os.tmpdir()) + path.sep))
    throw new Error("E2E_CHEAP_HASH is for test servers whose database is in the temp folder");
  return { ...HASH_OPTIONS, memoryCost: 1024, timeCost: 1 };
}
const ACTIVE_OPTIONS = hashOptions();

/**
 * argon2 runs on libuv's thread pool (4 threads), which every other request needs too: the
 * static-file middleware stats a path for each request and compression gzips each page there.
 * Unbounded, a burst of sign-ins filled the pool and everything else queued behind the hashes
 * (measured: /healthz answered in 8 ms inside the app but 425 ms at the client during 300
 * sign-ins). So hashes take turns, at most HASH_LANES at once, and wait in JS instead.
 */
const HASH_LANES = Math.max(1, Math.min(2, os.availableParallelism() - 1));
let running = 0;
const waiting: (() => void)[] = [];

/** An abandoned request (its client has gone: `signal` aborted) leaves the queue without hashing. */
async function inLane<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  signal?.throwIfAborted();
  if (running < HASH_LANES) running++;
  else
    await new Promise<void>((resolve, reject) => {
      // the finishing job hands over its lane
      const turn = () => {
        signal?.removeEventListener("abort", leave);
        resolve();
      };
      const leave = () => {
        const i = waiting.indexOf(turn);
        if (i < 0) return;
        waiting.splice(i, 1);
        reject(signal?.reason ?? new Error("aborted"));
      };
      waiting.push(turn);
      signal?.addEventListener("abort", leave, { once: true });
    });
  try {
    signal?.throwIfAborted();
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** A teacher's password. */
export function hashSecret(secret: string): Promise<string> {
  return inLane(() => hash(secret, ACTIVE_OPTIONS));
}

/** A pupil's PIN (join, sign-in, roster, reset, new PINs for a class). */
export function hashPin(pin: string): Promise<string> {
  return inLane(() => hash(pin, PIN_HASH_OPTIONS));
}

/**
 * False for a wrong secret and for a malformed stored hash alike. Throws only when `signal` has
 * aborted (the request's client went away): then nothing was checked, and nobody hears the answer.
 */
export async function verifySecret(
  stored: string,
  secret: string,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    return await inLane(() => verify(stored, secret), signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    return false;
  }
}

/** Is the stored hash at most as costly as PIN_HASH_OPTIONS (read from its `m=…,t=…,p=…`)? */
function atPinCost(stored: string): boolean {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  return (
    m !== null &&
    Number(m[1]) <= PIN_HASH_OPTIONS.memoryCost &&
    Number(m[2]) <= PIN_HASH_OPTIONS.timeCost &&
    Number(m[3]) <= PIN_HASH_OPTIONS.parallelism
  );
}

/**
 * A PIN at the PIN cost is checked right here, on the event loop (0.8 ms): sent to the thread pool
 * through the lane it waited for a turn of the event loop to come back, and a busy loop turned
 * slowly enough (~100 ms a turn) that one lane checked fewer PINs a second than pupils arrived.
 * A hash at a higher cost (a PIN set before decision 086) still goes through the lane, so it cannot
 * hold the loop for 30 ms. Same answers as verifySecret: false for a wrong PIN or a malformed hash,
 * throws only when `signal` has aborted.
 */
export async function verifyPin(stored: string, pin: string, signal?: AbortSignal) {
  if (!atPinCost(stored)) return verifySecret(stored, pin, signal);
  signal?.throwIfAborted();
  try {
    return verifySync(stored, pin);
  } catch {
    return false;
  }
}

/** Whether a stored PIN hash was made at a higher cost than PINs get now (re-hash it, 086). */
export function pinHashOutdated(stored: string): boolean {
  return !atPinCost(stored);
}

let dummy: Promise<string> | undefined;
/**
 * Spends the same work as a real check when there is no account to check against, so response
 * time does not reveal whether an email exists.
 */
export async function verifyAgainstDummy(secret: string, signal?: AbortSignal): Promise<false> {
  dummy ??= hashSecret(crypto.randomBytes(16).toString("hex"));
  await verifySecret(await dummy, secret, signal);
  return false;
}

let dummyPin: Promise<string> | undefined;
/** The same for a pupil name that is not in the class, at the PIN cost. */
export async function verifyPinAgainstDummy(pin: string, signal?: AbortSignal): Promise<false> {
  dummyPin ??= hashPin(crypto.randomBytes(16).toString("hex"));
  await verifyPin(await dummyPin, pin, signal);
  return false;
}
