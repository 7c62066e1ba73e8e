// The per-request CSP nonce, handed from entry.server to <Scripts> through React context.
import { createContext, useContext } from "react";

export const NonceContext = createContext<string>("");
export const useNonce = () => useContext(NonceContext);
