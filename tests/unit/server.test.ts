// Our server's decisions, without a socket: how a request reached us (client address, HTTPS), the
// session cookie's Secure flag, the same-site test, the throttling bucket, the body limit, the
// start-up banner, and the join link's QR code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { clientAddress, cookieSecure, requestProtocol } from "../../app/utils/transport";
import { crossSite } from "../../app/utils/same-site";
import { requestContextStorage } from "../../app/utils/request-context.server";
import { ipBucket } from "../../app/utils/client-ip.server";
import { joinLink } from "../../app/utils/join-link.server";
import { banner, lanAddresses } from "../../server/banner";
import { limitBody, publicPaths } from "../../server/app";
import { createLogger } from "../../server/log";
import { parseWorkers } from "../../server/workers";

/** The whole decision as the server and session.server.ts make it, for one request. */
function secureCookie(input: {
  encrypted: boolean;
  forwardedProto?: string;
  trustProxy: boolean;
  override?: "true" | "false";
}) {
  return cookieSecure(requestProtocol(input), input.override);
}

test("the session cookie is Secure exactly when the request came over HTTPS", () => {
  // HTTPS directly (a TLS socket)
  assert.equal(secureCookie({ encrypted: true, trustProxy: false }), true);
  // plain HTTP, e.g. http://192.168.1.23:3000 on the school LAN
  assert.equal(secureCookie({ encrypted: false, trustProxy: false }), false);
  // HTTPS through a trusted proxy that says so
  assert.equal(secureCookie({ encrypted: false, forwardedProto: "https", trustProxy: true }), true);
  assert.equal(secureCookie({ encrypted: false, forwardedProto: "http", trustProxy: true }), false);
  // the right-most entry is the proxy's own
  assert.equal(
    secureCookie({ encrypted: false, forwardedProto: "http, https", trustProxy: true }),
    true,
  );
  assert.equal(
    secureCookie({ encrypted: false, forwardedProto: "https, http", trustProxy: true }),
    false,
  );
  // the same header from anyone else (no TRUST_PROXY) changes nothing
  assert.equal(
    secureCookie({ encrypted: false, forwardedProto: "https", trustProxy: false }),
    false,
  );
  assert.equal(
    secureCookie({ encrypted: false, forwardedProto: "nonsense", trustProxy: true }),
    false,
  );
});

test("COOKIE_SECURE=true|false overrides the transport either way", () => {
  assert.equal(secureCookie({ encrypted: false, trustProxy: false, override: "true" }), true);
  assert.equal(secureCookie({ encrypted: true, trustProxy: false, override: "false" }), false);
  assert.equal(
    secureCookie({
      encrypted: false,
      forwardedProto: "https",
      trustProxy: true,
      override: "false",
    }),
    false,
  );
});

test("the client address is the socket's, and the right-most X-Forwarded-For only behind a trusted proxy", () => {
  assert.equal(
    clientAddress({ socketAddress: "::ffff:192.168.1.40", trustProxy: false }),
    "192.168.1.40",
  );
  assert.equal(
    clientAddress({ socketAddress: "192.168.1.40", forwardedFor: "10.9.9.9", trustProxy: false }),
    "192.168.1.40",
  );
  assert.equal(
    clientAddress({
      socketAddress: "127.0.0.1",
      forwardedFor: "6.6.6.6, 192.168.1.41",
      trustProxy: true,
    }),
    "192.168.1.41",
  );
  assert.equal(
    clientAddress({ socketAddress: "127.0.0.1", forwardedFor: "not-an-address", trustProxy: true }),
    "127.0.0.1",
  );
  assert.equal(clientAddress({ socketAddress: "127.0.0.1", trustProxy: true }), "127.0.0.1");
  assert.equal(clientAddress({ socketAddress: undefined, trustProxy: false }), undefined);
});

test("ipBucket: each client its own bucket from the server's context; a forged header is not read", () => {
  const forged = new Request("http://192.168.1.10:3000/join", {
    headers: { "X-Forwarded-For": "203.0.113.5" },
  });
  const run = (address: string | undefined) =>
    requestContextStorage().run({ clientAddress: address, protocol: "http" }, () =>
      ipBucket(forged),
    );
  assert.deepEqual(run("192.168.1.40"), { key: "ip:192.168.1.40", direct: false });
  assert.deepEqual(run("192.168.1.41"), { key: "ip:192.168.1.41", direct: false });
  assert.deepEqual(run("2001:db8::1"), { key: "ip:2001:db8::1", direct: false });
  // outside our server (e.g. remix dev) the address is unknown: the one shared bucket
  assert.deepEqual(ipBucket(forged), { key: "ip:direct", direct: true });
  assert.deepEqual(run(undefined), { key: "ip:direct", direct: true });
});

