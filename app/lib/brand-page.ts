// The head every /brand/:slug page shares: the brand stylesheet (and any of the page's own
// after it) and a private page's title. Client-safe: `links` and `meta` run in the browser.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import type { MessageKey } from "~/i18n";
import brandStyles from "~/styles/brand.css?url";
import { privatePageMeta } from "./auth-meta";

export function brandPageLinks(...pageStyles: string[]): LinksFunction {
  return () => [brandStyles, ...pageStyles].map((href) => ({ rel: "stylesheet", href }));
}

export function brandPageMeta(title: MessageKey): MetaFunction {
  return ({ matches }) => privatePageMeta(matches, title);
}
