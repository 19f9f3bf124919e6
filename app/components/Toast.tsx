import type { ReactNode } from "react";

/** A one-shot message after a redirect ("Your password is changed"): a polite live region
 *  at the top of the page, readable without JavaScript. */
export function Toast({ children, tone = "success" }: { children?: ReactNode; tone?: "success" | "info" }) {
  if (!children) return null;
  return (
    <div className={`toast toast--${tone}`} role="status">
      {children}
    </div>
  );
}
