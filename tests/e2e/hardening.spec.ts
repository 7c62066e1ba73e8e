// Hardening against an attacker from outside: return addresses that stay on the site, answer
// saves that never 500, look-alike and invisible names refused, names shown isolated, and answer
// keys kept back while the pupil can still work at the assignment.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createClass, createPupil, createTeacher, signIn, testDb } from "../support/factories";
import { createAssignment, seedLesson } from "../support/lesson";
import { refusalOf } from "../support/form-reply";
import { insertAttempt, send, sessionFor } from "../support/security-world";

const lesson = seedLesson();

/** Variants that normalise into a protocol-relative address ("//evil.test"), and some more. */
const REDIRECTS = [
  "/.//evil.test",
  "/..//evil.test",
  "/%2e//evil.test",
  "/%2E%2e//evil.test",
  "/a/..//evil.test",
  "/./\\evil.test",
  "/.\\/evil.test",
  "/a/b/../..//evil.test/x?y=1",
  "/%2e%2e/%2e%2e//evil.test",
  "//evil.test",
  "/\\evil.test",
  "https://evil.test/",
];

const onSite = (location: string) => {
  const base = `http://127.0.0.1:${process.env.E2E_PORT}`;
  return new URL(location, base).origin === base;
};

test("a signed-in pupil following a crafted sign-in link stays on the site, for every variant", async ({
  request,
}) => {
  const teacher = await createTeacher();
  const pupil = await createPupil(createClass(teacher.id).id);
  const cookie = (await sessionFor({ role: "pupil", id: pupil.id })).header;
  for (const to of REDIRECTS) {
    const response = await send(request, {
      method: "GET",
      url: `/pupil/login?redirectTo=${encodeURIComponent(to)}`,
      cookie,
    });
    expect(response.status(), to).toBe(302);
    const location = response.headers()["location"];
    expect(onSite(location), `${to} → ${location}`).toBe(true);
    expect(location, to).not.toMatch(/^\/[/\\]/);
  }
});

test("a teacher signing in through the form (with JavaScript) from a crafted link ends on the site", async ({
  page,
}) => {
  const teacher = await createTeacher();
  for (const to of ["/.//evil.test", "/a/..//evil.test", "/./\\evil.test"]) {
    await page.context().clearCookies();
    await page.goto(`/teacher/login?redirectTo=${encodeURIComponent(to)}`);
    await page.getByLabel("Email").fill(teacher.email);
    await page.getByLabel("Kata sandi").fill(teacher.password);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dasbor guru" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(`http://127.0.0.1:${process.env.E2E_PORT}`);
  }
});

test("saving an answer with an emoji or a line break in the item id is refused, never a 500", async ({
  request,
}) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id);
  const assignmentId = createAssignment(klass.id);
  const attemptId = insertAttempt(assignmentId, pupil.id);
  const cookie = (await sessionFor({ role: "pupil", id: pupil.id })).header;
  const redirectTo = `/pupil/assignments/${assignmentId}/quiz`;
  for (const itemId of [
    "😀",
    "q1\r\nSet-Cookie: x=1",
    "q1\n",
    "\u202Eq1",
    "q1#x",
    "a".repeat(65),
    lesson.questions[0].id + "😀",
  ]) {
    const response = await send(request, {
      method: "POST",
      url: `/pupil/attempts/${attemptId}/answers`,
      cookie,
      form: { kind: "quiz", itemId, choice: lesson.questions[0].options[0].id, redirectTo },
    });
    // Refused through the form kit (400, the message under the field), with no header built
    // from the id: no redirect, no cookie, nothing stored in a shared cache.
    expect(response.status(), JSON.stringify(itemId)).toBe(400);
    expect(response.headers()["location"]).toBeUndefined();
    expect(response.headers()["set-cookie"]).toBeUndefined();
    expect(response.headers()["cache-control"]).toContain("no-store");
    expect(refusalOf(await response.json()).fields.itemId, JSON.stringify(itemId)).toBe(
      "flow.err.item",
    );
  }
});

