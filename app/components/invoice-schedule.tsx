// When someone is invoiced: monthly or quarterly, so many weeks after the period ends.
// For the model's default, a payer of its own, or the co-funder's claims; a payer or
// the co-funder may also simply follow the default.
import { useId } from "react";
import type { InvoiceFrequency, InvoiceSchedule } from "~/domain/payment/model";
import { DraftField, inputClass, whole } from "./draft-field";

type Props = {
  /** Whose schedule, for the labels: "Default", "London Borough of Sutton", "Co-funder's claims". */
  who: string;
  /** The schedule, or null when it follows the default. */
  value: InvoiceSchedule | null;
  /** The default it falls back on; absent for the default itself. */
  fallback?: InvoiceSchedule;
  disabled: boolean;
  commit: (next: InvoiceSchedule | null) => string | null;
};

export function InvoiceScheduleFields({ who, value, fallback, disabled, commit }: Props) {
  const id = useId();
  const shown = value ?? fallback!;
  const choice = value === null ? "default" : value.frequency;
  return (
    <>
      <div>
        <label htmlFor={id} className="block font-medium">{who}: invoiced</label>
        <select
          id={id}
          value={choice}
          disabled={disabled}
          onChange={(e) => {
            const v = e.target.value as InvoiceFrequency | "default";
            commit(v === "default" ? null : { frequency: v, lagWeeks: shown.lagWeeks });
          }}
          className={inputClass}
        >
          {fallback ? <option value="default">As the default ({fallback.frequency}, {fallback.lagWeeks} weeks after)</option> : null}
          <option value="monthly">Monthly: what is earned in each month</option>
          <option value="quarterly">Quarterly: what is earned in each calendar quarter</option>
        </select>
      </div>
      {value !== null ? (
        <DraftField
          label={`${who}: weeks after the ${value.frequency === "quarterly" ? "quarter" : "month"} ends`}
          value={value.lagWeeks}
          format={String}
          parse={whole(0, 52)}
          disabled={disabled}
          commit={(lagWeeks) => commit({ ...value, lagWeeks })}
        />
      ) : (
        <div />
      )}
    </>
  );
}
