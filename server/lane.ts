// HTML documents take turns (decision 127). A page's script saves answers and polls the live view
// with small JSON requests; rendering a whole page costs several times more of the event loop.
// Under a burst, requests are handled in the order they arrive, so a save that arrives behind
// twenty page loads waits for all of them. The lane lets at most one page load start per turn of
// the event loop: between two of them, every request that has arrived meanwhile is read, and the
// small ones are answered at once. Page loads still start in the order they came and use the same
// CPU, so their throughput does not change; only the order does. With nothing waiting, a page
// load starts on the same turn it arrived. Form posts from pages without JavaScript (sign-in,
// start, submit) take turns in the same lane: let through at once, a class pressing "start"
// together held up every save behind it (docs/live.md, ninth session).

/** The request wants an HTML document (a browser's navigation or form post), not data. */
export function wantsDocument(accept: string | undefined): boolean {
  if (!accept) return false;
  const first = accept.split(",")[0]?.split(";")[0]?.trim().toLowerCase();
  return first === "text/html" || first === "application/xhtml+xml";
}

export type Lane = {
  /** Resolves when it is this document's turn. */
  turn(): Promise<void>;
  /** Documents waiting for their turn now. */
  readonly waiting: number;
};

export function createLane(): Lane {
  const queue: Array<() => void> = [];
  let scheduled = false;
  const release = () => {
    scheduled = false;
    queue.shift()?.();
    if (queue.length) schedule();
  };
  // setImmediate runs after the event loop has polled for I/O: new requests are read (and the
  // small ones answered) before the next document starts.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(release);
  };
  return {
    turn: () =>
      new Promise<void>((resolve) => {
        queue.push(resolve);
        schedule();
      }),
    get waiting() {
      return queue.length;
    },
  };
}
