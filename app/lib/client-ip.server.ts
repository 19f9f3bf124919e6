// The client's IP address, given to Remix by server.ts through getLoadContext
// (Express's req.ip: the socket address, or the address the first proxy saw when
// TRUST_PROXY is set). Never read X-Forwarded-For here: it is the client's to forge.
import type { AppLoadContext } from "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    clientIp?: string;
  }
}

export function clientIp(context: AppLoadContext | undefined): string {
  return context?.clientIp || "unknown";
}
