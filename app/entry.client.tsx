// Client entry: hydrates the server-rendered document.
import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { noteTypingBeforeHydration } from "~/utils/typed-before-hydration";

noteTypingBeforeHydration();
startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
