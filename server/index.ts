// The Node entry: migrate, seed the demo on first start, then serve Remix with
// Express, with the WebSocket sync endpoint on the same HTTP server.
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { disconnectDb } from "~/utils/db.server";
import { setDocumentFlusher, setDocumentWriter } from "~/models/document.server";
import { disconnectRedis } from "~/utils/redis.server";
import { closeWorkspaceEvents } from "~/utils/workspace-events.server";
import { databaseKind, env } from "~/utils/env.server";
import { migrate } from "./db/migrate";
import { deleteDueCards } from "~/models/workshop.server";
import { prepareDemo } from "./demo";
import { bodyLimit, noStore, refuseNulInAddress, requestLog, sameOriginWrites, securityHeaders } from "./middleware";
import { ActivityRecorder } from "./activity";
import { ComputePool } from "./compute/compute-pool";
import { prismaSyncHooks } from "./sync/prisma-hooks";
import { attachSyncServer, DEFAULT_SYNC_OPTIONS } from "./sync/server";

const config = env();
const kind = databaseKind(config.DATABASE_URL);
const applied = await migrate(config.DATABASE_URL);
if (applied.length) console.log(`database (${kind}): applied ${applied.join(", ")}`);
const demo = config.SEED_DEMO === "true" ? await prepareDemo() : null;

const compute = new ComputePool();
const app = express();
app.disable("x-powered-by");
if (config.TRUST_PROXY === "true") app.set("trust proxy", true);
app.use(securityHeaders({ trustProxy: config.TRUST_PROXY === "true", development: config.NODE_ENV === "development" }));
if (config.NODE_ENV !== "test") app.use(requestLog);
app.use(refuseNulInAddress);
app.use(bodyLimit);
app.use(sameOriginWrites);
app.get("/metrics", (req, res) => {
  const local = ["127.0.0.1", "::1", "::ffff:127.0.0.1"].includes(req.socket.remoteAddress ?? "");
  const bearer = config.METRICS_TOKEN && req.get("authorization") === `Bearer ${config.METRICS_TOKEN}`;
  if (!local && !bearer) return void res.status(404).end();
  res.type("text/plain; version=0.0.4").send(sync.metrics.render());
});

let build: ServerBuild | (() => Promise<ServerBuild>);
if (config.NODE_ENV === "production" || config.NODE_ENV === "test") {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
  // @ts-expect-error the build exists only after `npm run build`
  build = (await import("../build/server/index.js")) as ServerBuild;
} else {
  const vite = await import("vite");
  const devServer = await vite.createServer({ server: { middlewareMode: true } });
  app.use(devServer.middlewares);
  build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
}

app.use(noStore);
app.all(
  "*",
  createRequestHandler({
    build,
    mode: config.NODE_ENV === "development" ? "development" : "production",
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      runForecast: compute.forecast,
      runForecastMany: compute.forecastMany,
      runActuals: compute.actuals,
    }),
  }),
);

const server = createServer(app);
const activity = new ActivityRecorder({ quietMs: config.ACTIVITY_QUIET_MS, maxMs: Math.max(config.ACTIVITY_QUIET_MS, 120_000) });
const sync = await attachSyncServer(server, { ...prismaSyncHooks, ...activity.hooks }, {
  ...DEFAULT_SYNC_OPTIONS,
  maxMessageBytes: config.SYNC_MAX_MESSAGE_BYTES,
  batchMs: config.SYNC_BATCH_MS,
  unloadAfterMs: config.SYNC_UNLOAD_AFTER_MS,
  recheckMs: config.SYNC_RECHECK_MS,
  redisUrl: config.REDIS_URL,
});

// Pages that read a stored document see this process's edits still in their batching window.
setDocumentFlusher((docName) => sync.registry.flush(docName));
setDocumentWriter((docName, update) => sync.registry.write(docName, update));

// Workshops' raw cards are deleted on the schedule their facilitator set: at start and hourly.
const sweepCards = () =>
  deleteDueCards().then(
    (swept) => swept.length && console.log(`workshops: deleted the raw cards of ${swept.length} closed workshop(s) on schedule`),
    (error: unknown) => console.error(`workshops: card deletion failed: ${error instanceof Error ? error.message : String(error)}`),
  );
void sweepCards();
setInterval(() => void sweepCards(), 60 * 60_000).unref();

server.listen(config.PORT, config.HOST, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Outcome Commons listening on http://localhost:${port} (database: ${kind}, pid ${process.pid})`);
  if (demo) console.log(demo);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing`);
  setTimeout(() => process.exit(1), 10_000).unref();
  // Stop accepting, end event streams, store every document, close sockets, then the database.
  server.close();
  void closeWorkspaceEvents();
  server.closeIdleConnections();
  sync
    .close()
    .then(() => activity.close())
    .then(() => compute.close())
    .then(disconnectDb)
    .then(disconnectRedis)
    .then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`shutdown: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
