// The hidden fields every procurement form posts: the CSRF token, what the form does
// (`intent`), and the ids it acts on.
import { CsrfInput } from "~/components/forms";

export function IntentFields({ intent, fields = {} }: { intent: string; fields?: Record<string, string> }) {
  return (
    <>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
    </>
  );
}
