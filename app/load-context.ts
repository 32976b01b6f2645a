// What server/ passes to every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address, for rate limiting only; never logged with identities. */
    clientAddress?: string;
  }
}
export {};
