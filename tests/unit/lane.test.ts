// HTML documents take turns (server/lane.ts, decision 127): which requests wait, in what order,
// and that a small JSON request arriving behind a burst of page loads is answered before them:
// with the lane alone, and through our whole HTTP stack (server/app.ts's createApp) with a small
// stand-in build, where a browser that leaves while its page waits also gets nothing rendered.
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server/app";
import { createLane, wantsDocument } from "../../server/lane";
import { createLogger } from "../../server/log";
import { requestContext } from "../../app/utils/request-context.server";
import { standInBuild } from "../support/stand-in-build";

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

/**
 * A client on kept-alive connections, as pupils' browsers hold them: a request on one is read as
 * soon as it arrives (a new connection waits to be accepted, one per turn of the event loop, which
 * would spread a burst out by itself). `warm` opens the connections.
 */
function keptAlive(port: number, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const send = (path: string, accept: string) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent, headers: { accept } });
    const done = new Promise<number>((resolve, reject) => {
      req.on("response", (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
    });
    return { req, done };
  };
  return {
    send,
    warm: () =>
      Promise.all(
        Array.from({ length: sockets }, (_, i) => send(`/save?warm=${i}`, "application/json").done),
      ),
    close: () => agent.destroy(),
  };
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
  const client = keptAlive((server.address() as AddressInfo).port, 11);
  await client.warm();
  finished.length = 0;
  try {
    const pages = Array.from({ length: 10 }, (_, i) => client.send(`/page/${i}`, "text/html").done);
    await started;
    await Promise.all([...pages, client.send("/save", "application/json").done]);
    const before = finished.indexOf("/save");
    assert.equal(finished.length, 11);
    // Without the lane the save is read after every page that had already arrived (it came last).
    assert.ok(before <= 4, `the save finished after ${before} of 10 pages: ${finished.join(" ")}`);
  } finally {
    client.close();
    server.close();
  }
});

/** Resource routes only, so Remix answers with the loader's response and no document render. */
const laneBuild = (onLoad: (name: string, clientAddress: string | undefined) => void) =>
  standInBuild({
    page: {
      path: "page/:name",
      loader: ({ params }) => {
        onLoad(`page ${params.name}`, requestContext()?.clientAddress);
        busy(15);
        return new Response("page");
      },
    },
    save: {
      path: "save",
      loader: () => {
        onLoad("save", requestContext()?.clientAddress);
        return Response.json({ ok: true });
      },
    },
  });

async function serve(onLoad: (name: string, clientAddress: string | undefined) => void) {
  const app = createApp({
    build: laneBuild(onLoad),
    mode: "production",
    trustProxy: false,
    log: createLogger("silent"),
  });
  const arrived: Array<(url: string) => void> = [];
  const server = http.createServer((req, res) => {
    for (const listener of arrived) listener(req.url ?? "");
    void app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const client = keptAlive((server.address() as AddressInfo).port, 12);
  await client.warm();
  return {
    send: client.send,
    onArrival: (listener: (url: string) => void) => arrived.push(listener),
    close: () => {
      client.close();
      server.close();
    },
  };
}

test("through the app: a save sent while ten page loads wait is answered before most of them, with its request context", async () => {
  const loads: Array<{ name: string; clientAddress: string | undefined }> = [];
  let firstPage!: () => void;
  const pageStarted = new Promise<void>((resolve) => (firstPage = resolve));
  const app = await serve((name, clientAddress) => {
    loads.push({ name, clientAddress });
    if (name.startsWith("page")) firstPage();
  });
  try {
    loads.length = 0;
    const pages = Array.from({ length: 10 }, (_, i) => send(`/page/${i}`));
    function send(path: string) {
      return app.send(path, "text/html,application/xhtml+xml,*/*;q=0.8").done;
    }
    await pageStarted;
    const statuses = await Promise.all([...pages, app.send("/save", "application/json").done]);
    assert.deepEqual(new Set(statuses), new Set([200]));
    const order = loads.map((l) => l.name);
    assert.ok(
      order.indexOf("save") <= 4,
      `the save ran after ${order.indexOf("save")} of 10 pages: ${order.join(", ")}`,
    );
    // pages in the order they came
    assert.deepEqual(
      order.filter((name) => name !== "save"),
      Array.from({ length: 10 }, (_, i) => `page ${i}`),
    );
    // the request context (middleware 1) is still there after a document's wait
    for (const load of loads) assert.equal(load.clientAddress, "127.0.0.1", load.name);
  } finally {
    app.close();
  }
});

test("through the app: a page whose browser left while it waited for its turn is not rendered", async () => {
  const loads: string[] = [];
  let firstPage!: () => void;
  const pageStarted = new Promise<void>((resolve) => (firstPage = resolve));
  const app = await serve((name) => {
    loads.push(name);
    if (name.startsWith("page")) firstPage();
  });
  try {
    loads.length = 0;
    const html = "text/html";
    const pages = Array.from({ length: 6 }, (_, i) => app.send(`/page/${i}`, html).done);
    await pageStarted;
    // The leaving browser's request has reached the server (it is queued behind five pages of
    // 15 ms each) when its connection closes.
    const gone = app.send("/page/gone", html);
    gone.done.catch(() => undefined);
    const reached = new Promise<void>((resolve) =>
      app.onArrival((url) => {
        if (url !== "/page/gone") return;
        gone.req.destroy();
        resolve();
      }),
    );
    await reached;
    // sent after it, so answered after its turn came
    const last = app.send("/page/last", html).done;
    await Promise.all([...pages, last]);
    assert.deepEqual(loads, [0, 1, 2, 3, 4, 5].map((i) => `page ${i}`).concat("page last"));
  } finally {
    app.close();
  }
});
