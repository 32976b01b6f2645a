// Charts a finance person can read, drawn with visx (decision 0011) as plain SVG, so the
// server renders them with the page: axes in pounds and dates with tick labels, a legend
// that does not rely on colour alone (each scenario has its own dash), every scenario's
// curve with its P10–P90 band, the cap as a line, and the figures behind each chart in a
// table. Each chart is drawn twice, narrow for phones and wide for larger screens, so
// its text stays legible without measuring the screen in the browser.
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear, scaleUtc } from "@visx/scale";
import { Area, Bar, Line, LinePath } from "@visx/shape";
import { useEffect, useState, type ReactNode } from "react";
import type { Forecast, ScenarioForecast, Spread } from "~/domain/payment/forecast";
import { pounds } from "./payment-tables";

/** One look per scenario: colour (3:1 against white at least) and dash, so colour is never the only cue. */
export const SERIES = [
  { stroke: "#1d4e89", fill: "#1d4e89", dash: undefined, name: "solid line" },
  { stroke: "#b45309", fill: "#b45309", dash: "8 4", name: "dashed line" },
  { stroke: "#047857", fill: "#047857", dash: "2 3", name: "dotted line" },
  { stroke: "#7e22ce", fill: "#7e22ce", dash: "10 3 2 3", name: "dash-dot line" },
] as const;
const look = (i: number) => SERIES[i % SERIES.length]!;
const CAP = { stroke: "#b91c1c", dash: "4 2" };
/** The total cap as a line: its amount and whose payments it limits, in words. */
export type CapLine = { pence: number; label: string };

/** £ for an axis: £1.5m, £250k, £0. */
export function compactPounds(pence: number): string {
  const p = pence / 100;
  const sign = p < 0 ? "-" : "";
  const a = Math.abs(p);
  if (a >= 1_000_000) return `${sign}£${(a / 1_000_000).toFixed(a >= 10_000_000 ? 0 : 1).replace(/\.0$/, "")}m`;
  if (a >= 1_000) return `${sign}£${Math.round(a / 1_000)}k`;
  return `${sign}£${Math.round(a)}`;
}
const monthDate = (m: string) => new Date(`${m}-01T00:00:00Z`);
const tickLabel = { fill: "#0f172a", fontSize: 12, fontFamily: "inherit" };
const axisLabel = { fill: "#0f172a", fontSize: 12, fontFamily: "inherit", fontWeight: 600 };

type Size = { width: number; height: number };
const SIZES: { size: Size; className: string }[] = [
  { size: { width: 340, height: 260 }, className: "block w-full sm:hidden" },
  { size: { width: 680, height: 320 }, className: "hidden w-full max-w-3xl sm:block" },
];

/**
 * Which sizes to draw: both from the server (CSS shows the one that fits), then, in the
 * browser, only the one that fits the screen, and the table only while it is open, so a
 * redraw after each edit does half the work.
 */
