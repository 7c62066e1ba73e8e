// Ids from URLs and forms: a positive whole number, or a 404 exactly like a missing row.
import { notFound } from "~/utils/http.server";
export function parseId(param: FormDataEntryValue | string | null | undefined): number {
  if (typeof param !== "string" || !/^[1-9][0-9]{0,15}$/.test(param)) notFound();
  const id = Number(param);
  if (!Number.isSafeInteger(id)) notFound();
  return id;
}
