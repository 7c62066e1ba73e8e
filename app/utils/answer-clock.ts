// When an answer was chosen, on the server's clock: the time that decides which of two saves of one
// item is newer ("later chosenAt wins", decision 087).

/**
 * A device clock within this much of the server's is taken as it is: the difference between the
 * device's "sent at" and the server's "now" is then mostly the request's trip and its wait in the
 * server's queue, which must not make a delayed save look newer than it is.
 */
export const CLOCK_TRUST_MS = 2 * 60_000;

/**
 * `chosenAt` and `sentAt` are the device's clock (the answer queue sends both); without `chosenAt`
 * (a plain form post) the choice is as new as its arrival. A device clock further off than
 * CLOCK_TRUST_MS is corrected by its offset at arrival, so an answer queued offline on a device
 * whose clock is hours wrong is neither pushed into the future nor into the past.
 */
export function chosenTime(input: { now: number; chosenAt?: number; sentAt?: number }): number {
  const { now } = input;
  if (input.chosenAt === undefined || !Number.isFinite(input.chosenAt)) return now;
  const sentAt =
    input.sentAt !== undefined && Number.isFinite(input.sentAt) ? input.sentAt : input.chosenAt;
  // chosen after it was sent is nonsense: it was chosen at the latest when it was sent
  const chosenAt = Math.min(input.chosenAt, sentAt);
  const offset = now - sentAt;
  return Math.abs(offset) <= CLOCK_TRUST_MS ? chosenAt : chosenAt + offset;
}
