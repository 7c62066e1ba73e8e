// A slow phone in a test: the page's HTML arrives and can be used while its scripts are still on
// the way. `page.route` turns the browser's cache off, so every script of a load made while
// holding waits here until `release()`.
import type { Page } from "@playwright/test";

export async function holdScripts(page: Page) {
  const waiting: Array<() => Promise<void>> = [];
  let holding = true;
  await page.route("**/build/**/*.js", (route) => {
    if (!holding) return route.continue();
    waiting.push(() => route.continue());
  });
  return {
    /** How many scripts are being held back. */
    held: () => waiting.length,
    release: async () => {
      holding = false;
      await Promise.all(waiting.splice(0).map((go) => go()));
    },
    /** Hold the scripts of the next load too. */
    hold: () => {
      holding = true;
    },
  };
}
