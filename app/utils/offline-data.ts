// A page's data is reloaded now and then (comments, ratings, after a form). On a
// network that has just failed, that reload would throw to the error boundary and
// take the editor, and what is typed in it, off the screen. The editors' routes keep
// showing the data they have instead, and the next reload after the network returns
// brings them up to date. Only network failures are absorbed; a 403 or 404 from the
// server still reaches the error boundary.
import { useLocation } from "@remix-run/react";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";

const lastData = new Map<string, unknown>();

/** The route's loader through the network when it can be reached, else the data already shown. */
export async function keepDataWhenOffline({ request, serverLoader }: ClientLoaderFunctionArgs): Promise<unknown> {
  const key = new URL(request.url).pathname;
  try {
    const data = await serverLoader();
    lastData.set(key, data);
    return data;
  } catch (error) {
    const networkFailure = !navigator.onLine || error instanceof TypeError;
    if (networkFailure && lastData.has(key)) return lastData.get(key);
    throw error;
  }
}

/** Remembers the data a page is showing, so a failed reload can fall back to it. */
export function useKeepLoaderData(data: unknown): void {
  const { pathname } = useLocation();
  lastData.set(pathname, data);
}
