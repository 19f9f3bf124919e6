// The shipped list of common breached passwords (see breached-passwords.md for its origin).
// Imported as text so that it is part of the server bundle: no file path to resolve at run time.
import list from "./breached-passwords.txt?raw";

let set: Set<string> | undefined;

function passwords() {
  set ??= new Set(list.split("\n").filter((line) => line.length > 0));
  return set;
}

/** True when the password, ignoring case, is one of the most common breached passwords. */
export function isBreachedPassword(password: string): boolean {
  return passwords().has(password.toLowerCase());
}

export function breachedPasswordCount() {
  return passwords().size;
}