function useChartSizes(): { sizes: typeof SIZES; hydrated: boolean } {
  const [wide, setWide] = useState<boolean | null>(null);
  useEffect(() => {
    const query = window.matchMedia("(min-width: 640px)");
    const update = () => setWide(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return { sizes: wide === null ? SIZES : SIZES.filter((_, i) => (i === 1) === wide), hydrated: wide !== null };
}

function ChartFigure({ id, title, label, legend, children, table }: { id: string; title: string; label: string; legend: ReactNode; children: (size: Size) => ReactNode; table: () => ReactNode }) {
  const { sizes, hydrated } = useChartSizes();
  const [open, setOpen] = useState(false);
  return (
    <figure className="mt-4" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="font-medium">{title}</figcaption>
      {sizes.map(({ size, className }) => (
        <svg key={size.width} viewBox={`0 0 ${size.width} ${size.height}`} role="img" aria-label={label} className={hydrated ? "block w-full max-w-3xl" : className}>
          {children(size)}
        </svg>
      ))}
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">{legend}</div>
      <details className="mt-1 text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="min-h-11 cursor-pointer py-2 text-brand-800 underline">The figures behind this chart</summary>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${title}: figures`}>
          {!hydrated || open ? table() : null}
        </div>
      </details>
    </figure>
  );
}

function LegendItem({ i, label, cap }: { i?: number; label: string; cap?: boolean }) {
  const s = i === undefined ? null : look(i);
  return (
    <span className="inline-flex items-center gap-2">
      <svg width="32" height="12" aria-hidden="true">
        <line x1="0" x2="32" y1="6" y2="6" stroke={cap ? CAP.stroke : s!.stroke} strokeWidth="3" strokeDasharray={cap ? CAP.dash : s!.dash} />
      </svg>
      {label}
    </span>
  );
}

const margin = (w: number) => ({ top: 12, right: 16, bottom: 44, left: w < 400 ? 52 : 64 });

/** What the commissioners pay in all, by scenario: P10–P90 bars, the median marked, against the cap on outcome payments. */
export function CostChart({ forecast, cap }: { forecast: Forecast; cap: CapLine | null }) {
  const scenarios = forecast.scenarios;
  const max = Math.max(1, cap?.pence ?? 0, ...scenarios.map((s) => s.commissionerCostPence.p90)) * 1.05;
  const label = `What the commissioners pay in all, by scenario (median, with P10 to P90): ${scenarios.map((s) => `${s.scenario}: ${pounds(s.commissionerCostPence.p50)} (${pounds(s.commissionerCostPence.p10)} to ${pounds(s.commissionerCostPence.p90)})`).join("; ")}${cap ? `. ${cap.label}: ${pounds(cap.pence)}.` : "."}`;
  return (
    <ChartFigure
      id="cost-chart"
      title="What the commissioners pay in all, by scenario"
      label={label}
      legend={
        <>
          <span>Bars: P10 to P90 over the runs; the dark mark: the median.</span>
          {cap ? <LegendItem cap label={`${cap.label} (${pounds(cap.pence)})`} /> : null}
        </>
      }
      table={() => (
        <table className="min-w-full text-left">
          <thead>
            <tr>
              <th scope="col" className="pr-3">Scenario</th>
              <th scope="col" className="pr-3">P10</th>
              <th scope="col" className="pr-3">P50</th>
              <th scope="col">P90</th>
            </tr>
          </thead>
          <tbody>
            {scenarios.map((s) => (
              <tr key={s.scenario}>
                <th scope="row" className="pr-3 font-normal">{s.scenario}</th>
                <td className="pr-3">{pounds(s.commissionerCostPence.p10)}</td>
                <td className="pr-3">{pounds(s.commissionerCostPence.p50)}</td>
                <td>{pounds(s.commissionerCostPence.p90)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    >
      {({ width, height }) => {
        const m = { ...margin(width), left: 12 };
        const x = scaleLinear({ domain: [0, max], range: [m.left, width - m.right], nice: true });
        const y = scaleBand({ domain: scenarios.map((s) => s.scenario), range: [m.top, height - m.bottom], padding: 0.35 });
        const band = y.bandwidth();
        return (
          <>
            {scenarios.map((s, i) => {
              const top = y(s.scenario)!;
              const c = s.commissionerCostPence;
              return (
                <Group key={s.scenario}>
                  <text x={m.left} y={top - 4} {...tickLabel}>{s.scenario.length > 48 && width < 400 ? `${s.scenario.slice(0, 46)}…` : s.scenario}</text>
                  <Bar x={x(c.p10)} y={top + band * 0.2} width={Math.max(2, x(c.p90) - x(c.p10))} height={band * 0.6} fill={look(i).fill} fillOpacity={0.35} stroke={look(i).stroke} />
                  <Bar x={x(c.p50) - 2} y={top} width={4} height={band} fill="#0f172a" />
                </Group>
              );
            })}
            {cap ? <Line from={{ x: x(cap.pence), y: m.top - 8 }} to={{ x: x(cap.pence), y: height - m.bottom }} stroke={CAP.stroke} strokeWidth={2} strokeDasharray={CAP.dash} /> : null}
            <AxisBottom top={height - m.bottom} scale={x} numTicks={width < 400 ? 4 : 7} tickFormat={(v) => compactPounds(Number(v))} tickLabelProps={() => ({ ...tickLabel, textAnchor: "middle" })} label="Commissioners' money, £" labelProps={{ ...axisLabel, textAnchor: "middle" }} stroke="#334155" tickStroke="#334155" />
          </>
        );
      }}
    </ChartFigure>
  );
}

type SeriesOf = (s: ScenarioForecast) => Spread[];

/** Month-by-month lines, one per scenario with its P10–P90 band, optionally against a level (the cap) and zero. */
function MonthlyChart({ id, title, label, yLabel, forecast, series, level, levelLabel }: { id: string; title: string; label: string; yLabel: string; forecast: Forecast; series: SeriesOf; level?: number | null; levelLabel?: string }) {
  const scenarios = forecast.scenarios;
  const all = scenarios.flatMap((s) => series(s));
  const lo = Math.min(0, ...all.map((p) => p.p10));
  const hi = Math.max(1, level ?? 0, ...all.map((p) => p.p90));
  const months = scenarios[0]?.monthly.months ?? [];
  return (
    <ChartFigure
      id={id}
      title={title}
      label={label}
      legend={
        <>
          {scenarios.map((s, i) => <LegendItem key={s.scenario} i={i} label={`${s.scenario} (median; shaded: P10 to P90)`} />)}
          {level != null ? <LegendItem cap label={levelLabel ?? ""} /> : null}
        </>
      }
      table={() => (
        <table className="min-w-full text-left">
          <thead>
            <tr>
              <th scope="col" className="pr-3">Month</th>
              {scenarios.map((s) => <th key={s.scenario} scope="col" className="pr-3">{s.scenario}: P50 (P10 to P90)</th>)}
            </tr>
          </thead>
          <tbody>
            {months.map((month, k) => (
              <tr key={month}>
                <th scope="row" className="pr-3 font-normal">{month}</th>
                {scenarios.map((s) => {
                  const p = series(s)[k]!;
                  return <td key={s.scenario} className="pr-3">{pounds(p.p50)} ({pounds(p.p10)} to {pounds(p.p90)})</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    >
      {({ width, height }) => {
        const m = margin(width);
        const x = scaleUtc({ domain: [monthDate(months[0] ?? "2000-01"), monthDate(months.at(-1) ?? "2000-02")], range: [m.left, width - m.right] });
        const y = scaleLinear({ domain: [lo, hi * 1.05], range: [height - m.bottom, m.top], nice: true });
        const at = (k: number) => x(monthDate(months[k]!));
        return (
          <>
            {scenarios.map((s, i) => (
              <Area key={`band-${s.scenario}`} data={series(s)} x={(_, k) => at(k)} y0={(p) => y(p.p10)} y1={(p) => y(p.p90)} fill={look(i).fill} fillOpacity={0.12} />
            ))}
            {lo < 0 ? <Line from={{ x: m.left, y: y(0) }} to={{ x: width - m.right, y: y(0) }} stroke="#334155" strokeWidth={1} /> : null}
            {level != null ? <Line from={{ x: m.left, y: y(level) }} to={{ x: width - m.right, y: y(level) }} stroke={CAP.stroke} strokeWidth={2} strokeDasharray={CAP.dash} /> : null}
            {scenarios.map((s, i) => (
              <LinePath key={`line-${s.scenario}`} data={series(s)} x={(_, k) => at(k)} y={(p) => y(p.p50)} stroke={look(i).stroke} strokeWidth={2.5} strokeDasharray={look(i).dash} />
            ))}
            <AxisLeft left={m.left} scale={y} numTicks={5} tickFormat={(v) => compactPounds(Number(v))} tickLabelProps={() => ({ ...tickLabel, textAnchor: "end", dx: -4, dy: 4 })} label={yLabel} labelOffset={width < 400 ? 34 : 44} labelProps={{ ...axisLabel, textAnchor: "middle" }} stroke="#334155" tickStroke="#334155" />
            <AxisBottom top={height - m.bottom} scale={x} numTicks={width < 400 ? 4 : 8} tickFormat={(v) => (v instanceof Date ? String(v.getUTCFullYear()) : String(v))} tickLabelProps={() => ({ ...tickLabel, textAnchor: "middle" })} stroke="#334155" tickStroke="#334155" />
          </>
        );
      }}
    </ChartFigure>
  );
}

const ends = (forecast: Forecast, series: SeriesOf) =>
  forecast.scenarios.map((s) => {
    const points = series(s);
    const last = points.at(-1);
    return `${s.scenario}: lowest ${pounds(Math.min(...points.map((p) => p.p50)))}, ending at ${pounds(last?.p50 ?? 0)} (P10 ${pounds(last?.p10 ?? 0)}, P90 ${pounds(last?.p90 ?? 0)})`;
  });

/** The investors' cumulative cash over time, every scenario: below zero they are out of pocket. */
export function InvestorCashChart({ forecast }: { forecast: Forecast }) {
  const series: SeriesOf = (s) => s.monthly.investorCumulativePence;
  return (
    <MonthlyChart
      id="investor-cash-chart"
      title="The investors' cash position over time (cumulative; below zero, their capital is in)"
      label={`The investors' cumulative cash by month, medians: ${ends(forecast, series).join("; ")}.`}
      yLabel="Investors' money, £"
      forecast={forecast}
      series={series}
    />
  );
}

/** What the commissioners have paid to date, by invoice month, every scenario, against the cap. */
export function CommissionerPaymentsChart({ forecast, cap }: { forecast: Forecast; cap: CapLine | null }) {
  const series: SeriesOf = (s) => s.monthly.commissionerCumulativePence;
  return (
    <MonthlyChart
      id="commissioner-payments-chart"
      title="What the commissioners have paid to date, by invoice month"
      label={`The commissioners' payments to date by invoice month, medians: ${ends(forecast, series).join("; ")}${cap ? `. ${cap.label}: ${pounds(cap.pence)}.` : "."}`}
      yLabel="Commissioners' money, £"
      forecast={forecast}
      series={series}
      level={cap?.pence ?? null}
      levelLabel={cap ? `${cap.label} (${pounds(cap.pence)})` : undefined}
    />
  );
}
