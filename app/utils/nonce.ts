// The Content-Security-Policy nonce of this response (server/middleware.ts makes one
// per request). Only the server knows it: browsers hide a nonce from the DOM, so in
// the browser it is "" and hydration sees the same empty value.
import { createContext, useContext } from "react";

export const NonceContext = createContext("");

/** The nonce for inline scripts on this page. */
export function useNonce(): string {
  return useContext(NonceContext);
}
