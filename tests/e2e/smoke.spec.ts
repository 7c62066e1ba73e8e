import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";

test("the lesson page shows the article", async ({ page }) => {
  await page.goto("/lessons/ktt-putin-kim-2024");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Korea Utara");
  await expectAccessible(page);
});
