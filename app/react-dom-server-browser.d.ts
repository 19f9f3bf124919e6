// react-dom 18 ships the web-streams renderer as "react-dom/server.browser" without types
// of its own; they are the ones of "react-dom/server" (app/entry.server.tsx uses it).
declare module "react-dom/server.browser" {
  export { renderToReadableStream } from "react-dom/server";
}