for (const locale of ["id-ID", "en-US"] as const) {
  const words =
    locale === "id-ID"
      ? {
          name: "Nama tampilan",
          pin: "Pilih PIN",
          again: "Ulangi PIN",
          join: "Gabung",
          taken: /Nama ini sudah dipakai di kelas ini\./,
          invisible: /Nama tampilan memuat karakter tak terlihat/,
        }
      : {
          name: "Display name",
          pin: "Choose a PIN",
          again: "Repeat the PIN",
          join: "Join",
          taken: /This name is already used in this class\./,
          invisible: /The display name contains invisible characters/,
        };

  test(`joining with a classmate's look-alike or an invisible-character name is refused beside the field (${locale})`, async ({
    browser,
  }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    await createPupil(klass.id, { name: "Budi" });
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const tryName = async (name: string) => {
      await page.goto(`/join?code=${klass.joinCode}`);
      await page.getByLabel(words.name).fill(name);
      await page.getByLabel(words.pin).fill("2580");
      await page.getByLabel(words.again).fill("2580");
      const answer = page.waitForResponse((r) => r.request().method() === "POST");
      await page.getByRole("button", { name: words.join }).click();
      expect((await answer).status(), JSON.stringify(name)).toBe(400);
    };
    const field = page.getByLabel(words.name);
    for (const lookAlike of ["Bud\u0456", "\u0412udi", "BUDI"]) {
      await tryName(lookAlike);
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(field).toHaveAccessibleDescription(words.taken);
    }
    await expectAccessible(page);
    for (const invisible of [
      "Budi\u200B",
      "B\u200Dudi",
      "Budi\u2060",
      "Bu\u00ADdi",
      "Budi\u3164",
      "\u200EBudi",
      "Budi\u{E0041}",
      "\u202Eidub",
    ]) {
      await tryName(invisible);
      await expect(field).toHaveAccessibleDescription(words.invisible);
      // what was typed stays in the field, to be corrected
      await expect(field).toHaveValue(invisible);
    }
    await expectAccessible(page);
    const count = testDb()
      .prepare("SELECT count(*) AS n FROM pupils WHERE class_id = ?")
      .get(klass.id) as { n: number };
    expect(count.n).toBe(1);
    await context.close();
  });
}

test("names are shown isolated: a right-to-left name in the roster and a byline cannot scramble what follows", async ({
  page,
  context,
}) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  // a name stored before the rules (straight into the database): shown isolated all the same
  await createPupil(klass.id, { name: "\u202Eidub" });
  await createPupil(klass.id, { name: "Z\u0336\u0336\u0336\u0336\u0336\u0336\u0336\u0336ara" });
  await signIn(context, { role: "teacher", id: teacher.id });
  await page.goto(`/teacher/classes/${klass.id}`);
  const names = page.locator("table th[scope=row] bdi");
  await expect(names).toHaveCount(2);
  await expect(names.filter({ hasText: "idub" })).toHaveText("\u202Eidub");
  // stacked marks cut to three
  await expect(page.locator("table th[scope=row] bdi", { hasText: /ara$/ })).toHaveText(
    "Z\u0336\u0336\u0336ara",
  );
  await expectAccessible(page);
});

test("a pupil who has seen the keys cannot score from them: no keys while an attempt can still be made", async ({
  page,
  context,
}) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id);
  // the setting: feedback after the due date, late work accepted, several attempts, past due
  const assignmentId = createAssignment(klass.id, {
    feedback: "after_due",
    acceptLate: true,
    maxAttempts: 3,
    dueAt: Date.now() - 3600_000,
  });
  const submit = (attemptId: number) =>
    testDb()
      .prepare(
        "UPDATE attempts SET submitted_at = ?, quiz_score = 0, quiz_max = ?, sort_score = 0, sort_max = ? WHERE id = ?",
      )
      .run(Date.now(), lesson.questions.length, lesson.sorting.length, attemptId);
  submit(insertAttempt(assignmentId, pupil.id, 1));
  await signIn(context, { role: "pupil", id: pupil.id });
  const secrets = [
    ...lesson.questions.map((q) => q.explanation),
    ...lesson.sorting.map((s) => s.explanation),
  ];
  const noKeys = async () => {
    await page.goto(`/pupil/assignments/${assignmentId}/feedback`);
    await expect(page.getByText(/^Nilai: 0 dari/)).toBeVisible();
    await expect(page.getByText(/Kunci jawaban dan penjelasannya muncul setelah/)).toBeVisible();
    await expect(page.getByText("Jawaban benar")).toHaveCount(0);
    const html = await (
      await page.request.get(`/pupil/assignments/${assignmentId}/feedback`)
    ).text();
    for (const secret of secrets) expect(html).not.toContain(secret);
  };
  await noKeys();
  await expectAccessible(page);
  // an attempt still open (the third) keeps them hidden too
  submit(insertAttempt(assignmentId, pupil.id, 2));
  const third = insertAttempt(assignmentId, pupil.id, 3);
  await noKeys();
  // every attempt used and submitted: now the keys
  submit(third);
  await page.goto(`/pupil/assignments/${assignmentId}/feedback`);
  await expect(page.getByText("Jawaban benar").first()).toBeVisible();
  await expect(page.getByText(lesson.questions[0].explanation)).toBeVisible();
  await expectAccessible(page);
});
