// `npm run teacher:reset-password -- <email>`: for the person who runs the server. Prints a one-time
// link (valid one hour) where that teacher sets a new password; their sessions end when they do.
// The link's address: PUBLIC_URL if set (e.g. http://192.168.1.10:3000), else http://localhost:PORT.
import { closeDatabase } from "~/db.server";
import { createResetToken, RESET_LINK_TTL_MS } from "~/models/recovery.server";

const email = process.argv.slice(2).find((a) => !a.startsWith("-"));
if (!email) {
  console.error("usage: npm run teacher:reset-password -- <email>");
  process.exit(2);
}

function baseUrl(): string {
  const configured = process.env.PUBLIC_URL?.trim();
  if (configured) {
    try {
      const url = new URL(configured);
      if (url.protocol === "http:" || url.protocol === "https:")
        return url.origin + url.pathname.replace(/\/+$/, "");
    } catch {
      // reported below
    }
    console.error(
      `teacher:reset-password: PUBLIC_URL is not an http(s) address: ${JSON.stringify(configured)}`,
    );
    process.exit(2);
  }
  return `http://localhost:${process.env.PORT ?? "3000"}`;
}

const base = baseUrl();
const made = await createResetToken({ email });
closeDatabase();
if (!made) {
  console.error(
    `teacher:reset-password: no teacher account with the email ${JSON.stringify(email)}`,
  );
  process.exit(1);
}
const path = `/teacher/reset?token=${made.token}`;
console.log(
  `Reset link for ${made.name} <${email.trim().toLowerCase()}>, valid for ${RESET_LINK_TTL_MS / 60_000} minutes, once:`,
);
console.log(`${base}${path}`);
if (!process.env.PUBLIC_URL)
  console.log(
    `(Set PUBLIC_URL to the address teachers use, or give the teacher the path ${path} on that address.)`,
  );
console.log("Any older reset link of this teacher no longer works.");
