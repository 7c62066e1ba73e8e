// Reads a refused form's messages from an action's JSON answer, by field ("form" for the whole
// form): the Conform reply of decision 017 ({ result: { error } }), or the older { errors } shape
// of forms not yet moved. A message with variables ("key?n=3") reads as its key.
export function refusalMessages(body: unknown): Record<string, string> {
  if (!body || typeof body !== "object") return {};
  const out: Record<string, string> = {};
  const result = (body as { result?: { error?: Record<string, string[] | null> } }).result;
  if (result?.error) {
    for (const [name, list] of Object.entries(result.error)) {
      const first = list?.[0];
      if (first) out[name === "" ? "form" : name] = first.split("?", 1)[0];
    }
    return out;
  }
  const old = body as { errors?: Record<string, string>; formError?: string };
  Object.assign(out, old.errors ?? {});
  if (old.formError) out.form = old.formError;
  return out;
}
