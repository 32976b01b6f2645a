// The activity's timer, on phones and the projector: the time left, counted against the
// server's clock (a phone's clock may be minutes out), announced only when it is up.
import { useEffect, useState } from "react";

export function Timer({ endsAt, serverNow, labels, large = false }: { endsAt: string | null; serverNow: string; labels: { left: string; up: string }; large?: boolean }) {
  const [now, setNow] = useState<number | null>(null);
  const [skew] = useState(() => Date.parse(serverNow) - Date.now());
  useEffect(() => {
    if (!endsAt) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [endsAt]);
  if (!endsAt || now === null) return null;
  const left = Math.max(0, Math.ceil((Date.parse(endsAt) - (now + skew)) / 1000));
  const text = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  return (
    <p className={`mt-2 font-mono font-bold ${large ? "text-6xl" : "text-2xl"}`}>
      {left > 0 ? (
        <>
          <span className="sr-only">{labels.left}: </span>
          <span role="timer" aria-label={labels.left}>{text}</span>
        </>
      ) : (
        <span role="status">{labels.up}</span>
      )}
    </p>
  );
}
