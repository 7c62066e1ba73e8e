// The language switch: remembers the choice in a cookie and goes back where the person was.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { langCookie } from "~/i18n/lang.server";
import { safeRedirect } from "~/utils/auth.server";
import { parseForm } from "~/utils/form.server";

export async function loader() {
  return redirect("/");
}

/** The switch's two fields; `redirectTo` is checked by safeRedirect (a path on this site). */
const langSchema = z.object({
  lang: z.enum(["id", "en"]),
  redirectTo: z.string().optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, langSchema);
  const sentTo = submission.payload.redirectTo;
  const to = safeRedirect(typeof sentTo === "string" ? sentTo : null, "/");
  // A language we do not have changes nothing: back to the page, as before.
  if (submission.status !== "success") return redirect(to);
  return redirect(to, {
    headers: { "Set-Cookie": await langCookie.serialize(submission.value.lang) },
  });
}
