// One server process, for tests/integration/jobs.test.ts: opens the SQLite file it is given
// (already migrated by the test), waits for the agreed moment so that every contender
// ticks at once, runs one tick of a job runner with one job, and prints what happened as
// JSON on stdout: { holder, ran }. The job itself records its run in the database too.
//
//   node --import tsx tests/support/lease-contender.ts <database> <job name> <start at (ms)>
import { openDatabase } from "#db/client.server";
import { createJobRunner } from "~/models/jobs.server";

const [file, name, startAt] = process.argv.slice(2);
if (!file || !name || !startAt) throw new Error("usage: lease-contender.ts <database> <job name> <start at>");

const db = openDatabase(file);
const holder = `contender-${process.pid}`;
const runner = createJobRunner({
  db: () => db,
  holder,
  jobs: [
    {
      name,
      intervalMs: 60_000,
      run: ({ db: jobDb }) => {
        jobDb.$client.prepare(`INSERT INTO lease_test_runs (job, holder) VALUES (?, ?)`).run(name, holder);
      },
    },
  ],
});

// Every contender has loaded its modules and opened the file: now wait for the moment.
const wait = Number(startAt) - Date.now();
if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
const ran = await runner.tick();
await runner.stop();
db.$client.close();
process.stdout.write(`${JSON.stringify({ holder, ran: ran.includes(name) })}\n`);
