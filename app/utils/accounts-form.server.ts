// Answers of the account forms: a refused submission is a 400 (or 429) that is never cached.
import type { TypedResponse } from "@remix-run/node";
import type { MessageKey, Vars } from "~/i18n";
import { invalid, type FieldErrors, type FormFailure } from "./form.server";

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export type AccountsFailure = FormFailure & { formError?: MessageKey; formVars?: Vars };
export type AccountsFailureData = {
  ok: false;
  errors: FieldErrors;
  values: Record<string, string>;
  formError?: MessageKey;
  formVars?: Vars;
};

/** invalid() plus Cache-Control: no-store, and an optional form-wide message with variables. */
export function refuse(failure: AccountsFailure, status = 400): TypedResponse<AccountsFailureData> {
  const response = invalid(failure, status);
  response.headers.set("Cache-Control", "no-store");
  return response as unknown as TypedResponse<AccountsFailureData>;
}
