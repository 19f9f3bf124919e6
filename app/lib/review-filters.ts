import { z } from "zod";
import { CHANNELS, LANGUAGES, ORIGINS } from "#db/enums";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The company and subject pages' filters, read from the query string; bad values are ignored. */
const schema = z.object({
  stars: z.array(z.coerce.number().int().min(1).max(5)).catch([]),
  subject: optional(z.coerce.number().int().positive()).catch(undefined),
  channel: optional(z.enum(CHANNELS)).catch(undefined),
  language: optional(z.enum(LANGUAGES)).catch(undefined),
  origin: optional(z.enum(ORIGINS)).catch(undefined),
  replied: optional(z.enum(["answered", "awaiting"])).catch(undefined),
  from: optional(date).catch(undefined),
  to: optional(date).catch(undefined),
  sort: z.enum(["newest", "helpful"]).catch("newest"),
  basis: z.enum(["all", ...ORIGINS]).catch("all"),
  before: optional(z.string().max(40)).catch(undefined),
});

export type ReviewQuery = z.infer<typeof schema>;

export function parseReviewQuery(params: URLSearchParams): ReviewQuery {
  return schema.parse({
    stars: params.getAll("stars"),
    subject: params.get("subject") ?? undefined,
    channel: params.get("channel") ?? undefined,
    language: params.get("language") ?? undefined,
    origin: params.get("origin") ?? undefined,
    replied: params.get("replied") ?? undefined,
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    sort: params.get("sort") ?? undefined,
    basis: params.get("basis") ?? undefined,
    before: params.get("before") ?? undefined,
  });
}

export function toFilters(q: ReviewQuery) {
  return {
    stars: q.stars,
    subjectId: q.subject,
    channel: q.channel,
    language: q.language,
    origin: q.origin,
    replied: q.replied,
    experiencedFrom: q.from,
    experiencedTo: q.to,
  };
}
