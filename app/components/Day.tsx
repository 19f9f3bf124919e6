import { calendarDate } from "~/i18n";
import { useT } from "~/i18n/react";

/** A day a post was published or edited, as the page shows it, machine-readable too. */
export function Day({ at }: { at: number }) {
  const { date } = useT();
  return <time dateTime={calendarDate(at)}>{date(at)}</time>;
}
