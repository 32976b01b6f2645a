import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { destroySession } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  return redirect("/", { headers: { "Set-Cookie": await destroySession(request) } });
}
