// File downloads from resource routes: the right type and a file name. Like every
// dynamic response they are never cached (server/middleware.ts: noStore).
export function download(body: string, filename: string, type: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": `${type}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}
