// jsdom for component tests, keeping Node's own AbortController, AbortSignal and
// URLSearchParams: Node 22+ and 24's fetch (undici) accept only its own in
// `new Request(…, { signal, body })`, which Remix's router builds on every navigation and
// submission (vitest-dev/vitest#8374). Nothing in jsdom that these tests use needs jsdom's.
import type { Environment } from "vitest/environments";
import { builtinEnvironments } from "vitest/environments";

export default <Environment>{
  name: "jsdom-with-node-abort",
  transformMode: "web",
  async setup(global, options) {
    const { AbortController, AbortSignal, URLSearchParams } = global;
    const jsdom = await builtinEnvironments.jsdom.setup(global, options);
    global.AbortController = AbortController;
    global.AbortSignal = AbortSignal;
    // Remix serialises a submitted form as URLSearchParams for `new Request(…, { body })`:
    // Node 24's fetch reads only its own as a form body (jsdom's became "[object …]"),
    // while Node 20's reads only jsdom's (both tested; 22 is taken to be as 24).
    if (Number(process.versions.node.split(".")[0]) >= 22) global.URLSearchParams = URLSearchParams;
    return { teardown: (g: typeof globalThis) => jsdom.teardown(g) };
  },
};