test("same-site test: X-Forwarded-Host counts only with TRUST_PROXY", () => {
  const base = {
    fetchSite: null,
    origin: "http://192.168.1.10:3000",
    host: "192.168.1.10:3000",
    trustProxy: false,
  };
  assert.equal(crossSite(base), false);
  assert.equal(crossSite({ ...base, origin: "https://evil.example" }), true);
  assert.equal(crossSite({ ...base, origin: "null" }), true);
  assert.equal(crossSite({ ...base, origin: null }), false);
  assert.equal(crossSite({ ...base, fetchSite: "same-site" }), true);
  // an attacker's page posting with a forged X-Forwarded-Host naming its own site
  assert.equal(
    crossSite({ ...base, origin: "https://evil.example", forwardedHost: "evil.example" }),
    true,
  );
  // behind our proxy, the public host is the one the browser used
  assert.equal(
    crossSite({
      ...base,
      origin: "https://telaah.sekolah.example",
      host: "127.0.0.1:3000",
      forwardedHost: "telaah.sekolah.example",
      trustProxy: true,
    }),
    false,
  );
});

test("the body limit fails as soon as the stream passes it, without reading the rest", async () => {
  let produced = 0;
  const endless = new Readable({
    read() {
      produced += 16 * 1024;
      this.push(Buffer.alloc(16 * 1024));
    },
  });
  await assert.rejects(
    pipeline(endless, limitBody(64 * 1024), async function* (source) {
      for await (const chunk of source) yield chunk;
    }),
    /body over 65536 bytes/,
  );
  assert.ok(produced < 2 * 1024 * 1024, `read ${produced} bytes of an endless body`);
  const small: Buffer[] = [];
  await pipeline(Readable.from([Buffer.from("a=1&b=2")]), limitBody(64 * 1024), async (source) => {
    for await (const chunk of source) small.push(chunk as Buffer);
  });
  assert.equal(Buffer.concat(small).toString(), "a=1&b=2");
});

const iface = (address: string, internal = false): os.NetworkInterfaceInfo =>
  ({
    address,
    family: "IPv4",
    internal,
    netmask: "255.255.255.0",
    mac: "00:00:00:00:00:00",
    cidr: null,
  }) as os.NetworkInterfaceInfo;

test("the start-up banner lists every network address, names the one for pupils, and warns", () => {
  const interfaces = {
    lo: [iface("127.0.0.1", true)],
    wlan0: [iface("192.168.1.23")],
    docker0: [iface("172.17.0.1")],
    eth1: [iface("36.80.1.2")],
  };
  assert.deepEqual(lanAddresses(interfaces), ["192.168.1.23", "172.17.0.1", "36.80.1.2"]);
  const out = banner({
    port: 3000,
    host: undefined,
    interfaces,
    trustProxy: false,
    cookieSecure: undefined,
  });
  const text = out.info.join("\n");
  assert.match(text, /http:\/\/localhost:3000/);
  for (const a of ["192.168.1.23", "172.17.0.1", "36.80.1.2"])
    assert.match(text, new RegExp(`http://${a.replaceAll(".", "\\.")}:3000`));
  assert.match(text, /Pupils on the same network \(Wi-Fi\) open: http:\/\/192\.168\.1\.23:3000/);
  assert.match(out.warnings.join("\n"), /plain HTTP on a network address/);

  const local = banner({
    port: 3000,
    host: "127.0.0.1",
    interfaces,
    trustProxy: true,
    cookieSecure: undefined,
  });
  assert.match(local.info.join("\n"), /Only this computer/);
  assert.doesNotMatch(local.info.join("\n"), /192\.168/);
  assert.match(local.warnings.join("\n"), /TRUST_PROXY=true/);
  assert.doesNotMatch(local.warnings.join("\n"), /listens on every interface/);

  const exposed = banner({
    port: 3000,
    host: undefined,
    interfaces,
    trustProxy: true,
    cookieSecure: "true",
    secretFile: { path: "/srv/session-secret", mode: 0o100644 },
  });
  const warnings = exposed.warnings.join("\n");
  assert.match(warnings, /listens on every interface/);
  assert.match(
    warnings,
    /session secret file \/srv\/session-secret can be read by other users \(mode 644\)/,
  );
  const insecureLan = banner({
    port: 3000,
    host: undefined,
    interfaces,
    trustProxy: false,
    cookieSecure: "true",
  });
  assert.match(insecureLan.warnings.join("\n"), /COOKIE_SECURE=true without a proxy/);
  assert.doesNotMatch(
    banner({
      port: 3000,
      host: undefined,
      interfaces,
      trustProxy: false,
      cookieSecure: undefined,
      secretFile: { path: "/x", mode: 0o100600 },
    }).warnings.join("\n"),
    /secret/,
  );
});

