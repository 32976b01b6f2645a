import { problem } from "~/utils/http.server";

const notFound = () => problem({ status: 404, detail: "No such API endpoint. See /api/v1/openapi.json." });
export const loader = notFound;
export const action = notFound;
