// The writing side of `npm run bench`: reviews written at a steady rate while the read mix
// runs, in a process of their own (as a second server process would), through the review
// model the form's action calls (createReview: its checks, counters, search index, data
// versions and mails, in one BEGIN IMMEDIATE transaction each).
//
//   DATABASE_URL=… BENCH_WRITES_PER_SECOND=200 BENCH_WRITE_SECONDS=8 tsx scripts/bench-writer.ts
//
// It prints "ready" once it has read the ids it picks from, starts writing on the next line
// of its standard input, and prints one JSON line when done: the reviews written, refused
// (a model's "no": not an error) and failed (an exception, such as SQLITE_BUSY), and the
// p50 and p99 of one write in ms.
import readline from "node:readline";
import { closeDb, getDb } from "../db/client.server";
import { isoDate, reviewSchema } from "../app/lib/review-schema";
import { createReview } from "../app/models/review-submission.server";

const perSecond = Number(process.env.BENCH_WRITES_PER_SECOND ?? 200);
const seconds = Number(process.env.BENCH_WRITE_SECONDS ?? 8);
const TICK_MS = 50;

const db = getDb();
const users = db.$client
  .prepare<[], { id: number }>(`SELECT id FROM users WHERE role = 'member' AND deleted_at IS NULL AND suspended_at IS NULL`)
  .all();
const subjects = db.$client.prepare<[], { id: number }>(`SELECT id FROM subjects WHERE state = 'active'`).all();
if (users.length === 0 || subjects.length === 0) throw new Error("no member or no active subject to write with");

const OPENINGS = ["Passage en magasin", "Commande sur le site", "Appel au service client", "Livraison reçue", "Visite rapide"];
const MIDDLES = [
  "l'accueil était aimable et la file d'attente courte",
  "le produit correspond à la description, bien emballé",
  "il a fallu relancer deux fois pour obtenir une réponse",
  "les prix sont affichés clairement, sans surprise en caisse",
  "le remboursement est arrivé en quelques jours",
];
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;

function input(n: number) {
  const stars = 1 + Math.floor(Math.random() * 5);
  return reviewSchema.parse({
    stars: String(stars),
    title: `${pick(OPENINGS)} n° ${n}`,
    body: `${pick(OPENINGS)} le ${(n % 28) + 1} du mois : ${pick(MIDDLES)}. Ensuite, ${pick(MIDDLES)}. Note ${stars} sur 5, écrite pour le banc d'essai ${process.pid}-${n}.`,
    experienceDate: isoDate(Date.now() - 3 * 86_400_000),
    channel: pick(["store", "website", "phone", "delivery"]),
    recommend: stars >= 3 ? "yes" : "no",
    attestation: "on",
  });
}

const result = { written: 0, refused: 0, failed: 0, p50: 0, p99: 0, errors: [] as string[] };
const times: number[] = [];
let n = 0;

function writeOne() {
  const startedAt = performance.now();
  try {
    const outcome = createReview({
      actor: { id: pick(users).id, role: "member" },
      subjectId: pick(subjects).id,
      input: input(++n),
      locale: "fr",
      ipHash: null,
    });
    if (outcome.ok) result.written++;
    else result.refused++;
  } catch (error) {
    result.failed++;
    if (result.errors.length < 5) result.errors.push(String(error));
  }
  times.push(performance.now() - startedAt);
}

console.log("ready");
await new Promise<void>((resolve) => readline.createInterface({ input: process.stdin }).once("line", () => resolve()));

// Each tick writes what the rate owes since the start: a slow write is caught up, not lost.
const startedAt = performance.now();
const total = perSecond * seconds;
await new Promise<void>((resolve) => {
  const timer = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - startedAt) / 1000) * perSecond));
    while (n < due) writeOne();
    if (n >= total) {
      clearInterval(timer);
      resolve();
    }
  }, TICK_MS);
});
const sorted = times.sort((a, b) => a - b);
result.p50 = sorted[Math.floor(sorted.length * 0.5)] ?? 0;
result.p99 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0;
console.log(
  JSON.stringify({ ...result, max: sorted.at(-1) ?? 0, sum: sorted.reduce((a, b) => a + b, 0), elapsedMs: performance.now() - startedAt }),
);
closeDb();
