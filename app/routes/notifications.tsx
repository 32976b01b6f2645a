// A member's notifications: who mentioned them, or replied in a thread they took part
// in. Opening one marks it read and goes to the thread. Plain forms: works without JS.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { idSchema } from "~/domain/validation";
import { listNotifications, markAllRead, openNotification } from "~/models/notification.server";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { notifications: await listNotifications(user.id) };
}

const ActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("open"), id: idSchema("Choose a notification.") }), z.object({ intent: z.literal("read-all") })]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw new Response("Unknown request", { status: 400 });
  if (parsed.data.intent === "read-all") {
    await markAllRead(user.id);
    throw redirect("/notifications");
  }
  const to = await openNotification(user.id, parsed.data.id);
  if (!to) throw new Response("No such notification", { status: 404 });
  throw redirect(to);
}

const SECTION_NAMES: Record<string, string> = { outcomes: "outcome framework", referral: "referral criteria" };

export default function NotificationsPage() {
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => !n.read).length;
  return (
    <section aria-labelledby="notifications-heading">
      <h1 id="notifications-heading" className="text-2xl font-bold">Notifications</h1>
      <p className="mt-1 text-slate-700">{unread === 0 ? "Nothing new." : `${unread} new.`} You are told when someone mentions you, replies in a thread you took part in, or a procurement you registered for publishes something.</p>
      {unread > 0 ? (
        <Form method="post" className="mt-3">
          <CsrfInput />
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className="inline-flex min-h-11 items-center rounded border border-slate-600 bg-white px-3">Mark all as read</button>
        </Form>
      ) : null}
      {notifications.length === 0 ? null : (
        <ul aria-label="Notifications" className="mt-4 space-y-3">
          {notifications.map((n) => (
            <li key={n.id} className={`rounded border p-3 ${n.read ? "border-slate-300 bg-white" : "border-brand-700 bg-white"}`}>
              <p>
                {n.read ? null : <span className="mr-2 rounded bg-brand-700 px-2 py-0.5 text-sm text-white">New</span>}
                {n.thread ? (
                  <>
                    <span className="font-medium">{n.actorName}</span> {n.kind === "mention" ? "mentioned you" : "replied"} on {n.thread.targetLabel} in {n.workspace.name}'s {SECTION_NAMES[n.thread.section] ?? n.thread.section}
                  </>
                ) : (
                  <>
                    <span className="font-medium">{n.actorName}</span> published to every registered party in {n.workspace.name}'s procurement
                  </>
                )}
              </p>
              <blockquote className="mt-1 whitespace-pre-wrap border-l-4 border-slate-300 pl-3 text-slate-800">{n.excerpt}</blockquote>
              <Form method="post" className="mt-2">
                <CsrfInput />
                <input type="hidden" name="intent" value="open" />
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="inline-flex min-h-11 items-center rounded border border-slate-600 bg-white px-3">
                  {n.thread ? (
                    <>
                      Go to the thread<span className="sr-only"> about {n.thread.targetLabel}</span>
                    </>
                  ) : (
                    <>
                      Open it<span className="sr-only"> in the procurement</span>
                    </>
                  )}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Notifications · Outcome Commons" }];
