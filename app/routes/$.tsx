import { notFound } from "~/lib/http.server";

// Any address no other route claims: a localized 404 page.
export function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
