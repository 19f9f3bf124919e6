// The two review-snippet checkers the SEO test runs (tests/integration/reading-documents.test.ts)
// ship JavaScript without types: what the test uses of them.
declare module "@adobe/structured-data-validator" {
  export default class Validator {
    constructor(schemaOrgJson?: unknown);
    /** The handlers of each type, in order (for a Product: its review-snippet rules, then its merchant-listing rules). */
    registeredHandlers: Record<string, (() => Promise<unknown>)[]>;
    validate(extracted: unknown): Promise<{ severity: "ERROR" | "WARNING"; issueMessage: string; path: unknown }[]>;
  }
}

declare module "@marbec/web-auto-extractor" {
  export default class WebAutoExtractor {
    constructor(options?: { addLocation?: boolean; embedSource?: string[] });
    parse(html: string): { jsonld: Record<string, unknown[]>; microdata: unknown; rdfa: unknown };
  }
}
