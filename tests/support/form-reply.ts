// What a refused form's JSON answer says, for tests that post forms as data requests: Conform's
// reply (decision 017: `result.error`, the form-wide messages under "") or, while forms move, the
// older `{ errors, formError }`. Messages are dictionary keys; variables ("?minutes=14") are cut off.

export type Refusal = { fields: Record<string, string>; form: string[] };

const keyOf = (text: string) => text.split("?", 1)[0];

export function refusalOf(body: unknown): Refusal {
  const refusal: Refusal = { fields: {}, form: [] };
  if (!body || typeof body !== "object") return refusal;
  const reply = body as {
    result?: { error?: Record<string, string[] | null> };
    errors?: Record<string, string>;
    formError?: string;
  };
  for (const [name, list] of Object.entries(reply.result?.error ?? {})) {
    const first = list?.[0];
    if (!first) continue;
    if (name === "") refusal.form.push(keyOf(first));
    else refusal.fields[name] = keyOf(first);
  }
  for (const [name, key] of Object.entries(reply.errors ?? {})) {
    if (name === "form") refusal.form.push(key);
    else refusal.fields[name] = key;
  }
  if (reply.formError) refusal.form.push(reply.formError);
  return refusal;
}

/** Every message of a refusal, field and form-wide. */
export const refusalKeys = (body: unknown) => {
  const { fields, form } = refusalOf(body);
  return [...Object.values(fields), ...form];
};
