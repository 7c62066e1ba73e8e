// Sign-out (POST only): deletes the session row, so a replayed cookie is refused, and clears cookies.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { readForm } from "~/utils/form.server";
import { destroySession } from "~/utils/session.server";

// A GET never signs anyone out (a link or prefetch must not); it just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  const cookie = await destroySession(request);
  return redirect("/", {
    headers: {
      "Set-Cookie": cookie,
      // Shared school computers: also drop anything else this site left in the browser.
      "Clear-Site-Data": '"cookies"',
      "Cache-Control": "no-store",
    },
  });
}
