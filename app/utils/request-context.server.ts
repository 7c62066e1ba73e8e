// What our server (server/app.ts) learned about a request from its socket, handed to the app.
// An AsyncLocalStorage, not a request header: nothing a client sends can set or forge it. The one
// store lives on globalThis because the server and the built app are separate module graphs.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Protocol } from "./transport";

export type RequestContext = {
  /** The client's address as the server determined it (see clientAddress in transport.ts). */
  clientAddress: string | undefined;
  /** How the request reached us (see requestProtocol in transport.ts). */
  protocol: Protocol;
};

const KEY = Symbol.for("telaah.requestContext");

export function requestContextStorage(): AsyncLocalStorage<RequestContext> {
  const holder = globalThis as unknown as Record<
    symbol,
    AsyncLocalStorage<RequestContext> | undefined
  >;
  return (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());
}

/** The context of the request being handled, or undefined outside our server (e.g. `remix dev`). */
export function requestContext(): RequestContext | undefined {
  return requestContextStorage().getStore();
}
