// Applies the SQL migrations to DATABASE_URL and exits: what litefs.yml's `exec` runs on the
// LiteFS candidate (the machine that may become the primary) before the server starts. The
// server migrates at start-up too (db/client.server.ts), except on a replica, which opens its
// copy read-only; this step lets a failing migration stop the deploy before any request.
import { databaseFile, migrateDatabase, openDatabase } from "../db/client.server";

const file = databaseFile();
const startedAt = performance.now();
const db = openDatabase(file);
try {
  migrateDatabase(db);
  console.log(`Migrated ${file} in ${Math.round(performance.now() - startedAt)} ms.`);
} finally {
  db.$client.close();
}
