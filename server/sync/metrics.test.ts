import { describe, expect, it } from "vitest";
import { SyncMetrics } from "./metrics";

describe("SyncMetrics", () => {
  it("renders Prometheus text with the current values", () => {
    const m = new SyncMetrics();
    m.connections = 3;
    m.updatesDropped = 2;
    m.persisted(4);
    m.persisted(8);
    const text = m.render();
    expect(text).toContain("# TYPE oc_sync_connections gauge\noc_sync_connections 3");
    expect(text).toContain("oc_sync_updates_dropped_total 2");
    expect(text).toContain('oc_sync_persist_latency_ms{quantile="0.99"} 8.00');
    expect(text).toMatch(/oc_event_loop_delay_ms\{quantile="0.5"\} \d+\.\d\d/);
  });
});
