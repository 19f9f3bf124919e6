// /brand/:slug/alerts and /brand/:slug/webhooks as a member sees them, from the real loaders:
// the member's own boxes ticked as saved, the spike rule with its numbers, and the webhooks'
// buttons and delivery log, every control named.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "~/env.server";
import { saveAlertSettings } from "~/models/company-alerts.server";
import { addWebhook, deliverDueWebhooks, enqueueWebhookEvent } from "~/models/webhooks.server";
import { getDb } from "#db/client.server";
import AlertsPage, { loader as alertsLoader } from "~/routes/brand.$slug.alerts";
import WebhooksPage, { loader as webhooksLoader } from "~/routes/brand.$slug.webhooks";
import { account, addMember, makeCompany } from "../support/fixtures";

afterEach(cleanup);

const SLUG = "maison-alertee";
const URL = "https://93.184.215.14/hooks/replique";
let cookie: string;

beforeAll(async () => {
  const owner = await account({ locale: "en" });
  cookie = owner.cookie;
  const company = makeCompany({ slug: SLUG, name: "Maison Alertée" });
  addMember(company.id, owner.id, "owner");
  saveAlertSettings({ companyId: company.id, userId: owner.id, settings: { newReviews: false, negativeReviews: true, spikes: true } });
  const added = await addWebhook({ companyId: company.id, actorId: owner.id, url: URL, events: ["review.created", "spike.detected"] });
  if (!added.ok) throw new Error(added.kind);
  const now = Date.now();
  enqueueWebhookEvent(getDb(), { companyId: company.id, type: "review.created", data: { test: 1 }, now });
  await deliverDueWebhooks({ now, send: async () => ({ status: 204 }) });
});

afterAll(() => resetEnv());

function page(locale: "fr" | "en", path: "alerts" | "webhooks") {
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      children: [
        {
          path: `brand/:slug/${path}`,
          loader: (args) =>
            (path === "alerts" ? alertsLoader : webhooksLoader)({
              ...args,
              request: new Request(args.request.url, { headers: { Cookie: cookie } }),
            }),
          Component: path === "alerts" ? AlertsPage : WebhooksPage,
        },
      ],
    },
  ]);
  return render(<Stub initialEntries={[`/brand/${SLUG}/${path}`]} />);
}

describe("/brand/:slug/alerts", () => {
  it("shows the member's own boxes as saved, and the spike rule with its numbers", async () => {
    page("en", "alerts");
    expect(await screen.findByRole("heading", { level: 1, name: "Alerts for Maison Alertée" })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "for every new review" }).checked).toBe(false);
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "for every negative review (2 stars or fewer)" }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "when negative reviews spike" }).checked).toBe(true);
    expect(screen.getByRole("button", { name: "Save my alerts" })).toBeTruthy();
    const rule = screen.getByRole("region", { name: "How a spike is detected" });
    expect(rule.textContent).toContain("at least 3 reviews of 2 stars or fewer in 24 hours, at least 2 times");
    expect(rule.textContent).toContain("below 0.001");
    expect(rule.textContent).toContain("with no history, 5 negative reviews in a day are needed; after quiet weeks, 3.");
    expect(screen.getByRole("link", { name: /see the company's webhooks/ })).toBeTruthy();
  });

  it("speaks French with French typography", async () => {
    page("fr", "alerts");
    expect(await screen.findByRole("heading", { level: 1, name: "Alertes pour Maison Alertée" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "Comment un pic est détecté" }).textContent).toContain("0,001");
  });
});

describe("/brand/:slug/webhooks", () => {
  it("lists the endpoint with its named buttons and its delivery log, and never its secret", async () => {
    page("en", "webhooks");
    const endpoint = await screen.findByRole("article", { name: URL });
    expect(within(endpoint).getByText("Events: review.created, spike.detected")).toBeTruthy();
    for (const name of [`Send a test event to ${URL}`, `Rotate the secret of ${URL}`, `Pause ${URL}`, `Delete ${URL}`]) {
      expect(within(endpoint).getByRole("button", { name })).toBeTruthy();
    }
    const log = within(endpoint).getByRole("table", { name: `Last deliveries to ${URL}` });
    const cells = within(log)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(cells).toEqual(["review.created", "Delivered", "204", "1"]);
    expect(screen.getByRole("group", { name: "Events to send" })).toBeTruthy();
    expect(screen.getAllByRole("checkbox")).toHaveLength(5);
    expect(screen.getByRole("textbox", { name: "URL of your endpoint" })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/whsec_[A-Za-z0-9+/]{8}/);
    expect(document.body.textContent).toContain("10 h and 24 h after the first attempt");
  });
});
