// Reloads the page's data every `ms` while the tab is visible (and on returning to
// it), for what lives in the database rather than the shared document: comments,
// ratings, judgements. Skipped while a form is being sent, and while offline (a
// reload that cannot reach the server would only fail); back online, it reloads once.
import { useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

export function useRevalidatedWhileVisible(ms: number): void {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const latest = useRef({ revalidator, busy: false });
  latest.current = { revalidator, busy: navigation.state !== "idle" || revalidator.state !== "idle" };
  useEffect(() => {
    const tick = () => {
      const { revalidator: r, busy } = latest.current;
      if (document.visibilityState === "visible" && navigator.onLine && !busy) void Promise.resolve(r.revalidate()).catch(() => {});
    };
    const timer = setInterval(tick, ms);
    const onVisible = () => document.visibilityState === "visible" && tick();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", tick);
    };
  }, [ms]);
}
