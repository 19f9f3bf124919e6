// Limits of user-written Markdown, shared by the forms (client) and the server.

/** Longest Markdown body accepted for a review, reply or follow-up. */
export const MARKDOWN_MAX_LENGTH = 5_000;
