import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const DEFAULTS: Record<number, string> = {
  400: "That request was not valid.",
  401: "Please sign in.",
  403: "You do not have permission to do this.",
  404: "We could not find that page.",
  429: "Too many attempts. Please wait and try again.",
};

/** The one error boundary: a heading and a message a person can act on, per status. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? typeof error.data === "string" && error.data
      ? error.data
      : (DEFAULTS[status] ?? "Something went wrong.")
    : "Something went wrong on our side. Your saved work is safe; please try again.";
  return (
    <section aria-labelledby="error-heading" className="rounded border border-red-200 bg-white p-6">
      <h1 id="error-heading" className="text-xl font-semibold">
        {status === 404 ? "Not found" : status === 403 ? "Not allowed" : status >= 500 ? "Something went wrong" : "There is a problem"}
      </h1>
      <p className="mt-2">{message}</p>
      <p className="mt-4">
        <Link to="/workspaces" className="text-brand-700 underline">Go to your workspaces</Link>
      </p>
    </section>
  );
}
