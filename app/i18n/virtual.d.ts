// The one-language message chunks made by vite.config.ts for the browser.
declare module "virtual:i18n/*" {
  const messages: Record<string, string>;
  export default messages;
}
