// A pupil works through a lesson: read, sort, quiz, submit, feedback — with and without
// JavaScript, across reloads, devices and a dropped connection. A teacher assigns it first.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createClass, createPupil, createTeacher, signIn } from "../support/factories";
import { attemptsOf, createAssignment, storedAnswers } from "../support/lesson";

import {
  CATEGORY_LABEL,
  answerPartB,
  lesson,
  optionText,
  question,
  quizParts,
  setup,
  statement,
  wrongOption,
} from "../support/lesson-page";

test.describe("with JavaScript", () => {
  test("a teacher assigns the lesson to a class through the form", async ({ page, context }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id, { timeZone: "WITA" });
    await createPupil(klass.id);
    await createPupil(klass.id);
    // another class's pupils must not be counted
    await createPupil(createClass(teacher.id).id);
    await signIn(context, { role: "teacher", id: teacher.id });
    await page.goto(`/teacher/assign?class=${klass.id}`);
    await expectAccessible(page);
    await expect(page.getByLabel(`${klass.name} (WITA)`)).toBeChecked();
    // a date in the past is refused, and the other choices stay as they were
    await page.getByLabel("Batas waktu", { exact: true }).fill("2020-01-01T10:00");
    await page.getByLabel("3 kali").check();
    await page.getByRole("button", { name: "Beri tugas" }).click();
    await expect(page.getByText("Batas waktu harus di masa depan.")).toBeVisible();
    await expect(page.getByLabel("3 kali")).toBeChecked();
    await expect(page.getByLabel("Batas waktu", { exact: true })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expectAccessible(page);
    await page.getByLabel("Batas waktu", { exact: true }).fill("2099-03-01T07:30");
    await page.getByRole("button", { name: "Beri tugas" }).click();
    await expect(page).toHaveURL(/\/teacher\/assignments\/\d+$/);
    await expect(page.getByText(/1 Mar 2099.*07\.30 WITA|1 Mar 2099.*07:30 WITA/)).toBeVisible();
    await expect(page.getByText("0 dari 2 siswa sudah mengumpulkan")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: klass.name }).click();
    await expect(page.getByRole("heading", { level: 1, name: klass.name })).toBeVisible();
    await expect(page.getByText("0 dari 2 siswa sudah mengumpulkan")).toBeVisible();
  });

  test("a pupil reads, sorts, answers, submits and sees why — in both languages, axe-clean", async ({
    page,
    context,
  }) => {
    // 29 saves and ten axe runs: on a shared two-core machine this needs more than the default
    test.setTimeout(120_000);
    const { pupil, assignmentId } = await setup();
    await signIn(context, { role: "pupil", id: pupil.id });
    await page.goto(`/pupil/assignments/${assignmentId}`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Mulai mengerjakan" }).click();
    await expect(page).toHaveURL(/\/read$/);
    for (const text of lesson.paragraphs) await expect(page.getByText(text)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Lanjut: Pilah pernyataan" }).click();
    await expectAccessible(page);
    // every statement right except the first, which is sorted wrongly on purpose
    for (const [i, item] of lesson.sorting.entries()) {
      const wrong = item.category === "opinion" ? "denial" : "opinion";
      const group = statement(page, i);
      await group.getByLabel(CATEGORY_LABEL[i === 0 ? wrong : item.category]).check();
      await expect(page.locator(`#${item.id} .save-state`)).toHaveText("Tersimpan");
    }
    await page.getByRole("button", { name: "Lanjut: Kuis" }).click();
    await expectAccessible(page);
    // all questions right except question 2
    for (const [i, q] of lesson.questions.entries()) {
      await question(page, i)
        .getByLabel(optionText(i, i === 1 ? wrongOption(i) : q.correct), { exact: true })
        .check();
      await expect(page.locator(`#${q.id} .save-state`)).toHaveText("Tersimpan");
      // Part B of a two-part question: the supporting quotation
      await answerPartB(page, i);
    }
    // counted in answerable parts: a two-part question has two
    const parts = quizParts;
    await expect(page.getByText(`${parts} dari ${parts} terjawab`)).toBeVisible();
    await page.getByRole("button", { name: "Kumpulkan jawaban" }).click();

    await expect(page).toHaveURL(/\/feedback$/);
    const total = parts + lesson.sorting.length;
    await expect(page.getByText(`Nilai: ${total - 2} dari ${total}`)).toBeVisible();
    await expect(page.getByText(lesson.questions[1].explanation)).toBeVisible();
    await expectAccessible(page);
    const [attempt] = attemptsOf(pupil.id, assignmentId);
    expect(attempt.quizScore).toBe(parts - 1);
    expect(attempt.sortScore).toBe(lesson.sorting.length - 1);

    // the evidence opens in place (a sheet), and from there the article at the paragraph, highlighted
    const evidence = lesson.questions[1].evidence[0];
    await page.getByText(`Lihat bukti di paragraf ${evidence}`).first().click();
    const sheet = page.getByRole("dialog", { name: `Paragraf ${evidence}` });
    await expect(sheet).toContainText(lesson.paragraphs[evidence - 1]);
    await expectAccessible(page);
    await sheet.getByRole("link", { name: `Buka paragraf ${evidence} di artikel` }).click();
    await expect(page).toHaveURL(new RegExp(`highlight=.*#p${evidence}$`));
    await expect(page.locator(`#p${evidence} mark`)).toHaveText(lesson.paragraphs[evidence - 1]);

    // the same pages in English
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    for (const step of ["", "/read", "/sort", "/quiz", "/feedback", "/discuss"]) {
      await page.goto(`/pupil/assignments/${assignmentId}${step}`);
      await expect(page.getByRole("navigation", { name: "Lesson steps" })).toBeVisible();
      await expectAccessible(page);
    }
  });

  test("a reload mid-quiz, and another device, show every saved answer", async ({
    page,
    context,
    browser,
  }) => {
    const { pupil, assignmentId } = await setup();
    await signIn(context, { role: "pupil", id: pupil.id });
    await page.goto(`/pupil/assignments/${assignmentId}`);
    await page.getByRole("button", { name: "Mulai mengerjakan" }).click();
    // the start is a form post: wait for it to land before going elsewhere
    await expect(page).toHaveURL(/\/read$/);
    await page.goto(`/pupil/assignments/${assignmentId}/quiz`);
    for (const i of [0, 3, 5]) {
      await question(page, i)
        .getByLabel(optionText(i, lesson.questions[i].correct), { exact: true })
        .check();
      await expect(page.locator(`#${lesson.questions[i].id} .save-state`)).toHaveText("Tersimpan");
    }
    await page.reload();
    for (const i of [0, 3, 5])
      await expect(
        question(page, i).getByLabel(optionText(i, lesson.questions[i].correct), { exact: true }),
      ).toBeChecked();
    await expect(question(page, 1).getByRole("radio", { checked: true })).toHaveCount(0);

    const other = await browser.newContext();
    await signIn(other, { role: "pupil", id: pupil.id });
    const phone = await other.newPage();
    await phone.goto(`/pupil/assignments/${assignmentId}/quiz`);
    for (const i of [0, 3, 5])
      await expect(
        question(phone, i).getByLabel(optionText(i, lesson.questions[i].correct), { exact: true }),
      ).toBeChecked();
    await other.close();
  });

  test("answers chosen while offline are kept, announced, and sent when the connection returns", async ({
    page,
    context,
    browser,
  }) => {
    const { pupil, assignmentId } = await setup();
    await signIn(context, { role: "pupil", id: pupil.id });
    await page.goto(`/pupil/assignments/${assignmentId}`);
    await page.getByRole("button", { name: "Mulai mengerjakan" }).click();
    // the start is a form post: wait for it to land before going elsewhere
    await expect(page).toHaveURL(/\/read$/);
    await page.goto(`/pupil/assignments/${assignmentId}/quiz`);
    await question(page, 0).getByLabel(optionText(0, "a"), { exact: true }).check();
    await expect(page.locator(`#${lesson.questions[0].id} .save-state`)).toHaveText("Tersimpan");

    await context.setOffline(true);
    await question(page, 1).getByLabel(optionText(1, "b"), { exact: true }).check();
    await question(page, 2).getByLabel(optionText(2, "c"), { exact: true }).check();
    await expect(page.getByRole("alert").filter({ hasText: "Koneksi terputus" })).toBeVisible();
    await expect(page.locator(`#${lesson.questions[1].id} .save-state`)).toContainText(
      "Belum tersimpan",
    );
    await expect(page.getByRole("button", { name: "Kumpulkan jawaban" })).toBeDisabled();
    await expect(page.getByText(/Menunggu 2 jawaban terkirim/)).toBeVisible();
    expect(storedAnswers(pupil.id, assignmentId).filter((a) => a.kind === "quiz")).toHaveLength(1);

    await context.setOffline(false);
    await expect(page.locator(`#${lesson.questions[2].id} .save-state`)).toHaveText("Tersimpan");
    await expect(page.getByRole("button", { name: "Kumpulkan jawaban" })).toBeEnabled();

    const fresh = await browser.newContext();
    await signIn(fresh, { role: "pupil", id: pupil.id });
    const check = await fresh.newPage();
    await check.goto(`/pupil/assignments/${assignmentId}/quiz`);
    await expect(question(check, 1).getByLabel(optionText(1, "b"), { exact: true })).toBeChecked();
    await expect(question(check, 2).getByLabel(optionText(2, "c"), { exact: true })).toBeChecked();
    await fresh.close();
  });

  test("a double submit gives one result, and the start button never makes a second attempt", async ({
    page,
    context,
  }) => {
    const { pupil, assignmentId } = await setup({ maxAttempts: 2 });
    await signIn(context, { role: "pupil", id: pupil.id });
    await page.goto(`/pupil/assignments/${assignmentId}`);
    const start = () =>
      page.request.post(`/pupil/assignments/${assignmentId}?index`, {
        form: {},
        headers: { Origin: new URL(page.url()).origin },
        maxRedirects: 0,
      });
    const starts = await Promise.all([start(), start(), start()]);
    expect(starts.map((r) => r.status())).toEqual([302, 302, 302]);
    expect(attemptsOf(pupil.id, assignmentId)).toHaveLength(1);

    await page.goto(`/pupil/assignments/${assignmentId}/quiz`);
    await question(page, 0)
      .getByLabel(optionText(0, lesson.questions[0].correct), { exact: true })
      .check();
    await expect(page.locator(`#${lesson.questions[0].id} .save-state`)).toHaveText("Tersimpan");
    const attemptId = attemptsOf(pupil.id, assignmentId)[0].id;
    const submit = () =>
      page.request.post(`/pupil/assignments/${assignmentId}/quiz`, {
        form: { attemptId: String(attemptId) },
        headers: { Origin: new URL(page.url()).origin },
        maxRedirects: 0,
      });
    const [a, b] = await Promise.all([submit(), submit()]);
    expect([a.status(), b.status()]).toEqual([302, 302]);
    const after = attemptsOf(pupil.id, assignmentId);
    expect(after).toHaveLength(1);
    expect(after[0].submittedAt).not.toBeNull();
    const firstSubmittedAt = after[0].submittedAt;
    await submit();
    expect(attemptsOf(pupil.id, assignmentId)[0].submittedAt).toBe(firstSubmittedAt);
    // saving into a submitted attempt is refused and changes nothing
    const late = await page.request.post(`/pupil/attempts/${attemptId}/answers`, {
      form: { kind: "quiz", itemId: lesson.questions[0].id, choice: wrongOption(0) },
      headers: { Accept: "application/json", Origin: new URL(page.url()).origin },
    });
    expect(late.status()).toBe(409);
    expect(
      storedAnswers(pupil.id, assignmentId).find((x) => x.itemId === lesson.questions[0].id)
        ?.choice,
    ).toBe(lesson.questions[0].correct);
  });

  test("after the due date: late work is marked late, or refused with the saved answers kept", async ({
    page,
    context,
  }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    const pupil = await createPupil(klass.id);
    const lateOk = createAssignment(klass.id, {
      dueAt: Date.now() + 60 * 60_000,
      acceptLate: true,
    });
    const lateNo = createAssignment(klass.id, {
      dueAt: Date.now() + 60 * 60_000,
      acceptLate: false,
    });
    await signIn(context, { role: "pupil", id: pupil.id });
    for (const id of [lateOk, lateNo]) {
      await page.goto(`/pupil/assignments/${id}`);
      await page.getByRole("button", { name: "Mulai mengerjakan" }).click();
      // the start is a form post: wait for it to land before going elsewhere
      await expect(page).toHaveURL(/\/read$/);
      await page.goto(`/pupil/assignments/${id}/quiz`);
      await question(page, 0).getByLabel(optionText(0, "a"), { exact: true }).check();
      await expect(page.locator(`#${lesson.questions[0].id} .save-state`)).toHaveText("Tersimpan");
    }
    // the due date passes
    const { testDb } = await import("../support/factories");
    testDb()
      .prepare("UPDATE assignments SET due_at = ? WHERE id IN (?, ?)")
      .run(Date.now() - 60_000, lateOk, lateNo);

    await page.goto(`/pupil/assignments/${lateOk}/quiz`);
    await expect(
      page.getByText("Batas waktu sudah lewat. Kamu masih boleh mengumpulkan").first(),
    ).toBeVisible();
    await page.getByRole("button", { name: "Kumpulkan jawaban" }).click();
    await expect(page).toHaveURL(/\/feedback$/);
    expect(attemptsOf(pupil.id, lateOk)[0].late).toBe(1);

    // late work refused: the assignment closed at its due time, and the open attempt was handed
    // in then with the answers it had saved (issue 17)
    await page.goto(`/pupil/assignments/${lateNo}/quiz`);
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: "Batas waktu sudah lewat, jadi tugas ini ditutup." }),
    ).toBeVisible();
    const due = (
      testDb().prepare("SELECT due_at AS d FROM assignments WHERE id = ?").get(lateNo) as {
        d: number;
      }
    ).d;
    expect(attemptsOf(pupil.id, lateNo)[0].submittedAt).toBe(due);
    expect(storedAnswers(pupil.id, lateNo)).toEqual([
      { kind: "quiz", itemId: lesson.questions[0].id, choice: "a" },
    ]);
  });

  test("shuffled order is fixed per attempt and stays the same after a reload", async ({
    page,
    context,
  }) => {
    const { pupil, assignmentId } = await setup({ shuffle: true });
    await signIn(context, { role: "pupil", id: pupil.id });
    await page.goto(`/pupil/assignments/${assignmentId}`);
    await page.getByRole("button", { name: "Mulai mengerjakan" }).click();
    // the start is a form post: wait for it to land before going elsewhere
    await expect(page).toHaveURL(/\/read$/);
    await page.goto(`/pupil/assignments/${assignmentId}/quiz`);
    const legends = () => page.locator("section.item legend").allTextContents();
    const options = () =>
      page
        .locator("section.item")
        .first()
        .getByRole("radio")
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const first = await legends();
    const firstOptions = await options();
    // one legend per answerable part (Part A and Part B of a two-part question each have one)
    expect(first).toHaveLength(quizParts);
    const lessonOrder = lesson.questions.map((q, i) => `Soal ${i + 1}. ${q.stem}`);
    expect(first).not.toEqual(lessonOrder);
    await page.reload();
    expect(await legends()).toEqual(first);
    expect(await options()).toEqual(firstOptions);
  });

  test("no answer key reaches the pupil before feedback is allowed", async ({ page, context }) => {
    const { pupil, assignmentId } = await setup({ feedback: "after_due" });
    await signIn(context, { role: "pupil", id: pupil.id });
    await page.goto(`/pupil/assignments/${assignmentId}`);
    await page.getByRole("button", { name: "Mulai mengerjakan" }).click();
    // the start is a form post: wait for it to land before going elsewhere
    await expect(page).toHaveURL(/\/read$/);
    const secrets = [
      ...lesson.questions.map((q) => q.explanation),
      ...lesson.sorting.map((s) => s.explanation),
    ];
    for (const step of ["quiz", "sort", "feedback"]) {
      const html = await (
        await page.request.get(`/pupil/assignments/${assignmentId}/${step}`)
      ).text();
      const data = await (
        await page.request.get(
          `/pupil/assignments/${assignmentId}/${step}?_data=routes%2Fpupil.assignments.%24assignmentId.${step}`,
        )
      ).text();
      for (const secret of secrets) {
        expect(html).not.toContain(secret);
        expect(data).not.toContain(secret);
      }
      expect(data).not.toContain('"correct"');
      expect(data).not.toContain('"category"');
    }
    await page.goto(`/pupil/assignments/${assignmentId}/quiz`);
    await page.getByRole("button", { name: "Kumpulkan jawaban" }).click();
    await expect(page.getByText(/Sudah dikumpulkan pada/)).toBeVisible();
    await page.getByRole("link", { name: "Pembahasan" }).click();
    await expect(page.getByText(/Pembahasan belum bisa dilihat/)).toBeVisible();
    const after = await (
      await page.request.get(`/pupil/assignments/${assignmentId}/feedback`)
    ).text();
    for (const secret of secrets) expect(after).not.toContain(secret);
  });
});

