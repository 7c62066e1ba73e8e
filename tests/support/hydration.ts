// Waiting for React to have taken over a server-rendered page: for a control that only works with
// the page's script (a sheet opened by a click handler), or to look at the page as a client render
// leaves it.
import type { Page } from "@playwright/test";

export async function waitForHydration(page: Page) {
  // React has claimed the last element of the page (the footer), so the whole tree is rendered...
  await page.waitForFunction(() => {
    const footer = document.querySelector("footer");
    return Boolean(footer && Object.keys(footer).some((k) => k.startsWith("__reactFiber")));
  });
  // ...and two frames later it has been committed and its effects have run
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}
