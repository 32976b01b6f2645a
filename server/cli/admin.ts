// `npm run admin -- <command> [--flags]`: how operators and tests script the platform.
// Wrong arguments print usage and exit 2; every command says what it did.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ORGANISATION_TYPES, ROLES } from "~/domain/roles";
import { EmailSchema, OrganisationTypeSchema, PasswordSchema, PersonNameSchema, RoleSchema, WorkspaceNameSchema } from "~/domain/validation";
import { createApiToken } from "~/models/api-token.server";
import { createUser, getUserByEmail } from "~/models/user.server";
import { upsertMember } from "~/models/membership.server";
import { createWorkspace } from "~/models/workspace.server";
import { readChain, verifyChains } from "~/models/audit.server";
import { disconnectDb, db } from "~/utils/db.server";
import { DEFAULT_DATABASE_URL, env } from "~/utils/env.server";
import { migrate } from "../db/migrate";
import { ACTUALS_FORMATS, writeActuals } from "./actuals-output";
import { inviteFromCsv } from "./invite-csv";
import { IsoDateSchema } from "~/domain/payment/dates";
import { forecast, ForecastInputSchema } from "~/domain/payment/forecast";
import { ActualsInputSchema } from "~/domain/payment/model";
import { DEMO_PASSWORD, seedDemo } from "../../prisma/seed";

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  user:create --email E --password P --name N [--org O --org-type T]
  workspace:create --name N --owner EMAIL [--owner-role commissioner|facilitator]
  member:add --workspace ID --email E --role R
  invite:csv --workspace ID --file F [--base-url URL]
      CSV columns: name,email,organisation,role (header row required)
  token:create --email E [--name N]
  demo:seed
  audit:verify [--chain C [--head H]]
      recomputes every audit chain (or one) and names the first entry edited, deleted or
      reordered; with --head, also checks a head printed earlier is still in the chain
  audit:export --chain C
      one chain as JSON (chains: workspace:<id>, bids:<procurementId>, global)
  payments:evaluate --model F --participants F [--as-of YYYY-MM-DD] [--format json|ndjson|csv|summary]
      actuals for a payment model and participants (JSON files); as-of defaults to today.
      Lines are streamed as they are decided: json (the default), ndjson (a line each),
      csv (a row per payer's share, in pence), or summary (totals, invoices and caps only)
  payments:forecast --model F --scenarios F --runs N --seed S
      P10/P50/P90 forecasts (JSON); the same seed gives the same figures
  (formats: docs/schemas/*.schema.json, examples in docs/examples/)

Roles: ${ROLES.join(", ")}
Organisation types: ${ORGANISATION_TYPES.join(", ")}
Database: DATABASE_URL (default ${DEFAULT_DATABASE_URL})`;

export class UsageError extends Error {}

type Flags = Record<string, string | undefined>;

/** Reads and parses a JSON file, or says which file and why not. */
function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Validates `input` with `schema`, naming each bad field by its path. */
function validate<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new UsageError(`${what} is not valid:\n${result.error.issues.map((i) => `  ${i.path.join(".") || "(top)"}: ${i.message}`).join("\n")}`);
}

type Command = { flags: string[]; /** false: runs without a database */ database?: false; run: (f: Flags) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  "user:create": {
    flags: ["email", "password", "name", "org", "org-type"],
    async run(f) {
      const input = parse(
        z.object({
          email: EmailSchema,
          password: PasswordSchema,
          name: PersonNameSchema,
          org: z.string().trim().optional(),
          "org-type": OrganisationTypeSchema.optional(),
        }),
        f,
      );
      if (input.org && !input["org-type"]) throw new UsageError("--org needs --org-type");
      const user = await createUser({
        email: input.email,
        name: input.name,
        password: input.password,
        organisation: input.org ? { name: input.org, type: input["org-type"]! } : undefined,
      });
      console.log(`created user ${user.email} (${user.id})${user.organisation ? ` in ${user.organisation.name}` : ""}`);
      return 0;
    },
  },
  "workspace:create": {
    flags: ["name", "owner", "owner-role"],
    async run(f) {
      const input = parse(
        z.object({ name: WorkspaceNameSchema, owner: EmailSchema, "owner-role": z.enum(["commissioner", "facilitator"]).default("commissioner") }),
        f,
      );
      const owner = await requireUserByEmail(input.owner);
      const w = await createWorkspace({ name: input.name, description: "", ownerId: owner.id, ownerRole: input["owner-role"] });
      console.error(`created workspace "${w.name}" with ${owner.email} as ${input["owner-role"]}`);
      console.log(w.id);
      return 0;
    },
  },
  "member:add": {
    flags: ["workspace", "email", "role"],
    async run(f) {
      const input = parse(z.object({ workspace: z.string().min(1), email: EmailSchema, role: RoleSchema }), f);
      const user = await requireUserByEmail(input.email);
      await requireWorkspace(input.workspace);
      const result = await upsertMember({ workspaceId: input.workspace, userId: user.id, role: input.role, by: { name: "the admin command line" } });
      const said = {
        added: `added ${user.email} as ${input.role}`,
        changed: `changed ${user.email} from ${"previousRole" in result ? result.previousRole : "?"} to ${input.role}`,
        unchanged: `${user.email} is already ${input.role}; nothing changed`,
      }[result.outcome];
      console.log(said);
      return 0;
    },
  },
  "invite:csv": {
    flags: ["workspace", "file", "base-url"],
    async run(f) {
      const input = parse(z.object({ workspace: z.string().min(1), file: z.string().min(1), "base-url": z.url().optional() }), f);
      await requireWorkspace(input.workspace);
      let text: string;
      try {
        text = readFileSync(input.file, "utf8");
      } catch {
        throw new UsageError(`cannot read ${input.file}`);
      }
      const baseUrl = input["base-url"] ?? `http://localhost:${env().PORT || 3000}`;
      const report = await inviteFromCsv({ workspaceId: input.workspace, csv: text, baseUrl });
      for (const line of report.lines) console.log(line);
      console.log(`${report.invited} invited, ${report.refused} refused`);
      return report.refused > 0 ? 1 : 0;
    },
  },
  "token:create": {
    flags: ["email", "name"],
    async run(f) {
      const input = parse(z.object({ email: EmailSchema, name: z.string().trim().min(1).max(60).default("admin CLI") }), f);
      const user = await requireUserByEmail(input.email);
      const t = await createApiToken({ userId: user.id, name: input.name, byName: "the admin command line" });
      console.error(`created API token "${t.name}" for ${user.email}; it is shown once:`);
      console.log(t.token);
      return 0;
    },
  },
  "payments:evaluate": {
    flags: ["model", "participants", "as-of", "format"],
    database: false,
    async run(f) {
      const input = parse(z.object({ model: z.string().min(1), participants: z.string().min(1), "as-of": IsoDateSchema.optional(), format: z.enum(ACTUALS_FORMATS).default("json") }), f);
      // The raw JSON is not kept once validated: for a big cohort it is as large as the parsed one.
      const parsed = validate(ActualsInputSchema, { model: readJson(input.model), participants: readJson(input.participants), asOf: input["as-of"] ?? new Date().toISOString().slice(0, 10) }, "The input");
      const summary = writeActuals(parsed, input.format);
      console.error(`evaluated ${Object.keys(summary.byParticipant).length} participants with payments: ${summary.totals.paidPence} pence paid`);
      return 0;
    },
  },
  "payments:forecast": {
    flags: ["model", "scenarios", "runs", "seed"],
    database: false,
    async run(f) {
      const input = parse(z.object({ model: z.string().min(1), scenarios: z.string().min(1), runs: z.coerce.number().int().min(1).max(20_000), seed: z.coerce.number().int().min(0).max(2 ** 32 - 1) }), f);
      const body = { model: readJson(input.model), scenarios: readJson(input.scenarios), runs: input.runs, seed: input.seed };
      const parsed = validate(ForecastInputSchema, body, "The input");
      const result = forecast(parsed, (done, total) => process.stderr.write(`\r${done}/${total} runs`));
      process.stderr.write("\n");
      console.log(JSON.stringify(result, null, 2));
      return 0;
    },
  },
  "audit:verify": {
    flags: ["chain", "head"],
    async run(f) {
      const input = parse(z.object({ chain: z.string().min(1).optional(), head: z.string().regex(/^[0-9a-f]{64}$/, "a head is 64 hex digits, as printed in full on the record").optional() }), f);
      if (input.head && !input.chain) throw new UsageError("--head needs --chain: a head belongs to one chain");
      const checks = await verifyChains(input.chain ? [input.chain] : undefined, input.chain && input.head ? { [input.chain]: input.head } : {});
      let bad = 0;
      for (const c of checks) {
        if (c.problem) {
          bad += 1;
          console.log(`FAIL ${c.chain}: ${c.problem.message}`);
        } else console.log(`ok   ${c.chain}: ${c.entries} entries, head ${c.head}`);
      }
      if (!checks.length) console.log("no audit entries yet");
      console.error(bad ? `${bad} of ${checks.length} chains do not verify` : `${checks.length} chains verify`);
      return bad ? 1 : 0;
    },
  },
  "audit:export": {
    flags: ["chain"],
    async run(f) {
      const input = parse(z.object({ chain: z.string().min(1) }), f);
      console.log(JSON.stringify({ chain: input.chain, entries: await readChain(input.chain) }, null, 2));
      return 0;
    },
  },
  "demo:seed": {
    flags: [],
    async run() {
      const r = await seedDemo();
      console.log(r.created ? `seeded demo workspace ${r.workspaceId}` : `demo workspace ${r.workspaceId} already present; nothing changed`);
      console.log(`${r.logins.length} demo logins, password: ${DEMO_PASSWORD}`);
      return 0;
    },
  },
};

function parse<S extends z.ZodType>(schema: S, flags: Flags): z.infer<S> {
  const result = schema.safeParse(flags);
  if (result.success) return result.data;
  throw new UsageError(result.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
}

async function requireUserByEmail(email: string) {
  const user = await getUserByEmail(email);
  if (!user) throw new UsageError(`no user with email ${email}; create it with user:create`);
  return user;
}

async function requireWorkspace(id: string) {
  const w = await db().workspace.findUnique({ where: { id }, select: { id: true } });
  if (!w) throw new UsageError(`no workspace with id ${id}`);
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(name && name !== "--help" ? `Unknown command: ${name}\n\n${USAGE}` : USAGE);
    return name === "--help" ? 0 : 2;
  }
  let flags: Flags;
  try {
    const parsed = parseArgs({
      args: rest,
      options: Object.fromEntries(command.flags.map((f) => [f, { type: "string" as const }])),
      strict: true,
      allowPositionals: false,
    });
    flags = parsed.values as Flags;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  try {
    if (command.database !== false) await migrate(env().DATABASE_URL);
    return await command.run(flags);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${name}: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await disconnectDb();
  }
}

process.exitCode = await main(process.argv.slice(2));
