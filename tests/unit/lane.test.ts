// HTML documents take turns (server/lane.ts, decision 127): which requests wait, in what order,
// and that a small JSON request arriving behind a burst of page loads is answered before them.
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createLane, wantsDocument } from "../../server/lane";

test("documents are what a browser asks for when it loads or posts a page; scripts' fetches are not", () => {
  // Chromium's navigation and form post
  assert.equal(
    wantsDocument(
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
    ),
    true,
  );
  assert.equal(wantsDocument("TEXT/HTML; charset=utf-8"), true);
  assert.equal(wantsDocument("application/xhtml+xml"), true);
  // the answer queue's save and the live view's poll
  assert.equal(wantsDocument("application/json"), false);
  // fetch() without a header, Remix's data requests, curl
  assert.equal(wantsDocument("*/*"), false);
  assert.equal(wantsDocument(undefined), false);
  assert.equal(wantsDocument(""), false);
  // text/html offered but not first: not a page load
  assert.equal(wantsDocument("application/json, text/html;q=0.5"), false);
});

test("the lane lets documents go in the order they came, one per turn of the event loop", async () => {
  const lane = createLane();
  const order: string[] = [];
  const turns = ["a", "b", "c", "d"].map((name) =>
    lane.turn().then(() => {
      order.push(name);
      // something this document starts runs before the next document gets its turn
      setImmediate(() => order.push(`${name}'s follow-up`));
    }),
  );
  assert.equal(lane.waiting, 4);
  await Promise.all(turns);
  assert.deepEqual(order.slice(0, 2), ["a", "b"]);
  assert.equal(order.indexOf("a's follow-up") < order.indexOf("c"), true, order.join(", "));
  assert.deepEqual(
    order.filter((entry) => !entry.includes("follow-up")),
    ["a", "b", "c", "d"],
  );
  assert.equal(lane.waiting, 0);
});

function busy(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a page render: the event loop does nothing else meanwhile
  }
}

test("a JSON request that arrives behind a burst of page loads is answered before most of them", async () => {
  const lane = createLane();
  const finished: string[] = [];
  let firstStarted!: () => void;
  const started = new Promise<void>((resolve) => (firstStarted = resolve));
  const server = http.createServer((req, res) => {
    void (async () => {
      if (wantsDocument(req.headers.accept)) await lane.turn();
      if (req.url?.startsWith("/page")) {
        firstStarted();
        busy(15);
      }
      finished.push(req.url ?? "");
      res.end("ok");
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  // Kept-alive connections, as pupils' browsers hold them: a request on one is read as soon as it
  // arrives (a new connection waits to be accepted, one per turn).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 11 });
  const get = (url: string, accept: string) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get({ host: "127.0.0.1", port, path: url, agent, headers: { accept } });
      req.on("response", (res) => {
        res.resume();
        res.on("end", resolve);
      });
      req.on("error", reject);
    });
  await Promise.all(Array.from({ length: 11 }, (_, i) => get(`/warm/${i}`, "application/json")));
  finished.length = 0;
  try {
    const pages = Array.from({ length: 10 }, (_, i) => get(`/page/${i}`, "text/html"));
    await started;
    await Promise.all([...pages, get("/save", "application/json")]);
    const before = finished.indexOf("/save");
    assert.equal(finished.length, 11);
    // Without the lane the save is read after every page that had already arrived (it came last).
    assert.ok(before <= 4, `the save finished after ${before} of 10 pages: ${finished.join(" ")}`);
  } finally {
    agent.destroy();
    server.close();
  }
});
