// A form that is not lost offline: a phone at a market-warming day drops off the venue's
// wifi, and a question typed then would otherwise go nowhere. Submitted offline, it keeps
// what was typed, says so, and sends itself when the device is back online.
import { Form, type FormProps } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

export function OfflineSafeForm({ children, ...props }: FormProps) {
  const ref = useRef<HTMLFormElement>(null);
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    if (!waiting) return;
    const send = () => {
      setWaiting(false);
      ref.current?.requestSubmit();
    };
    window.addEventListener("online", send);
    return () => window.removeEventListener("online", send);
  }, [waiting]);
  return (
    <Form
      {...props}
      ref={ref}
      onSubmit={(event) => {
        if (typeof navigator !== "undefined" && !navigator.onLine) {
          event.preventDefault();
          setWaiting(true);
          return;
        }
        props.onSubmit?.(event);
      }}
    >
      {children}
      {waiting ? <p role="status" className="mt-2 font-medium text-amber-900">You are offline. Nothing is lost: this is sent as soon as you are back online.</p> : null}
    </Form>
  );
}