test("LOG_LEVEL=warn drops information lines and request logs, keeps warnings", () => {
  const out: string[] = [];
  const err: string[] = [];
  const quiet = createLogger(
    "warn",
    (l) => out.push(l),
    (l) => err.push(l),
  );
  quiet.info("request", { path: "/" });
  quiet.text("info", "Telaah is running.");
  quiet.text("warn", "Warning: something");
  assert.equal(out.length, 0);
  assert.deepEqual(err, ["Warning: something"]);
  const loud = createLogger(
    "info",
    (l) => out.push(l),
    (l) => err.push(l),
  );
  loud.info("request", { path: "/x", status: 200 });
  assert.deepEqual(
    { ...JSON.parse(out[0]), time: undefined },
    { time: undefined, level: "info", msg: "request", path: "/x", status: 200 },
  );
});

test("the join link follows the address the teacher uses, with a CSP-clean SVG QR code", async () => {
  const lan = await joinLink(new Request("http://192.168.1.23:3000/teacher/classes/4"), "ABCD2345");
  assert.equal(lan.url, "http://192.168.1.23:3000/join?code=ABCD2345");
  assert.equal(lan.loopback, false);
  assert.match(lan.qrDataUri, /^data:image\/svg\+xml;base64,/);
  const svg = Buffer.from(lan.qrDataUri.split(",")[1], "base64").toString("utf8");
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.doesNotMatch(svg, /style=|<style|<script|javascript:/i);
  const local = await joinLink(new Request("http://localhost:3000/teacher/classes/4"), "ABCD2345");
  assert.equal(local.loopback, true);
});

test("WEB_CONCURRENCY: unset or empty is one process per core, at most 2; 1–64 as given; anything else refuses to start", () => {
  assert.equal(parseWorkers(undefined, 1), 1);
  assert.equal(parseWorkers(undefined, 2), 2);
  assert.equal(parseWorkers("", 16), 2);
  assert.equal(parseWorkers("1", 16), 1);
  assert.equal(parseWorkers(" 2 "), 2);
  assert.equal(parseWorkers("64"), 64);
  for (const bad of ["0", "65", "-1", "2.5", "two", "1e1", "0x2", "999"])
    assert.equal(parseWorkers(bad), null, bad);
});

test("only paths under public/'s own entries are looked up on disk; pages and the build's assets are not", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-public-"));
  try {
    fs.writeFileSync(path.join(dir, "favicon.ico"), "");
    fs.mkdirSync(path.join(dir, "build"));
    fs.mkdirSync(path.join(dir, "fonts"));
    const isPublic = publicPaths(dir, "/build/");
    assert.equal(isPublic("/favicon.ico"), true);
    assert.equal(isPublic("/fonts/a.woff2"), true);
    // the build's assets have their own static handler
    assert.equal(isPublic("/build/entry.client-X.js"), false);
    // pages and the page script's requests never wait for a file lookup
    assert.equal(isPublic("/pupil/attempts/7/answers"), false);
    assert.equal(isPublic("/"), false);
    assert.equal(isPublic("/favicon.ico.bak"), false);
    // escaped as express.static would decode it; a malformed escape is no file
    assert.equal(isPublic("/%66avicon.ico"), true);
    assert.equal(isPublic("/%E0%A4%A"), false);
    // no public/ at all: nothing is looked up
    assert.equal(publicPaths(path.join(dir, "missing"), "/build/")("/favicon.ico"), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