test("assignments of another class or teacher answer 404, and bad answers store nothing", async ({
  browser,
}) => {
  const a = await setup();
  const b = await setup();
  const pupilB = await browser.newContext();
  await signIn(pupilB, { role: "pupil", id: b.pupil.id });
  const page = await pupilB.newPage();
  const steps = ["", "/read", "/sort", "/quiz", "/feedback", "/discuss"];
  let visited = 0;
  for (const step of steps) {
    const response = await page.goto(`/pupil/assignments/${a.assignmentId}${step}`);
    expect(response?.status(), step).toBe(404);
    // every step shows the not-found page, not just the last one
    await expect(
      page.getByRole("heading", { name: "Halaman tidak ditemukan" }),
      step,
    ).toBeVisible();
    visited++;
  }
  expect(visited).toBe(steps.length);
  const origin = new URL(page.url()).origin;
  const start = await page.request.post(`/pupil/assignments/${a.assignmentId}?index`, {
    form: {},
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(start.status()).toBe(404);
  expect(attemptsOf(b.pupil.id, a.assignmentId)).toHaveLength(0);

  // pupil A's attempt: B cannot save into it, A cannot save nonsense into it
  const pupilA = await browser.newContext();
  await signIn(pupilA, { role: "pupil", id: a.pupil.id });
  const pageA = await pupilA.newPage();
  await pageA.goto(`/pupil/assignments/${a.assignmentId}`);
  await pageA.getByRole("button", { name: "Mulai mengerjakan" }).click();
  // the start is a form post: wait for it to land before going elsewhere
  await expect(pageA).toHaveURL(/\/read$/);
  const attemptId = attemptsOf(a.pupil.id, a.assignmentId)[0].id;
  const save = (p: typeof page, form: Record<string, string>) =>
    p.request.post(`/pupil/attempts/${attemptId}/answers`, {
      form,
      headers: { Accept: "application/json", Origin: origin },
    });
  const q = lesson.questions[0];
  expect((await save(page, { kind: "quiz", itemId: q.id, choice: q.correct })).status()).toBe(404);
  expect((await save(pageA, { kind: "quiz", itemId: q.id, choice: "zz" })).status()).toBe(400);
  expect((await save(pageA, { kind: "quiz", itemId: "q999", choice: "a" })).status()).toBe(400);
  expect(
    (await save(pageA, { kind: "sort", itemId: lesson.sorting[0].id, choice: "rumour" })).status(),
  ).toBe(400);
  expect(
    (await save(pageA, { kind: "essay", itemId: q.id, choice: "a", score: "100" })).status(),
  ).toBe(400);
  // extra fields such as a score are ignored
  expect(
    (
      await save(pageA, {
        kind: "quiz",
        itemId: q.id,
        choice: q.correct,
        correct: "true",
        score: "99",
      })
    ).status(),
  ).toBe(200);
  expect(storedAnswers(a.pupil.id, a.assignmentId)).toEqual([
    { kind: "quiz", itemId: q.id, choice: q.correct },
  ]);

  // teacher B sees nothing of teacher A's assignment
  const teacherB = await browser.newContext();
  await signIn(teacherB, { role: "teacher", id: b.teacher.id });
  const tb = await teacherB.newPage();
  for (const path of ["", "/delete"])
    expect((await tb.goto(`/teacher/assignments/${a.assignmentId}${path}`))?.status()).toBe(404);
  const del = await tb.request.post(`/teacher/assignments/${a.assignmentId}/delete`, {
    form: {},
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(del.status()).toBe(404);
  const assign = await tb.request.post(`/teacher/assign`, {
    form: {
      lesson: "ktt-putin-kim-2024",
      classId: String(a.klass.id),
      due: "2099-01-01T10:00",
      maxAttempts: "1",
      counting: "highest",
      feedback: "immediate",
    },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(assign.status()).toBe(404);
  await Promise.all([pupilA.close(), pupilB.close(), teacherB.close()]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a pupil saves each choice with its button, comes back at the same question, and submits", async ({
    page,
    context,
  }) => {
    const { pupil, assignmentId } = await setup();
    await signIn(context, { role: "pupil", id: pupil.id });
    await page.goto(`/pupil/assignments/${assignmentId}`);
    await page.getByRole("button", { name: "Mulai mengerjakan" }).click();
    // the start is a form post: wait for it to land before going elsewhere
    await expect(page).toHaveURL(/\/read$/);
    await page.goto(`/pupil/assignments/${assignmentId}/sort`);
    const item = lesson.sorting[2];
    await statement(page, 2).getByLabel(CATEGORY_LABEL[item.category]).check();
    await page
      .getByRole("button", { name: `Simpan jawaban Pernyataan 3 (paragraf ${item.paragraph})` })
      .click();
    await expect(page).toHaveURL(new RegExp(`saved=${item.id}#${item.id}$`));
    await expect(page.locator(`#${item.id} .save-state`)).toHaveText("Tersimpan");
    await expect(statement(page, 2).getByLabel(CATEGORY_LABEL[item.category])).toBeChecked();

    await page.goto(`/pupil/assignments/${assignmentId}/quiz`);
    // saving without choosing is refused with a message beside the question's radios (the
    // form's reply: no redirect, the page comes back at that question)
    await page.getByRole("button", { name: "Simpan jawaban Soal 4", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/quiz#${lesson.questions[3].id}$`));
    const refusedRadio = question(page, 3).getByRole("radio").first();
    await expect(refusedRadio).toHaveAttribute("aria-invalid", "true");
    await expect(refusedRadio).toHaveAccessibleDescription("Pilih salah satu jawaban dulu.");
    for (const i of [0, 1]) {
      await question(page, i)
        .getByLabel(optionText(i, lesson.questions[i].correct), { exact: true })
        .check();
      await page.getByRole("button", { name: `Simpan jawaban Soal ${i + 1}`, exact: true }).click();
      await expect(page.locator(`#${lesson.questions[i].id} .save-state`)).toHaveText("Tersimpan");
    }
    await expect(
      question(page, 0).getByLabel(optionText(0, lesson.questions[0].correct), { exact: true }),
    ).toBeChecked();
    await page.getByRole("button", { name: "Kumpulkan jawaban" }).click();
    await expect(page).toHaveURL(/\/feedback$/);
    // the quiz is out of its points: a two-part question is worth two
    const points = quizParts;
    await expect(page.getByText(`Nilai: 3 dari ${points + lesson.sorting.length}`)).toBeVisible();
  });
});
