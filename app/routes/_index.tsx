import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { getUserId } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUserId(request)) throw redirect("/workspaces");
  return null;
}

export default function Index() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Design outcomes contracts together</h1>
      <p className="mt-4 text-lg">
        Outcome Commons is where the commissioners, providers, investors and young people around a public service
        design an outcomes-based contract together, live, and then run the procurement on what they designed.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link to="/signup" className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Create an account
        </Link>
        <Link to="/login" className="inline-flex min-h-11 items-center rounded border border-slate-600 bg-white px-4 py-2 font-medium hover:bg-slate-100">
          Sign in
        </Link>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Outcome Commons" }];
