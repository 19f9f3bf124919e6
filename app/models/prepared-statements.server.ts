// Statements prepared once per database connection: better-sqlite3 compiles a statement when
// it is prepared, and a statement belongs to its connection (tests open one per file).
import type { Db } from "#db/client.server";

export type Client = Db["$client"];

/** `prepare`'s statements for a connection, prepared on its first use and kept with it. */
export function preparedPerConnection<T>(prepare: (client: Client) => T): (client: Client) => T {
  const prepared = new WeakMap<Client, T>();
  return (client) => {
    let s = prepared.get(client);
    if (!s) {
      s = prepare(client);
      prepared.set(client, s);
    }
    return s;
  };
}
