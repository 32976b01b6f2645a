// Counters for /metrics (Prometheus text format). Plain numbers, no library.
import { monitorEventLoopDelay } from "node:perf_hooks";

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
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

  persisted(_updates: number, ms: number): void {
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
    return [
      "# HELP oc_sync_connections Open sync WebSocket connections.",
      "# TYPE oc_sync_connections gauge",
      `oc_sync_connections ${this.connections}`,
      "# HELP oc_sync_documents Documents loaded in this process.",
      "# TYPE oc_sync_documents gauge",
      `oc_sync_documents ${this.documents}`,
      "# HELP oc_sync_updates_applied_total Client updates applied.",
      "# TYPE oc_sync_updates_applied_total counter",
      `oc_sync_updates_applied_total ${this.updatesApplied}`,
      "# HELP oc_sync_updates_dropped_total Client updates refused (read-only role).",
      "# TYPE oc_sync_updates_dropped_total counter",
      `oc_sync_updates_dropped_total ${this.updatesDropped}`,
      "# HELP oc_sync_persist_batches_total Batches written to the database.",
      "# TYPE oc_sync_persist_batches_total counter",
      `oc_sync_persist_batches_total ${this.persistBatches}`,
      `oc_sync_persist_failures_total ${this.persistFailures}`,
      "# HELP oc_sync_persist_latency_ms Persist batch latency over recent batches.",
      "# TYPE oc_sync_persist_latency_ms summary",
      `oc_sync_persist_latency_ms{quantile="0.5"} ${p50.toFixed(2)}`,
      `oc_sync_persist_latency_ms{quantile="0.99"} ${p99.toFixed(2)}`,
      "# HELP oc_sync_redis_lag_ms Delay of the last fan-out frame from another process.",
      "# TYPE oc_sync_redis_lag_ms gauge",
      `oc_sync_redis_lag_ms ${this.redisLagMs.toFixed(2)}`,
      "# HELP oc_event_loop_delay_ms Event-loop delay of this process since start.",
      "# TYPE oc_event_loop_delay_ms summary",
      `oc_event_loop_delay_ms{quantile="0.5"} ${(loopDelay.percentile(50) / 1e6).toFixed(2)}`,
      `oc_event_loop_delay_ms{quantile="0.99"} ${(loopDelay.percentile(99) / 1e6).toFixed(2)}`,
      `oc_event_loop_delay_ms{quantile="1"} ${(loopDelay.max / 1e6).toFixed(2)}`,
      "",
    ].join("\n");
  }
}
