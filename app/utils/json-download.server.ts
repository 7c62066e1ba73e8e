// A JSON file answered as a download: never cached, never sniffed, with the resource-route headers.
import { applySecurityHeaders } from "./headers.server";

export function jsonDownload(data: unknown, fileName: string): Response {
  const headers = new Headers({
    "Content-Type": "application/json; charset=utf-8",
    // The name is built from ids and a date only, so it needs no quoting beyond this.
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Cache-Control": "no-store",
  });
  applySecurityHeaders(headers);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { status: 200, headers });
}
