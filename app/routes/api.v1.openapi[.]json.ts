import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDocument } from "~/domain/api";
import { apiJson } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return apiJson(openApiDocument(new URL(request.url).origin));
}
