// A lesson file answered as a download, with the resource-route headers.
import { applySecurityHeaders } from "./headers.server";

export function markdownDownload(text: string, slug: string): Response {
  const headers = new Headers({
    "Content-Type": "text/markdown; charset=utf-8",
    // Slugs are [a-z0-9-] only (the schema says so), so the name needs no quoting.
    "Content-Disposition": `attachment; filename="${slug}.md"`,
    "Cache-Control": "no-store",
  });
  applySecurityHeaders(headers);
  return new Response(text, { status: 200, headers });
}
