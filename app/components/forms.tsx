import { useRouteLoaderData } from "@remix-run/react";
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

type RootData = { csrf: string };

/** The hidden CSRF field every mutating form carries. */
export function CsrfInput() {
  const root = useRouteLoaderData<RootData>("root");
  return <input type="hidden" name="csrf" value={root?.csrf ?? ""} />;
}

function ErrorText({ id, errors }: { id: string; errors?: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {errors.join(" ")}
    </p>
  );
}

const inputClass =
  "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700";

type FieldA11y = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

/** Label, hint and errors around one control, wired together for assistive technology. */
function FieldShell({
  label,
  hint,
  errors,
  children,
}: {
  label: string;
  hint?: string | undefined;
  errors?: string[] | undefined;
  children: (a11y: FieldA11y) => ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-medium">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      {children({ id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": described || undefined })}
      <ErrorText id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** A labelled input with its hint and field errors. */
export function Field({
  label,
  hint,
  errors,
  ...input
}: { label: string; hint?: string; errors?: string[] | undefined } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {(a11y) => <input className={inputClass} {...a11y} {...input} />}
    </FieldShell>
  );
}

/** A labelled select with its hint and field errors. */
export function SelectField({
  label,
  hint,
  errors,
  options,
  ...select
}: {
  label: string;
  hint?: string;
  errors?: string[] | undefined;
  options: { value: string; label: string }[];
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {(a11y) => (
        <select className={inputClass} {...a11y} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** A labelled textarea with its hint and field errors. */
export function TextAreaField({
  label,
  hint,
  errors,
  ...textarea
}: { label: string; hint?: string; errors?: string[] | undefined } & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {(a11y) => <textarea className={inputClass} {...a11y} {...textarea} />}
    </FieldShell>
  );
}

/** Form-level errors, announced when they appear. */
export function FormErrors({ errors }: { errors?: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <div role="alert" className="mb-4 rounded border border-red-700 bg-red-50 p-3 text-red-800">
      {errors.map((e) => <p key={e}>{e}</p>)}
    </div>
  );
}

/** A status message (e.g. "Invitation sent"), announced politely. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="mb-4 rounded border border-green-700 bg-green-50 p-3 text-green-900">
      {children}
    </div>
  );
}

export function Button({ children, variant = "primary", ...props }: { variant?: "primary" | "secondary" | "danger" } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const styles = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    secondary: "border border-slate-600 bg-white text-slate-900 hover:bg-slate-100",
    danger: "border border-red-700 bg-white text-red-800 hover:bg-red-50",
  }[variant];
  return (
    <button type="submit" className={`inline-flex min-h-11 items-center rounded px-4 py-2 font-medium ${styles}`} {...props}>
      {children}
    </button>
  );
}
