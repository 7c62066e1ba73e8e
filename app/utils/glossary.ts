// Finds glossary terms in a paragraph so the reader can mark them: pure, shared by server and browser.

export type Segment = { text: string } | { text: string; term: string; definition: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Splits a paragraph into plain text and glossary terms: each term's first occurrence in the
 * paragraph, matched whole-word and case-insensitively (letters, digits and dashes around it end a
 * word), longer terms first so "bukti konkret" wins over a shorter overlapping term. The text keeps
 * its own spelling; the term names the glossary entry.
 */
export function glossarySegments(
  text: string,
  glossary: readonly { term: string; definition: string }[],
): Segment[] {
  const found: { start: number; end: number; term: string; definition: string }[] = [];
  const sorted = [...glossary].sort((a, b) => b.term.length - a.term.length);
  for (const g of sorted) {
    if (!g.term.trim()) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}-])${escape(g.term)}(?![\\p{L}\\p{N}-])`, "iu");
    const m = re.exec(text);
    if (!m) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => start < f.end && end > f.start)) continue;
    found.push({ start, end, term: g.term, definition: g.definition });
  }
  found.sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const f of found) {
    if (f.start > at) out.push({ text: text.slice(at, f.start) });
    out.push({ text: text.slice(f.start, f.end), term: f.term, definition: f.definition });
    at = f.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
