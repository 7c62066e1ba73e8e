// The class's join link as the teacher's own browser reaches this server, and its QR code (SVG,
// made on the server) for the projector: pupils on the same network scan it to join.
import QRCode from "qrcode";

const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/** A QR code of the address as an SVG data address, for an <img>. */
async function qrDataUriOf(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  // Shown as an <img>: no markup of the library's in our page. It draws with attributes only
  // (no style=), which the CSP (style-src 'self') would refuse inline; checked in tests/unit.
  return `data:image/svg+xml;base64,${Buffer.from(svg.replace(/\sstyle="[^"]*"/g, "")).toString("base64")}`;
}

export async function joinLink(request: Request, joinCode: string) {
  // Our server builds the request URL from the Host the teacher's browser sent (X-Forwarded-Host
  // only behind a trusted proxy), so this is the address the teacher is using.
  const origin = new URL(request.url);
  const url = `${origin.origin}/join?code=${encodeURIComponent(joinCode)}`;
  return { url, qrDataUri: await qrDataUriOf(url), loopback: LOOPBACK_HOST.test(origin.hostname) };
}

/** The pupil sign-in page with the class code filled in, and its QR code: what a sign-in card carries. */
export async function signInLink(request: Request, joinCode: string) {
  const origin = new URL(request.url);
  const url = `${origin.origin}/pupil/login?code=${encodeURIComponent(joinCode)}`;
  return {
    url,
    plainUrl: `${origin.origin}/pupil/login`,
    qrDataUri: await qrDataUriOf(url),
    loopback: LOOPBACK_HOST.test(origin.hostname),
  };
}
