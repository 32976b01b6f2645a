// Environment, parsed once by zod. Everything else reads `env()`.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";

export const DEFAULT_DATABASE_URL = "file:./data/outcome-commons.db";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), {
      message: "DATABASE_URL must be a file: URL (SQLite) or a postgres:// / postgresql:// URL",
    }),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  SEED_DEMO: z.enum(["true", "false"]).default("true"),
  /** The publisher's OCDS prefix (registered with the Open Contracting Partnership): every ocid starts with it. */
  OCDS_PREFIX: z
    .string()
    .regex(/^ocds-[a-z0-9]{6}$/, "OCDS_PREFIX must be 'ocds-' then 6 lower-case letters or digits, e.g. ocds-b5fd17, as registered with the Open Contracting Partnership")
    .default("ocds-ocdemo"),
  /** Set when behind a TLS-terminating proxy that sends X-Forwarded-Proto. */
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  /** Largest WebSocket frame the sync server accepts; larger ones close with 1009. */
  SYNC_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  /** Longest delay before an applied update is stored. */
  SYNC_BATCH_MS: z.coerce.number().int().min(1).max(1000).default(50),
  /** How long a document with no connections stays loaded. */
  SYNC_UNLOAD_AFTER_MS: z.coerce.number().int().min(0).default(30_000),
  /** How often open connections are re-checked against membership. */
  SYNC_RECHECK_MS: z.coerce.number().int().min(100).default(2_000),
  /** The activity feed writes a person's run of edits to one thing once it has been quiet this long. */
  ACTIVITY_QUIET_MS: z.coerce.number().int().min(50).default(10_000),
  /** Redis for fan-out between server processes; unset with a single process. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// or rediss:// URL").optional(),
  /**
   * Other origins (comma-separated, e.g. "https://board.example") whose pages may open
   * a sync connection with the session cookie; the app's own origin always may.
   */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const origins = v.split(",").map((o) => o.trim()).filter(Boolean);
      for (const o of origins) {
        let parsed: URL | null = null;
        try {
          parsed = new URL(o);
        } catch {
          // reported below
        }
        if (!parsed || parsed.origin !== o || !/^https?:$/.test(parsed.protocol)) {
          ctx.addIssue({ code: "custom", message: `ALLOWED_ORIGINS: '${o}' is not an origin like https://oc.example (scheme, host and port only)` });
        }
      }
      return origins;
    }),
  /**
   * The master key that wraps each procurement's key for sealed bids: 32 bytes, base64.
   * Unset: one is generated into the data directory (keep it with, but apart from, backups).
   */
  SEAL_MASTER_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "SEAL_MASTER_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)")
    .optional(),
  /** Bearer token for /metrics from other hosts; localhost needs none. */
  METRICS_TOKEN: z.string().min(16).optional(),
});

export type Env = z.infer<typeof EnvSchema> & { SESSION_SECRET: string; SEAL_MASTER_KEY: string };
let cached: Env | undefined;

/** Parses process.env once; exits with a readable message on bad configuration. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = {
    ...parsed.data,
    SESSION_SECRET: parsed.data.SESSION_SECRET ?? localSecret(parsed.data.DATABASE_URL, "session-secret", "base64url"),
    SEAL_MASTER_KEY: parsed.data.SEAL_MASTER_KEY ?? localSecret(parsed.data.DATABASE_URL, "seal-master-key", "base64"),
  };
  return cached;
}

export type DatabaseKind = "sqlite" | "postgres";

/** Which database a URL points at. */
export function databaseKind(url: string): DatabaseKind {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/**
 * Without SESSION_SECRET (or SEAL_MASTER_KEY), a random secret is kept beside the SQLite database (or in
 * ./data) so that `npm start` needs no configuration and sessions survive restarts.
 */
function localSecret(databaseUrl: string, name: string, encoding: "base64" | "base64url"): string {
  const dir = databaseKind(databaseUrl) === "sqlite" ? dirname(databaseUrl.replace(/^file:/, "")) : "./data";
  const file = `${dir}/${name}`;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  try {
    // "wx": when two processes start at once, the second reads what the first wrote.
    writeFileSync(file, randomBytes(32).toString(encoding), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8").trim();
}
