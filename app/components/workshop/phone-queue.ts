// A phone's outbox: what a young person sends (a card, a vote, a message) goes into
// this phone's storage first and is sent from there, in order, now or when the phone is
// back online. Nothing typed on a weak connection is lost, and a reload keeps the queue.
import { useCallback, useEffect, useRef, useState } from "react";

type Item = { id: string; fields: [string, string][] };
export type SendResult = { ok: boolean; intent: string; error?: string; message?: string; card?: { id: string; text: string; status: string; heldReason: string | null } };

const keyOf = (code: string) => `oc-workshop-outbox:${code}`;

function load(code: string): Item[] {
  try {
    const v = JSON.parse(localStorage.getItem(keyOf(code)) ?? "[]") as Item[];
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}
const save = (code: string, items: Item[]) => localStorage.setItem(keyOf(code), JSON.stringify(items));

export function usePhoneOutbox(code: string, onResult: (r: SendResult) => void) {
  const [waiting, setWaiting] = useState(0);
  const [online, setOnline] = useState(true);
  const flushing = useRef(false);
  const report = useRef(onResult);
  report.current = onResult;

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (;;) {
        const items = load(code);
        setWaiting(items.length);
        const next = items[0];
        if (!next) break;
        let response: Response;
        try {
          response = await fetch(`/join/${code}/send`, { method: "POST", body: new URLSearchParams(next.fields), headers: { Accept: "application/json" } });
        } catch {
          break; // offline or the server is away: try again when back
        }
        if (response.status >= 500) break;
        // Sent (or refused with a reason): either way it leaves the outbox.
        save(code, load(code).filter((i) => i.id !== next.id));
        const result = (await response.json().catch(() => ({ ok: false, intent: "", error: "" }))) as SendResult;
        report.current(result);
      }
    } finally {
      flushing.current = false;
      setWaiting(load(code).length);
    }
  }, [code]);

  useEffect(() => {
    setOnline(navigator.onLine);
    const up = () => {
      setOnline(true);
      void flush();
    };
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    const retry = setInterval(() => void flush(), 5_000);
    void flush();
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
      clearInterval(retry);
    };
  }, [flush]);

  const send = useCallback(
    (form: HTMLFormElement, submitter?: HTMLElement | null) => {
      const fields: [string, string][] = [];
      new FormData(form, submitter ?? undefined).forEach((v, k) => {
        if (typeof v === "string") fields.push([k, v]);
      });
      save(code, [...load(code), { id: Math.random().toString(36).slice(2), fields }]);
      setWaiting(load(code).length);
      void flush();
    },
    [code, flush],
  );

  return { send, waiting, online };
}

export function newClientId(): string {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
