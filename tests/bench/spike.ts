// The synchronised start: a class sits on the assignment page and presses "start" when the
// teacher says so. Measured two ways, each with its own classes (a second start only continues):
// "window" — the 50 presses arrive at random moments within one second (the wording);
// "burst" — all 50 are sent at the same instant (the worst case of that second).
import { percentile, round, sleep } from "./driver";
import { page, start, type Ctx, type Pupil } from "./flow";

export type SpikeResult = {
  count: number;
  windowP99: number | null;
  windowMax: number | null;
  burstP99: number | null;
  burstMax: number | null;
};

async function oneClass(ctx: Ctx, pupils: Pupil[], mode: "window" | "burst") {
  await Promise.all(
    pupils.map((p) => page(ctx, p, `/pupil/assignments/${p.assignmentId}`, "spike_page")),
  );
  await sleep(500);
  await Promise.all(
    pupils.map(async (p) => {
      if (mode === "window") await sleep(Math.random() * 1000);
      await start(ctx, p, `spike_${mode}`);
    }),
  );
}

/** Uses `rounds` classes for each mode, one after another; needs 2 × rounds classes. */
export async function spike(
  ctx: Ctx,
  classes: { pupils: Pupil[] }[],
  rounds: number,
  size: number,
): Promise<SpikeResult> {
  for (let r = 0; r < rounds; r++) {
    await oneClass(ctx, classes[2 * r].pupils.slice(0, size), "window");
    await sleep(1000);
    await oneClass(ctx, classes[2 * r + 1].pupils.slice(0, size), "burst");
    await sleep(1000);
  }
  const w = ctx.rec.latencies.get("spike_window") ?? [];
  const b = ctx.rec.latencies.get("spike_burst") ?? [];
  const result = {
    count: w.length + b.length,
    windowP99: percentile(w, 99),
    windowMax: percentile(w, 100),
    burstP99: percentile(b, 99),
    burstMax: percentile(b, 100),
  };
  console.log(
    `spike: ${w.length} starts within 1 s: p99 ${result.windowP99} ms; ${b.length} at once: p99 ${result.burstP99} ms (max ${result.burstMax}); burst ms ${b
      .slice(-size)
      .map((v) => round(v, 0))
      .join(" ")}`,
  );
  return result;
}
