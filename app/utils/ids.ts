// Ids from URLs and forms: a positive whole number, or a 404 exactly like a missing row.
export function parseId(param: FormDataEntryValue | string | null | undefined): number {
  if (typeof param !== "string" || !/^[1-9][0-9]{0,15}$/.test(param)) throw new Response("Not found", { status: 404 });
  const id = Number(param);
  if (!Number.isSafeInteger(id)) throw new Response("Not found", { status: 404 });
  return id;
}
