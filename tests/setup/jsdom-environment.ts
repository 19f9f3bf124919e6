// jsdom for component tests, keeping Node's own AbortController and AbortSignal: Node 22+
// and 24's fetch (undici) accept only its own AbortSignal in `new Request(…, { signal })`,
// which Remix's router builds on every navigation (vitest-dev/vitest#8374). Nothing in
// jsdom that these tests use needs jsdom's AbortSignal.
import type { Environment } from "vitest/environments";
import { builtinEnvironments } from "vitest/environments";

export default <Environment>{
  name: "jsdom-with-node-abort",
  transformMode: "web",
  async setup(global, options) {
    const { AbortController, AbortSignal } = global;
    const jsdom = await builtinEnvironments.jsdom.setup(global, options);
    global.AbortController = AbortController;
    global.AbortSignal = AbortSignal;
    return { teardown: (g: typeof globalThis) => jsdom.teardown(g) };
  },
};
