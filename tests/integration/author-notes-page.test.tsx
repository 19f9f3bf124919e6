// The author's note form rendered (jsdom): labelled, hinted, required by the schema's
// constraint, in both languages.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import FollowUpPage from "~/routes/reviews.$id_.follow-up";

afterEach(cleanup);

function renderPage(locale: "fr" | "en") {
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      children: [
        {
          path: "reviews/:id/follow-up",
          loader: () => ({ review: { id: 7, title: "Un manteau" }, allowed: true }),
          Component: FollowUpPage,
        },
      ],
    },
  ]);
  return render(<Stub initialEntries={["/reviews/7/follow-up"]} />);
}

describe("the follow-up form", () => {
  it("labels its text, marks it required and ties the hint with aria-describedby", async () => {
    renderPage("en");
    const body = await screen.findByLabelText("Your follow-up");
    expect(body.tagName).toBe("TEXTAREA");
    expect(body.hasAttribute("required")).toBe(true);
    expect(body.getAttribute("aria-describedby")).toContain("hint");
    expect(screen.getByRole("button", { name: "Publish my follow-up" })).toBeTruthy();
  });

  it("in French too", async () => {
    renderPage("fr");
    expect(await screen.findByLabelText("Votre complément")).toBeTruthy();
  });
});
