import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { translate } from "~/i18n";
import {
  CHECK_LIMITS,
  CHECKS,
  checkBannedWords,
  checkEmail,
  checkLinks,
  checkMessage,
  checkPhone,
  hashIp,
  isCheckCode,
  isNegativeBurst,
  runChecks,
  type CheckCode,
  type CheckInput,
} from "~/models/review-checks.server";
import { addMember, makeCompany, makeReview, makeSubject, makeUser } from "../support/fixtures";

const LONG_BODY =
  "We ordered a sofa in March and it arrived two weeks late, with one foot missing. The delivery team was kind and the after-sales service sent the missing foot within a week.";

let authorId: number;
let companyId: number;
let subjectId: number;
let base: CheckInput;
let network = 0;

beforeEach(() => {
  authorId = makeUser();
  ({ id: companyId, subjectId } = makeCompany());
  base = {
    mode: "create",
    authorId,
    ipHash: hashIp(`198.51.100.${++network}`),
    companyId,
    subjectId,
    stars: 4,
    title: "Late but well handled",
    body: LONG_BODY,
  };
});

function codes(input: CheckInput): CheckCode[] {
  return runChecks(getDb(), input).checks.map((c) => c.code);
}

describe("a clean review", () => {
  it("triggers no check and is published", () => {
    const result = runChecks(getDb(), base);
    expect(result).toEqual({ checks: [], outcome: "publish", decisive: null });
  });
});

describe("every check has a message in both languages", () => {
  it.each(Object.keys(CHECKS).filter(isCheckCode))("%s", (code) => {
    expect(translate("en", checkMessage(code))).not.toBe(checkMessage(code));
    expect(translate("fr", checkMessage(code))).not.toBe(checkMessage(code));
  });
});

describe("rate limits", () => {
  it("refuses the 6th review from one account within an hour", () => {
    for (let i = 0; i < CHECK_LIMITS.perAccountPerHour; i++) {
      makeReview({ subjectId: makeSubject(companyId), companyId, authorId, createdAt: Date.now() - 10 * 60_000 });
    }
    const result = runChecks(getDb(), base);
    expect(result.checks.map((c) => c.code)).toContain("rate_account");
    expect(result.outcome).toBe("refuse");
  });

  it("does not count reviews older than the window, nor other accounts'", () => {
    for (let i = 0; i < CHECK_LIMITS.perAccountPerHour; i++) {
      makeReview({ subjectId: makeSubject(companyId), companyId, authorId, createdAt: Date.now() - 2 * 3_600_000 });
      makeReview({ subjectId, companyId, authorId: makeUser() });
    }
    expect(codes(base)).not.toContain("rate_account");
  });

  it("refuses when the same network posted 10 reviews within an hour", () => {
    const other = makeCompany().id;
    for (let i = 0; i < CHECK_LIMITS.perIpPerHour; i++) {
      makeReview({ subjectId: makeSubject(other), companyId: other, authorId: makeUser(), ipHash: base.ipHash });
    }
    expect(codes(base)).toContain("rate_ip");
    expect(codes({ ...base, ipHash: hashIp("203.0.113.7") })).not.toContain("rate_ip");
  });

  it("does not rate-limit edits", () => {
    for (let i = 0; i < CHECK_LIMITS.perAccountPerHour; i++) {
      makeReview({ subjectId: makeSubject(companyId), companyId, authorId });
    }
    expect(codes({ ...base, mode: "edit" })).not.toContain("rate_account");
  });
});

describe("network cluster", () => {
  it("holds a review of a company another account reviewed from the same network", () => {
    makeReview({ subjectId, companyId, authorId: makeUser(), ipHash: base.ipHash });
    expect(codes(base)).toContain("network_cluster");
  });
  it("ignores the author's own earlier reviews and other networks", () => {
    makeReview({ subjectId: makeSubject(companyId), companyId, authorId, ipHash: base.ipHash });
    makeReview({ subjectId, companyId, authorId: makeUser(), ipHash: hashIp("192.0.2.1") });
    expect(codes(base)).not.toContain("network_cluster");
  });
});

describe("links, emails and phone numbers", () => {
  it("holds links", () => {
    expect(checkLinks("see https://evil.example/promo")?.code).toBe("links");
    expect(checkLinks("go to www.cheap-stuff.example now")?.code).toBe("links");
    expect(codes({ ...base, body: `${LONG_BODY} [details](http://x.example)` })).toContain("links");
    expect(runChecks(getDb(), { ...base, body: `${LONG_BODY} https://x.example` }).outcome).toBe("hold");
  });
  it("does not hold a website's plain name", () => {
    expect(checkLinks("I ordered on fnac.com and on Amazon.fr")).toBeNull();
  });

  it("holds email addresses, also obfuscated", () => {
    expect(checkEmail("write to jean.dupont@gmail.com")?.code).toBe("email");
    expect(checkEmail("jean (at) orange (dot) fr")?.code).toBe("email");
  });
  it("does not hold an @mention or a price", () => {
    expect(checkEmail("thanks @Marie at the till, 12 @ 3 € each")).toBeNull();
  });

  it.each([
    "06 12 34 56 78",
    "06.12.34.56.78",
    "0612345678",
    "01-42-68-53-00",
    "+33 6 12 34 56 78",
    "+33 (0)1 42 68 53 00",
    "0033612345678",
    "+44 20 7946 0958",
    "+1 (415) 555-2671",
  ])("holds the phone number %s", (number) => {
    expect(checkPhone(`call me on ${number} please`)?.code).toBe("phone");
  });
  it.each([
    "order 12345, 3 items at 19.99 €",
    "waited 45 minutes on 12/03/2024",
    "rated 4/5, 2 stars for delivery",
    "my order number was 2024-1187",
  ])("does not hold %s", (text) => {
    expect(checkPhone(text)).toBeNull();
  });
});

