// The honeypot field of public forms: people never see it, form-filling bots tend to fill it.
export const HONEYPOT_FIELD = "contact_url";

export function honeypotFilled(form: FormData): boolean {
  const value = form.get(HONEYPOT_FIELD);
  return typeof value === "string" && value.length > 0;
}
