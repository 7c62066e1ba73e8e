// The pupil's lesson flow over HTTP, one function per step, shared by the benchmarks and the crash
// test; every acknowledged answer is logged so it can be checked against the database afterwards.
import Database from "better-sqlite3";
import pg from "pg";
import {
  answerForms,
  assignmentLinks,
  hidden,
  type Jar,
  location,
  pick,
  timed,
  type Client,
  type Item,
  type Recorder,
  type Response,
} from "./driver";

export type Pupil = { jar: Jar; name: string; assignmentId?: number; code?: string; pin?: string };

/**
 * Every answer the server acknowledged (the last choice per item) and every acknowledged submit.
 * A choice sent after the last acknowledgement whose answer never came (the server died, the
 * connection broke) may or may not have been stored: it is remembered so the check accepts it.
 */
export class AckLog {
  readonly answers = new Map<
    string,
    { attemptId: number; kind: string; itemId: string; choice: string; unconfirmed: Set<string> }
  >();
  readonly unconfirmed = new Map<string, Set<string>>();
  readonly submitted = new Set<number>();
  sent(attemptId: number, kind: string, itemId: string, choice: string) {
    const key = `${attemptId}|${kind}|${itemId}`;
    let set = this.unconfirmed.get(key);
    if (!set) this.unconfirmed.set(key, (set = new Set()));
    set.add(choice);
  }
  record(attemptId: number, kind: string, itemId: string, choice: string) {
    const key = `${attemptId}|${kind}|${itemId}`;
    const unconfirmed = this.unconfirmed.get(key) ?? new Set<string>();
    unconfirmed.clear();
    this.unconfirmed.set(key, unconfirmed);
    this.answers.set(key, { attemptId, kind, itemId, choice, unconfirmed });
  }
}

export type Ctx = { client: Client; rec: Recorder; acks: AckLog };

const base = (p: Pupil) => `/pupil/assignments/${p.assignmentId}`;

/** A page as a browser without JavaScript loads it: the whole document. */
export function page(
  ctx: Ctx,
  pupil: Pupil,
  path: string,
  kind = "page",
): Promise<Response | null> {
  return timed(ctx.client, ctx.rec, kind, "GET", path, { jar: pupil.jar, expect: 200 });
}

/** Class code + name + PIN through the sign-in form; lands on the dashboard. */
export async function signIn(ctx: Ctx, pupil: Pupil): Promise<boolean> {
  pupil.jar.clear();
  if (!(await page(ctx, pupil, "/pupil/login"))) return false;
  const res = await timed(ctx.client, ctx.rec, "signin", "POST", "/pupil/login", {
    jar: pupil.jar,
    form: { code: pupil.code!, displayName: pupil.name, pin: pupil.pin!, contact_url: "" },
    expect: 302,
  });
  return res !== null;
}

/** The dashboard, and the assignment the pupil opens from it. */
export async function openDashboard(ctx: Ctx, pupil: Pupil): Promise<boolean> {
  const res = await page(ctx, pupil, "/pupil");
  if (!res) return false;
  const [id] = assignmentLinks(res.body);
  if (!id) {
    ctx.rec.fail(`dashboard of ${pupil.name} lists no assignment`);
    return false;
  }
  pupil.assignmentId ??= id;
  return true;
}

/** Start (or continue) the attempt: the request the "start" spike is about. */
export async function start(ctx: Ctx, pupil: Pupil, kind = "start"): Promise<boolean> {
  const res = await timed(ctx.client, ctx.rec, kind, "POST", `${base(pupil)}?index`, {
    jar: pupil.jar,
    form: {},
    expect: 302,
    check: (r) => (location(r).endsWith("/read") ? null : `redirected to ${location(r)}`),
  });
  return res !== null;
}

/** The sort or quiz step: its page, with the attempt id and the items to answer. */
export async function openStep(
  ctx: Ctx,
  pupil: Pupil,
  step: "sort" | "quiz",
): Promise<{ attemptId: number; items: Item[] } | null> {
  const res = await page(ctx, pupil, `${base(pupil)}/${step}`);
  if (!res) return null;
  const { attemptId, items } = answerForms(res.body, step);
  if (!attemptId || !items.length) {
    ctx.rec.fail(`${step} page of ${pupil.name} has no answer forms`);
    return null;
  }
  return { attemptId, items };
}

/** One answer saved the way the page's script saves it: a JSON post, no page reload. */
export async function save(
  ctx: Ctx,
  pupil: Pupil,
  attemptId: number,
  item: Item,
  choice = pick(item.choices),
) {
  let savedAt = 0;
  let newerKept = false;
  ctx.acks.sent(attemptId, item.kind, item.itemId, choice);
  // as the page's answer queue does: the device's clock when chosen and when sent (decision 087)
  const clock = String(Date.now());
  const res = await timed(
    ctx.client,
    ctx.rec,
    "save",
    "POST",
    `/pupil/attempts/${attemptId}/answers`,
    {
      jar: pupil.jar,
      accept: "application/json",
      form: { kind: item.kind, itemId: item.itemId, choice, chosenAt: clock, sentAt: clock },
      expect: 200,
      check: (r) => {
        try {
          const data = JSON.parse(r.body) as {
            ok?: boolean;
            savedAt?: number;
            newerKept?: boolean;
          };
          if (data.ok !== true || typeof data.savedAt !== "number")
            return `not saved: ${r.body.slice(0, 120)}`;
          savedAt = data.savedAt;
          newerKept = data.newerKept === true;
          return null;
        } catch {
          return `not JSON: ${r.body.slice(0, 120)}`;
        }
      },
    },
  );
  // a save the server answered with "a newer choice stays" acknowledges that one, not this
  if (res && !newerKept) ctx.acks.record(attemptId, item.kind, item.itemId, choice);
  return res ? savedAt : null;
}

