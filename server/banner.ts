// What the server says when it starts: where it can be reached, which address pupils should use,
// and settings that will surprise. Pure (the inputs are passed in) so a unit test can read it.
import type os from "node:os";

export type BannerInput = {
  port: number;
  /** The HOST it listens on; undefined = every interface. */
  host: string | undefined;
  interfaces: ReturnType<typeof os.networkInterfaces>;
  trustProxy: boolean;
  cookieSecure: "true" | "false" | undefined;
  /** Mode bits of the session secret file, when the secret comes from a file. */
  secretFile?: { path: string; mode: number };
};

const LOOPBACK = /^(127\.|localhost$|::1$)/;

/** Non-internal IPv4 addresses, private-range (LAN) ones first. */
export function lanAddresses(interfaces: BannerInput["interfaces"]): string[] {
  const all = Object.values(interfaces)
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => Boolean(i) && i!.family === "IPv4" && !i!.internal)
    .map((i) => i.address);
  const isPrivate = (a: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a);
  return [...new Set([...all.filter(isPrivate), ...all.filter((a) => !isPrivate(a))])];
}

export function banner(input: BannerInput): { info: string[]; warnings: string[] } {
  const { port } = input;
  const info: string[] = [];
  const warnings: string[] = [];
  const listensEverywhere = !input.host || input.host === "0.0.0.0" || input.host === "::";
  const lan = listensEverywhere
    ? lanAddresses(input.interfaces)
    : LOOPBACK.test(input.host!)
      ? []
      : [input.host!];
  info.push("Telaah is running. / Telaah sudah berjalan.");
  if (listensEverywhere || LOOPBACK.test(input.host!))
    info.push(`  On this computer:  http://localhost:${port}`);
  for (const address of lan) info.push(`  On the network:    http://${address}:${port}`);
  if (lan.length) {
    info.push(`Pupils on the same network (Wi-Fi) open: http://${lan[0]}:${port}`);
    info.push(`Siswa di jaringan yang sama (Wi-Fi) membuka: http://${lan[0]}:${port}`);
    if (lan.length > 1)
      info.push("  (several networks: give pupils the address of the network they are on)");
  } else {
    info.push(
      "Only this computer can reach it (no network address). / Hanya komputer ini yang bisa membukanya.",
    );
  }
  if (lan.length && !input.trustProxy)
    warnings.push(
      "Warning: plain HTTP on a network address: anyone on this network can read what is sent. Fine for a school LAN; use HTTPS through a reverse proxy (README, Running it for a school) if the network is shared with strangers.",
    );
  if (input.trustProxy)
    warnings.push(
      "Warning: TRUST_PROXY=true: client addresses and https are taken from X-Forwarded-For/-Proto. Only correct behind a reverse proxy you run, with this server unreachable except through it (HOST=127.0.0.1).",
    );
  if (input.trustProxy && !LOOPBACK.test(input.host ?? ""))
    warnings.push(
      "Warning: TRUST_PROXY=true but the server listens on every interface: a client that reaches it directly can claim any address. Set HOST=127.0.0.1.",
    );
  if (input.cookieSecure === "true" && lan.length && !input.trustProxy)
    warnings.push(
      "Warning: COOKIE_SECURE=true without a proxy: over plain http:// browsers drop the session cookie and nobody stays signed in. Remove COOKIE_SECURE (it follows the request: Secure over https).",
    );
  if (input.secretFile && (input.secretFile.mode & 0o077) !== 0)
    warnings.push(
      `Warning: the session secret file ${input.secretFile.path} can be read by other users (mode ${(input.secretFile.mode & 0o777).toString(8)}): chmod 600 it.`,
    );
  return { info, warnings };
}
