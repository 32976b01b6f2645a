import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useMatches, useRouteLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CsrfInput } from "~/components/forms";
import { countUnread } from "~/models/notification.server";
import { getUser } from "~/utils/auth.server";
import { getCsrfToken } from "~/utils/csrf.server";
import { useNonce } from "~/utils/nonce";
import "./tailwind.css";

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, csrf] = await Promise.all([getUser(request), getCsrfToken(request)]);
  const unread = user ? await countUnread(user.id) : 0;
  return data(
    { user: user ? { name: user.name, organisation: user.organisation?.name ?? null, unread } : null, csrf: csrf.token },
    { headers: csrf.setCookie ? { "Set-Cookie": csrf.setCookie } : undefined },
  );
}

export const meta: MetaFunction = () => [{ title: "Outcome Commons" }];

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const user = root?.user;
  const nonce = useNonce();
  // A phone in a workshop and the projector wall show nothing of the account pages.
  const bare = useMatches().some((m) => (m.handle as { chrome?: string } | undefined)?.chrome === "none");
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          Skip to main content
        </a>
        {bare ? null : <header className="border-b border-slate-200 bg-white print:hidden">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
            <Link to="/" className="text-lg font-bold text-brand-800">
              Outcome Commons
            </Link>
            <nav aria-label="Main">
              <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
                {user ? (
                  <>
                    <li>
                      <Link className="underline-offset-2 hover:underline" to="/workspaces">Workspaces</Link>
                    </li>
                    <li>
                      <Link className="underline-offset-2 hover:underline" to="/notifications">
                        Notifications{user.unread > 0 ? <span className="ml-1 rounded-full bg-brand-700 px-2 py-0.5 text-white">{user.unread}<span className="sr-only"> unread</span></span> : null}
                      </Link>
                    </li>
                    <li>
                      <Link className="underline-offset-2 hover:underline" to="/settings/account">Account</Link>
                    </li>
                    <li>
                      <Link className="underline-offset-2 hover:underline" to="/settings/tokens">API tokens</Link>
                    </li>
                    <li>
                      <Form method="post" action="/logout">
                        <CsrfInput />
                        <button type="submit" className="underline underline-offset-2">
                          Sign out<span className="sr-only"> {user.name}</span>
                        </button>
                      </Form>
                    </li>
                  </>
                ) : (
                  <>
                    <li><Link className="underline-offset-2 hover:underline" to="/login">Sign in</Link></li>
                    <li><Link className="underline-offset-2 hover:underline" to="/signup">Create an account</Link></li>
                  </>
                )}
              </ul>
            </nav>
          </div>
        </header>}
        <main id="main" className={bare ? "" : "mx-auto max-w-5xl px-4 py-6"}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
