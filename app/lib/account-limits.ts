// The limits of the account forms that their pages show (lengths, the honeypot's name),
// without the schemas of app/lib/account-forms.ts that enforce them: the log-in, sign-up
// and password pages import only these, so that the browser loads no validation library.
import type { MessageKey } from "~/i18n";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** The length rule: in characters (code points), any characters, no composition rules. */
export function passwordLengthProblem(password: string): MessageKey | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return "validation.passwordShort";
  if (length > PASSWORD_MAX) return "validation.passwordLong";
  return null;
}

export const DISPLAY_NAME_MAX = 50;

/** The name of the sign-up form's honeypot field: hidden from people, filled by naive bots. */
export const HONEYPOT = "website";
