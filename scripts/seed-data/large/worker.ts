// The review batches of the large data set from a worker thread, which composes the next
// batches while the main thread writes the current one (or, without a worker, from the
// calling thread: same batches).
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { generateBatches } from "./generator";
import type { Batch, GeneratorInput } from "./types";

const ROLE = "replique-large-generator";

// The worker: generates batches and keeps at most two ahead of the writer.
if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
  const port = parentPort!;
  const input = (workerData as { input: GeneratorInput }).input;
  let credits = 2;
  let wake: (() => void) | null = null;
  port.on("message", () => {
    credits++;
    wake?.();
    wake = null;
  });
  (async () => {
    for (const batch of generateBatches(input)) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      port.postMessage(batch);
    }
    port.postMessage(null);
  })();
}

/** Batches from a worker thread (or, without one, from this thread). */
export async function* batches(input: GeneratorInput, useWorker: boolean): AsyncGenerator<Batch> {
  if (!useWorker) {
    yield* generateBatches(input);
    return;
  }
  // This file is TypeScript: the worker registers tsx's loader, then imports it.
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { role: ROLE, input } });
  const queue: Array<Batch | null> = [];
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  worker.on("message", (m: Batch | null) => {
    queue.push(m);
    wake?.();
  });
  worker.on("error", (e) => {
    failure = e;
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      const b = queue.shift()!;
      if (b === null) return;
      yield b;
      worker.postMessage("next");
    }
  } finally {
    await worker.terminate();
  }
}
