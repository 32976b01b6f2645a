// Counters for /metrics (Prometheus text format). Plain numbers, no library.
import { monitorEventLoopDelay } from "node:perf_hooks";

// The histogram records the interval between samples, so the sampling interval itself
// is subtracted: what is left is how late the event loop was.
const LOOP_SAMPLE_MS = 10;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
loopDelay.enable();

export class SyncMetrics {
  connections = 0;
  documents = 0;
  updatesApplied = 0;
  updatesDropped = 0;
  persistBatches = 0;
  persistFailures = 0;
  /** Age of the last frame received from Redis when it arrived (ms). */
  redisLagMs = 0;
  private persistLatencies: number[] = [];

  /** Records one stored batch and how long it took. */
  persisted(ms: number): void {
    this.persistBatches++;
    this.persistLatencies.push(ms);
    if (this.persistLatencies.length > 1000) this.persistLatencies.splice(0, 500);
  }

  persistFailed(): void {
    this.persistFailures++;
  }

  /** p50/p99 of recent persist batches, in milliseconds. */
  persistLatency(): { p50: number; p99: number } {
    const sorted = [...this.persistLatencies].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return { p50: at(0.5), p99: at(0.99) };
  }

  /** The Prometheus exposition text. */
  render(): string {
    const { p50, p99 } = this.persistLatency();
    const ms = (ns: number) => Math.max(0, ns / 1e6 - LOOP_SAMPLE_MS).toFixed(2);
    return [
      metric("oc_sync_connections", "gauge", "Open sync WebSocket connections.", [["", this.connections]]),
      metric("oc_sync_documents", "gauge", "Documents loaded in this process.", [["", this.documents]]),
      metric("oc_sync_updates_applied_total", "counter", "Client updates applied.", [["", this.updatesApplied]]),
      metric("oc_sync_updates_dropped_total", "counter", "Client updates refused (read-only role).", [["", this.updatesDropped]]),
      metric("oc_sync_persist_batches_total", "counter", "Batches written to the database.", [["", this.persistBatches]]),
      metric("oc_sync_persist_failures_total", "counter", "Batches that failed to store (retried).", [["", this.persistFailures]]),
      metric("oc_sync_persist_latency_ms", "summary", "Persist batch latency over recent batches.", [
        ['{quantile="0.5"}', p50.toFixed(2)],
        ['{quantile="0.99"}', p99.toFixed(2)],
      ]),
      metric("oc_sync_redis_lag_ms", "gauge", "Delay of the last fan-out frame from another process.", [["", this.redisLagMs.toFixed(2)]]),
      metric("oc_event_loop_delay_ms", "summary", "Event-loop delay of this process since start.", [
        ['{quantile="0.5"}', ms(loopDelay.percentile(50))],
        ['{quantile="0.99"}', ms(loopDelay.percentile(99))],
        ['{quantile="1"}', ms(loopDelay.max)],
      ]),
      "",
    ].join("\n");
  }
}

/** One metric in Prometheus text format: HELP, TYPE and its samples. */
function metric(name: string, type: string, help: string, samples: [labels: string, value: number | string][]): string {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples.map(([labels, value]) => `${name}${labels} ${value}`)].join("\n");
}
