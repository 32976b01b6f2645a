// Starts the real server (server/index.ts over the production build) on port 0
// against its own fresh database, and stops it afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import { freshDatabase, type TestDatabase } from "./database";

export type TestServer = {
  url: string;
  pid: number;
  db: TestDatabase;
  env: Record<string, string>;
  logs: () => string;
  /** SIGTERM, then drop the database. */
  stop: () => Promise<void>;
  /** SIGTERM, keeping the database for the next server. */
  stopKeepingDb: () => Promise<void>;
  /** SIGKILL: no chance to flush. */
  kill9: () => Promise<void>;
};

const ROOT = new URL("../..", import.meta.url).pathname;
const TSX = `${ROOT}node_modules/.bin/tsx`;

/**
 * Starts a server; pass `database` to reuse one (e.g. to test a restart), and
 * `nodeArgs` for Node flags (e.g. `--cpu-prof` when profiling a benchmark).
 */
export async function startServer(extraEnv: Record<string, string> = {}, database?: TestDatabase, nodeArgs: string[] = []): Promise<TestServer> {
  const db = database ?? (await freshDatabase());
  const env = { DATABASE_URL: db.url, SESSION_SECRET: "test-secret-test-secret-test-secret-0000", ...extraEnv };
  const child = spawn(TSX, [...nodeArgs, "server/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: "0", HOST: "127.0.0.1", NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/localhost:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const pid = Number(/pid (\d+)\)/.exec(output)?.[1] ?? child.pid);
  return {
    url,
    pid,
    db,
    env,
    logs: () => output,
    stop: async () => {
      await stopChild(child, pid);
      await db.drop();
    },
    stopKeepingDb: () => stopChild(child, pid),
    kill9: async () => {
      // The server runs in a child of the tsx wrapper: kill the server itself, or it
      // would live on as an orphan holding its port and database.
      const exited = new Promise((r) => child.once("exit", r));
      killQuietly(pid, "SIGKILL");
      await exited;
    },
  };
}

function killQuietly(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM (tsx passes it on to the server); after 10 s, SIGKILL to the server and the wrapper. */
async function stopChild(child: ChildProcess, serverPid: number) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => {
    killQuietly(serverPid, "SIGKILL");
    child.kill("SIGKILL");
  }, 10_000);
  await exited;
  clearTimeout(timer);
}
