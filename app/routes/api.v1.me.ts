import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson } from "~/utils/http.server";
import { methodNotAllowed, requireApiUser } from "~/utils/api.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  return apiJson({ id: user.id, name: user.name, email: user.email, organisation: user.organisation ? { name: user.organisation.name, type: user.organisation.type } : null });
}

export const action = () => methodNotAllowed(["GET"]);
