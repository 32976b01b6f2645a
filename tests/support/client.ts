import { spawn } from "node:child_process";

// A tiny browser stand-in for integration tests: a cookie jar, the CSRF token from
// the page, form posts as a browser without JavaScript would send them.
export class Browser {
  private cookies = new Map<string, string>();
  csrf = "";

  constructor(readonly base: string) {}

  private store(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      if (/max-age=0/i.test(c) || value === "") this.cookies.delete(name!);
      else this.cookies.set(name!, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  hasCookie(name: string) {
    return this.cookies.has(name);
  }

  async get(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(this.base + path, { ...init, redirect: "manual", headers: { Cookie: this.cookieHeader(), ...init.headers } });
    this.store(res);
    return res;
  }

  /** GETs a page and remembers its CSRF token; returns status and HTML. */
  async page(path: string): Promise<{ status: number; html: string; location: string | null }> {
    const res = await this.get(path);
    // React separates adjacent text with <!-- -->; drop it so tests can match prose.
    const html = (await res.text()).replaceAll("<!-- -->", "");
    const m = /name="csrf" value="([^"]+)"/.exec(html);
    if (m) this.csrf = m[1]!;
    return { status: res.status, html, location: res.headers.get("location") };
  }

  /** POSTs a form (with the CSRF token unless `csrf: false`). */
  async post(path: string, fields: Record<string, string>, { csrf = true } = {}): Promise<Response> {
    if (csrf && !this.csrf) await this.page("/login");
    const body = new URLSearchParams({ ...(csrf ? { csrf: this.csrf } : {}), ...fields });
    const res = await fetch(this.base + path, {
      method: "POST",
      body,
      redirect: "manual",
      headers: { Cookie: this.cookieHeader(), "Content-Type": "application/x-www-form-urlencoded" },
    });
    this.store(res);
    return res;
  }

  /** POSTs a multipart form with files, as a browser's file upload does. */
  async postMultipart(path: string, fields: Record<string, string>, files: Record<string, { name: string; type: string; bytes: Uint8Array }>): Promise<Response> {
    const body = new FormData();
    body.set("csrf", this.csrf);
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    for (const [k, f] of Object.entries(files)) body.set(k, new File([f.bytes as Uint8Array<ArrayBuffer>], f.name, { type: f.type }));
    const res = await fetch(this.base + path, { method: "POST", body, redirect: "manual", headers: { Cookie: this.cookieHeader() } });
    this.store(res);
    return res;
  }

  async login(email: string, password = "outcomes-demo"): Promise<void> {
    await this.page("/login");
    const res = await this.post("/login", { email, password });
    if (res.status !== 302) throw new Error(`login as ${email} failed with ${res.status}: ${await res.text()}`);
  }
}

/** Runs the admin CLI against a server's database; returns exit code and output. */
export async function admin(env: Record<string, string>, args: string[]) {
  const root = new URL("../..", import.meta.url).pathname;
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(`${root}node_modules/.bin/tsx`, ["server/cli/admin.ts", ...args], {
      cwd: root,
      env: { ...process.env, ...env, NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
