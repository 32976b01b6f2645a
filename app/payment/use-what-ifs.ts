// A person's what-if copies, kept on the server through the JSON API (cookie + CSRF
// header): the one open is edited here at once and saved shortly after each change. An
// edit that cannot be saved (offline, a failed request) is kept in this browser and sent
// when the connection is back, so nothing typed is lost with the network. A copy left in
// this browser by an older version of the page (localStorage only) is saved to the server once.
import { useRevalidator, useRouteLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { WhatIfContent, WhatIfView } from "~/domain/payment/what-if";

export type SaveState = "saved" | "saving" | "unsaved";
type RootData = { csrf: string };
type Problem = { detail?: string; errors?: Record<string, string[]> };

const openKey = (workspaceId: string) => `oc:what-if-open:${workspaceId}`;
const pendingKey = (id: string) => `oc:what-if-pending:${id}`;
const legacyKey = (workspaceId: string) => `oc:what-if:${workspaceId}`;
const read = (key: string): unknown => {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null");
  } catch {
    return null;
  }
};

export function useWhatIfs(workspaceId: string, list: WhatIfView[], enabled: boolean) {
  const csrf = useRouteLoaderData<RootData>("root")?.csrf ?? "";
  const revalidator = useRevalidator();
  const [openId, setOpenIdState] = useState<string | null>(null);
  /** The open copy's content as edited here (ahead of the server while saving). */
  const [draft, setDraft] = useState<WhatIfContent | null>(null);
  const [save, setSave] = useState<SaveState>("saved");
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const base = `/api/v1/workspaces/${workspaceId}/what-ifs`;

  const call = useCallback(
    async (path: string, method: string, body?: unknown): Promise<{ ok: boolean; status: number; data: (Problem & { whatIf?: WhatIfView }) | null }> => {
      const res = await fetch(path, { method, headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf }, body: body === undefined ? undefined : JSON.stringify(body) });
      const data = res.status === 204 ? null : ((await res.json().catch(() => null)) as Problem & { whatIf?: WhatIfView });
      return { ok: res.ok, status: res.status, data };
    },
    [csrf],
  );

  const setOpenId = useCallback(
    (id: string | null) => {
      setOpenIdState(id);
      const pending = id ? (read(pendingKey(id)) as WhatIfContent | null) : null;
      setDraft(pending);
      setSave(pending ? "unsaved" : "saved");
      if (id) localStorage.setItem(openKey(workspaceId), id);
      else localStorage.removeItem(openKey(workspaceId));
    },
    [workspaceId],
  );

  const flush = useCallback(
    async (id: string, content: WhatIfContent) => {
      setSave("saving");
      try {
        const r = await call(`${base}/${id}`, "PATCH", content);
        if (!r.ok) throw new Error(r.data?.detail ?? `The server answered ${r.status}.`);
        localStorage.removeItem(pendingKey(id));
        setSave("saved");
        setError(null);
      } catch (e) {
        setSave("unsaved");
        setError(navigator.onLine ? (e instanceof Error ? e.message : String(e)) : null);
      }
    },
    [base, call],
  );

  /** Applies an edit to the open copy: shown at once, saved shortly after. */
  const edit = useCallback(
    (content: WhatIfContent) => {
      if (!openId) return;
      setDraft(content);
      setSave("unsaved");
      localStorage.setItem(pendingKey(openId), JSON.stringify(content));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(openId, content), 400);
    },
    [openId, flush],
  );

  // Reopen what was open; send what could not be saved when the network comes back.
  useEffect(() => {
    if (!enabled) return;
    const id = localStorage.getItem(openKey(workspaceId));
    if (id && list.some((w) => w.id === id && w.mine)) setOpenId(id);
    // Only on arrival: later list changes come from this page's own requests or the room.
  }, [enabled, workspaceId]);
  useEffect(() => {
    const online = () => {
      if (!openId) return;
      const pending = read(pendingKey(openId)) as WhatIfContent | null;
      if (pending) void flush(openId, pending);
    };
    window.addEventListener("online", online);
    online();
    return () => window.removeEventListener("online", online);
  }, [openId, flush]);

  const create = useCallback(
    async (name: string, content: WhatIfContent): Promise<string | null> => {
      const r = await call(base, "POST", { name, ...content }).catch(() => null);
      if (!r) return "You are offline: a new what-if needs the connection.";
      if (!r.ok || !r.data?.whatIf) return r.data?.errors?.name?.[0] ?? r.data?.detail ?? `The server answered ${r.status}.`;
      revalidator.revalidate();
      setOpenId(r.data.whatIf.id);
      return null;
    },
    [base, call, revalidator, setOpenId],
  );

  const change = useCallback(
    async (id: string, body: { name?: string; shown?: boolean } | "delete"): Promise<string | null> => {
      if (body !== "delete" && openId === id && draft) await flush(id, draft);
      const r = await call(`${base}/${id}`, body === "delete" ? "DELETE" : "PATCH", body === "delete" ? undefined : body).catch(() => null);
      if (!r) return "You are offline: try again once the connection is back.";
      if (!r.ok) return r.data?.errors?.name?.[0] ?? r.data?.detail ?? `The server answered ${r.status}.`;
      if (body === "delete") {
        localStorage.removeItem(pendingKey(id));
        if (openId === id) setOpenId(null);
      }
      revalidator.revalidate();
      return null;
    },
    [base, call, draft, flush, openId, revalidator, setOpenId],
  );

  // A copy an older version of this page kept in this browser only: saved to the server once.
  useEffect(() => {
    if (!enabled) return;
    const legacy = read(legacyKey(workspaceId)) as WhatIfContent | null;
    if (!legacy || typeof legacy !== "object") return;
    void call(base, "POST", { name: `Kept in this browser (${new Date().toISOString().slice(0, 10)})`, model: legacy.model, scenarios: legacy.scenarios })
      .then((r) => {
        if (r.ok || r.status === 400 || r.status === 409) localStorage.removeItem(legacyKey(workspaceId));
        if (r.ok) revalidator.revalidate();
      })
      .catch(() => undefined);
  }, [enabled, workspaceId]);

  const stored = openId ? (list.find((w) => w.id === openId && w.mine) ?? null) : null;
  const open = stored ? { ...stored, ...(draft ?? {}) } : null;
  return { open, openId: stored ? openId : null, setOpenId, edit, create, change, save, error };
}
