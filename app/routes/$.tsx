import { GeneralErrorBoundary } from "~/components/ErrorBoundary";

// Any address no other route claims: a localized 404 page.
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
