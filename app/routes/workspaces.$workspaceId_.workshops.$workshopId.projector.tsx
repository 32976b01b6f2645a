// The projector wall: the join code and its QR code, the question, the timer, cards on
// the big screen and results, live, in large type. No made-up names unless the
// facilitator shows them. Facilitators and commissioners only (it is their screen).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { ResultsList } from "~/components/workshop/results";
import { Timer } from "~/components/workshop/timer";
import { COPY } from "~/domain/workshop/copy";
import { useStream } from "~/utils/use-stream";
import { requireWorkshop, wallRoom, type WallRoom } from "~/utils/workshop.server";

export const handle = { chrome: "none" };
export const meta: MetaFunction = () => [{ title: "Projector · Outcome Commons" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop, workspace } = await requireWorkshop(request, params.workspaceId, params.workshopId, "run:workshops");
  const origin = new URL(request.url).origin;
  const joinUrl = `${origin}/join?code=${workshop.code}`;
  const qr = await QRCode.toString(joinUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { workspaceId: workspace.id, workshopId: workshop.id, room: await wallRoom(workshop), joinAt: `${origin.replace(/^https?:\/\//, "")}/join`, qr };
}

export default function Projector() {
  const { workspaceId, workshopId, room: initial, joinAt, qr } = useLoaderData<typeof loader>();
  const room = useStream<WallRoom>(`/workspaces/${workspaceId}/workshops/${workshopId}/stream`, "room", initial);
  const activity = room.activity.activity;
  return (
    <div className="min-h-screen bg-slate-900 p-8 text-white">
      <div className="flex flex-wrap items-start justify-between gap-8">
        <div>
          <h1 className="text-5xl font-bold">{room.title}</h1>
          <p className="mt-4 text-4xl">{activity.kind === "waiting" ? COPY.waiting : activity.prompt}</p>
          <Timer endsAt={room.activity.timerEndsAt} serverNow={room.serverNow} labels={{ left: COPY.timeLeft, up: COPY.timeUp }} large />
        </div>
        {room.status === "open" ? (
          <div className="rounded-lg bg-white p-4 text-center text-slate-900">
            <div className="mx-auto h-48 w-48" role="img" aria-label={`QR code for ${joinAt}, code ${room.code}`} dangerouslySetInnerHTML={{ __html: qr }} />
            <p className="mt-2 text-2xl">{joinAt}</p>
            <p className="font-mono text-6xl font-bold tracking-widest" data-testid="join-code">{room.code}</p>
            <p className="mt-1 text-xl">{COPY.wallJoined(room.phones)}</p>
          </div>
        ) : (
          <p className="text-4xl">{room.status === "closed" ? COPY.ended : COPY.wallNotOpen}</p>
        )}
      </div>
      {activity.kind === "cards" || activity.kind === "waiting" ? (
        <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="wall-cards">
          {room.cards.map((c) => (
            <li key={c.id} className="rounded-lg bg-amber-100 p-4 text-3xl text-slate-900">
              {c.text}
              {c.merged ? <span className="ml-2 rounded bg-slate-900 px-2 text-xl text-white">+{c.merged}</span> : null}
              {c.pseudonym ? <span className="mt-2 block text-xl text-slate-700">{c.pseudonym}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <ResultsList room={room} large />
      )}
    </div>
  );
}
