/** Runs `work` and answers no sooner than `ms` after the start, so that the answers of the
 *  anonymous account forms (log-in, sign-up, reset) take the same time whatever the email:
 *  the database writes and the mail of one branch are hidden under the floor. */
export async function withMinimumDuration<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    const left = ms - (performance.now() - start);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}

/** The floor of the anonymous account forms. */
export const AUTH_FLOOR_MS = 250;
