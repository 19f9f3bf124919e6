// The company a /brand/:slug page or resource is about, and the signed-in member of it:
// an unknown slug is a 404; someone who is not a member (or not an owner, where the page
// asks for one) gets the 403 of requireCompanyMember.
import { requireCompanyMember, type MemberRole } from "~/models/permissions.server";
import { getBrandCompany, type BrandCompany } from "~/models/replies.server";
import { notFound } from "./http.server";

export function brandCompanyOf(slug: string | undefined): BrandCompany {
  const company = getBrandCompany(slug ?? "");
  if (!company) throw notFound();
  return company;
}

/** The company of `slug` (404 when unknown) and the request's member of it (403 otherwise). */
export function requireBrandMember(request: Request, slug: string | undefined, role?: MemberRole) {
  const company = brandCompanyOf(slug);
  return { company, ...requireCompanyMember(request, company.id, role) };
}
