import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { registerMessages, type Locale } from "~/i18n";

// The page's language only (the server rendered it; the other language is a full page
// load away): its messages are one chunk, registered before React hydrates.
const locale: Locale = document.documentElement.lang === "en" ? "en" : "fr";
const messages = locale === "en" ? await import("virtual:i18n/en") : await import("virtual:i18n/fr");
registerMessages(locale, messages.default);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
