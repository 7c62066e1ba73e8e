// The main e2e server trusts X-Forwarded-For (it plays "behind our proxy"), and the per-address
// throttles (sign-ups, failed sign-ins: docs/security.md) are counted in the shared database. A test
// that signs up or signs in through the forms therefore acts from an address of its own, so how
// many other tests did the same from 127.0.0.1 in the last 15 minutes never decides its outcome.
import type { Page } from "@playwright/test";

/** A random address from the IPv6 documentation range. */
export function freshAddress(): string {
  const part = () => Math.floor(Math.random() * 0xffff).toString(16);
  return `2001:db8:e2e::${part()}:${part()}`;
}

/** Every later request of this page's browser context comes from one fresh address. */
export async function actFromOwnAddress(page: Page): Promise<void> {
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": freshAddress() });
}
