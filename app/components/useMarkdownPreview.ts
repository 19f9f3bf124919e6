// The live preview under a Markdown textarea (reviews, replies): 300 ms after the last
// keystroke, the text goes to /markdown-preview and the HTML comes back. A plain fetch,
// not a fetcher: a fetcher's POST revalidates every loader of the page, and a page whose
// loader redirects once the form has been saved (/write-a-review/:id sends a second visit
// to the review's edit page) would follow that redirect right after the save.
import { useCallback, useEffect, useRef, useState } from "react";
import { MARKDOWN_MAX_LENGTH } from "~/lib/markdown";

export function useMarkdownPreview(initialText: string) {
  const [length, setLength] = useState(initialText.length);
  const [html, setHtml] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const request = useRef<AbortController | null>(null);

  const stop = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    request.current?.abort();
  }, []);
  useEffect(() => stop, [stop]);

  function onInput(value: string) {
    setLength(value.length);
    stop();
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      request.current = controller;
      fetch("/markdown-preview", {
        method: "POST",
        body: new URLSearchParams({ body: value.slice(0, MARKDOWN_MAX_LENGTH) }),
        signal: controller.signal,
      })
        .then((r) => (r.ok ? (r.json() as Promise<{ html: string | null }>) : null))
        .then((d) => {
          if (d && !controller.signal.aborted) setHtml(d.html);
        })
        .catch(() => undefined);
    }, 300);
  }

  /** Forget the live preview (a new answer from the server replaces it). */
  const reset = useCallback(() => setHtml(null), []);

  return { length, html, onInput, stop, reset };
}