describe("banned words", () => {
  it("holds an insult, in either language, whatever the case, accents or digit swaps", () => {
    expect(checkBannedWords("Le vendeur est un CONNARD")?.code).toBe("banned_words");
    expect(checkBannedWords("quel enculé")?.code).toBe("banned_words");
    expect(checkBannedWords("c0nnard de service")?.code).toBe("banned_words");
    expect(checkBannedWords("the manager is an asshole")?.code).toBe("banned_words");
    expect(checkBannedWords("fils-de-pute")?.code).toBe("banned_words");
    expect(runChecks(getDb(), { ...base, title: "Un connard" }).outcome).toBe("hold");
  });
  it("does not hold words that merely contain one, or ordinary words", () => {
    expect(checkBannedWords("Une dispute avec le vendeur, livraison en retard, pédale cassée")).toBeNull();
    expect(checkBannedWords("Scunthorpe delivery, classic assholder")).toBeNull();
  });
});

describe("duplicates", () => {
  it("refuses the author's own text posted again", () => {
    makeReview({ subjectId: makeSubject(companyId), companyId, authorId, body: LONG_BODY });
    const result = runChecks(getDb(), { ...base, body: `${LONG_BODY.toUpperCase()}  ` });
    expect(result.checks.map((c) => c.code)).toContain("duplicate_own");
    expect(result.outcome).toBe("refuse");
  });
  it("holds a near-duplicate of another review of the same company", () => {
    makeReview({ subjectId, companyId, authorId: makeUser(), title: base.title, body: LONG_BODY });
    const edited = LONG_BODY.replace("two weeks", "three weeks");
    const result = runChecks(getDb(), { ...base, body: edited });
    expect(result.checks.map((c) => c.code)).toEqual(["near_duplicate"]);
    expect(result.outcome).toBe("hold");
  });
  it("does not flag a different text, a short text, or the review being edited", () => {
    makeReview({
      subjectId,
      companyId,
      authorId: makeUser(),
      body: "Great shop, the staff helped me choose a bike for my daughter and adjusted the saddle for free.",
    });
    expect(codes(base)).toEqual([]);
    makeReview({ subjectId, companyId, authorId: makeUser(), body: "Very good, thanks" });
    expect(codes({ ...base, body: "Very good, thanks" })).toEqual([]);
    const own = makeReview({ subjectId, companyId, authorId, body: LONG_BODY });
    expect(codes({ ...base, mode: "edit", reviewId: own })).toEqual([]);
  });
});

describe("conflict of interest", () => {
  it("refuses a member of the company", () => {
    addMember(companyId, authorId);
    const result = runChecks(getDb(), base);
    expect(result.checks.map((c) => c.code)).toEqual(["conflict_member"]);
    expect(result.outcome).toBe("refuse");
  });
  it("holds an author whose email is at the company's domain", () => {
    const company = makeCompany({ domain: "www.maison-exemple.fr" }).id;
    const staff = makeUser({ email: "paul@maison-exemple.fr" });
    const sub = makeUser({ email: "lea@paris.maison-exemple.fr" });
    expect(codes({ ...base, authorId: staff, companyId: company, subjectId: makeSubject(company) })).toEqual(["conflict_domain"]);
    expect(codes({ ...base, authorId: sub, companyId: company, subjectId: makeSubject(company) })).toEqual(["conflict_domain"]);
  });
  it("does not hold a webmail address at a company that runs that webmail, nor another domain", () => {
    const orange = makeCompany({ domain: "orange.fr" }).id;
    const customer = makeUser({ email: "client@orange.fr" });
    expect(codes({ ...base, authorId: customer, companyId: orange, subjectId: makeSubject(orange) })).toEqual([]);
    const lookalike = makeUser({ email: "x@not-maison-exemple.fr" });
    const company = makeCompany({ domain: "maison-exemple.fr" }).id;
    expect(codes({ ...base, authorId: lookalike, companyId: company, subjectId: makeSubject(company) })).toEqual([]);
  });
});

describe("burst of negative reviews", () => {
  it("holds a negative review arriving in a burst", () => {
    for (let i = 0; i < CHECK_LIMITS.burstMinCount - 1; i++) {
      makeReview({ subjectId, companyId, authorId: makeUser(), stars: 1, createdAt: Date.now() - 3_600_000 });
    }
    const result = runChecks(getDb(), { ...base, stars: 1 });
    expect(result.checks.map((c) => c.code)).toEqual(["negative_burst"]);
    expect(result.outcome).toBe("hold");
  });
  it("does not hold a positive review, nor negatives at the company's usual rate", () => {
    for (let i = 0; i < CHECK_LIMITS.burstMinCount; i++) {
      makeReview({ subjectId, companyId, authorId: makeUser(), stars: 1, createdAt: Date.now() - 3_600_000 });
    }
    expect(codes({ ...base, stars: 5 })).toEqual([]);
    // A big company: 1 200 negative reviews over the 60 days before (10 per 6 hours).
    expect(isNegativeBurst(6, 1200)).toBe(false);
    expect(isNegativeBurst(45, 1200)).toBe(true);
    expect(isNegativeBurst(4, 0)).toBe(false);
  });
});

describe("the strongest outcome wins", () => {
  it("refuse beats hold, and every triggered check is returned", () => {
    addMember(companyId, authorId);
    const result = runChecks(getDb(), { ...base, body: `${LONG_BODY} call 06 12 34 56 78` });
    expect(result.checks.map((c) => c.code).sort()).toEqual(["conflict_member", "phone"]);
    expect(result.outcome).toBe("refuse");
    expect(result.decisive?.code).toBe("conflict_member");
  });
});