/** Submit the attempt (a plain form post); a redirect means it is scored and closed. */
export async function submit(ctx: Ctx, pupil: Pupil, attemptId: number): Promise<string | null> {
  const res = await timed(ctx.client, ctx.rec, "submit", "POST", `${base(pupil)}/quiz`, {
    jar: pupil.jar,
    // the quiz page's one form: its submit button carries intent=submit
    form: { attemptId: String(attemptId), intent: "submit" },
    expect: 302,
  });
  if (!res) return null;
  ctx.acks.submitted.add(attemptId);
  return location(res);
}

export type DiscussionOutcome = "posted" | "not available" | "failed";

/**
 * The discussion step. The discussion feature may not exist yet: when the page holds no form with
 * a text area to answer in, this says so instead of pretending. When it does, the first such form
 * is filled in (hidden fields kept, every text area and text field given a sentence) and posted.
 */
export async function discussion(ctx: Ctx, pupil: Pupil): Promise<DiscussionOutcome> {
  const path = `${base(pupil)}/discuss`;
  const res = await page(ctx, pupil, path);
  if (!res) return "failed";
  const form = [...res.body.matchAll(/<form[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/gi)].find(
    (m) => /<textarea/i.test(m[0]),
  );
  if (!form) return "not available";
  const fields: Record<string, string> = { ...hidden(form[0]) };
  const sentence = `Menurut saya, paragraf 3 menunjukkan bukti; ${pupil.name} menulis ini.`;
  for (const m of form[0].matchAll(/<textarea[^>]*name="([^"]+)"/gi)) fields[m[1]] = sentence;
  for (const m of form[0].matchAll(/<input[^>]*type="text"[^>]*name="([^"]+)"/gi))
    fields[m[1]] ??= sentence;
  for (const m of form[0].matchAll(
    /<input[^>]*type="radio"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gi,
  ))
    fields[m[1]] ??= m[2];
  const action =
    /action="([^"]+)"/.exec(form[0].slice(0, form[0].indexOf(">")))?.[1]?.replace(/&amp;/g, "&") ??
    path;
  const posted = await timed(ctx.client, ctx.rec, "discuss", "POST", action, {
    jar: pupil.jar,
    form: fields,
    expect: 302,
  });
  if (!posted) return "failed";
  const next = location(posted);
  if (next && !(await page(ctx, pupil, next))) return "failed";
  return "posted";
}

/**
 * Compares the acknowledgement log with the database: an answer is lost when its row is missing
 * or holds neither the acknowledged choice nor one sent after it without an answer; a submit is
 * lost when the attempt is not closed with its scores.
 */
export async function verifyAcks(
  dbPath: string,
  acks: AckLog,
  databaseUrl?: string,
): Promise<{ lostAnswers: number; lostSubmits: number; detail: string[] }> {
  type AttemptRow = {
    submitted_at: number | null;
    quiz_score: number | null;
    sort_score: number | null;
  };
  let answer: { get(...a: unknown[]): Promise<{ choice: string } | undefined> };
  let attempt: { get(id: number): Promise<AttemptRow | undefined> };
  let close: () => Promise<void>;
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    answer = {
      get: async (...a) =>
        (
          await client.query<{ choice: string }>(
            "SELECT choice FROM answers WHERE attempt_id = $1 AND kind = $2 AND item_id = $3",
            a,
          )
        ).rows[0],
    };
    attempt = {
      get: async (id) =>
        (
          await client.query<AttemptRow>(
            "SELECT submitted_at, quiz_score, sort_score FROM attempts WHERE id = $1",
            [id],
          )
        ).rows[0],
    };
    close = () => client.end();
  } else {
    // Not read-only: after a crash the WAL may need recovering, which a read-only handle cannot do.
    const db = new Database(dbPath, { fileMustExist: true });
    const a = db.prepare(
      "SELECT choice FROM answers WHERE attempt_id = ? AND kind = ? AND item_id = ?",
    );
    const t = db.prepare("SELECT submitted_at, quiz_score, sort_score FROM attempts WHERE id = ?");
    answer = { get: async (...args) => a.get(...args) as { choice: string } | undefined };
    attempt = { get: async (id) => t.get(id) as AttemptRow | undefined };
    close = async () => {
      db.close();
    };
  }
  const detail: string[] = [];
  let lostAnswers = 0;
  for (const a of acks.answers.values()) {
    const row = await answer.get(a.attemptId, a.kind, a.itemId);
    if (row && (row.choice === a.choice || a.unconfirmed.has(row.choice))) continue;
    lostAnswers++;
    if (detail.length < 10)
      detail.push(
        `answer ${a.attemptId}/${a.kind}/${a.itemId}: acked ${a.choice}, stored ${row?.choice ?? "nothing"}`,
      );
  }
  let lostSubmits = 0;
  for (const id of acks.submitted) {
    const row = await attempt.get(id);
    if (row?.submitted_at != null && row.quiz_score != null && row.sort_score != null) continue;
    lostSubmits++;
    if (detail.length < 10) detail.push(`submit of attempt ${id} not stored`);
  }
  await close();
  return { lostAnswers, lostSubmits, detail };
}
