import { describe, expect, it } from "vitest";
import { closeDocument } from "~/entry.server";

describe("closeDocument", () => {
  it("moves what follows </html> to the end of the body", () => {
    expect(
      closeDocument(
        "<!DOCTYPE html><html><head></head><body><main>é</main><script>a()</script></body></html><!--$--><script>b()</script><!--/$-->",
      ),
    ).toBe("<!DOCTYPE html><html><head></head><body><main>é</main><script>a()</script><!--$--><script>b()</script><!--/$--></body></html>");
  });
  it("leaves a document that ends with </html> as it is", () => {
    const html = "<!DOCTYPE html><html><head></head><body><p>x</p></body></html>";
    expect(closeDocument(html)).toBe(html);
    expect(closeDocument(`${html}\n`)).toBe(`${html}\n`);
  });
  it("leaves what is not a whole document as it is", () => {
    expect(closeDocument("<p>no document</p><script>x()</script>")).toBe("<p>no document</p><script>x()</script>");
  });
});
