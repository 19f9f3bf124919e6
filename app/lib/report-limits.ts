// What the /report page shows of its form (the parts of a thread one can report, the
// lengths, the honeypot's name, the variables of its messages), without the schema of
// app/lib/report-form.ts that enforces them: the page imports only these.
import { FLAG_EXPLANATION_MAX_LENGTH, FLAG_EXPLANATION_MIN_LENGTH } from "~/lib/flag-policy";

export const REPORT_TARGETS = ["review", "reply", "follow_up"] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];

export const REPORT_NAME_MAX_LENGTH = 100;
export const REPORT_URL_MAX_LENGTH = 500;
export const REPORT_EXPLANATION_MIN_LENGTH = FLAG_EXPLANATION_MIN_LENGTH;
export const REPORT_EXPLANATION_MAX_LENGTH = FLAG_EXPLANATION_MAX_LENGTH;

/** The name of the honeypot field: hidden from people, filled by naive bots. */
export const REPORT_HONEYPOT = "website";

/** The variables of the report's messages (`example`: a link to a review of this site). */
export function reportMessageVars(origin: string) {
  return { min: REPORT_EXPLANATION_MIN_LENGTH, max: REPORT_EXPLANATION_MAX_LENGTH, example: `${origin}/reviews/123` };
}

/** The name's messages have their own limit. */
export function reportNameVars(vars: ReturnType<typeof reportMessageVars>) {
  return { ...vars, max: REPORT_NAME_MAX_LENGTH };
}
