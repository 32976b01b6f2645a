// A page kept live by a Server-Sent Events stream: the latest `event` frame replaces
// what the page was rendered with. Reopened when the device comes back online.
import { useEffect, useState } from "react";

export function useStream<T>(url: string, event: string, initial: T): T {
  const [latest, setLatest] = useState<{ value: T } | null>(null);
  useEffect(() => {
    let source: EventSource | null = null;
    const open = () => {
      source?.close();
      source = new EventSource(url);
      source.addEventListener(event, (e) => {
        try {
          setLatest({ value: JSON.parse((e as MessageEvent<string>).data) as T });
        } catch {
          // a broken frame: the next one replaces it
        }
      });
    };
    const offline = () => source?.close();
    open();
    window.addEventListener("online", open);
    window.addEventListener("offline", offline);
    return () => {
      source?.close();
      window.removeEventListener("online", open);
      window.removeEventListener("offline", offline);
    };
  }, [url, event]);
  return latest?.value ?? initial;
}
