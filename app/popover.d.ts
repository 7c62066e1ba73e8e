// The HTML popover attributes (glossary definitions open without JavaScript); @types/react 18 lacks them.
import "react";

declare module "react" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- must match React's declaration
  interface HTMLAttributes<T> {
    popover?: "auto" | "manual" | "";
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- must match React's declaration
  interface ButtonHTMLAttributes<T> {
    popovertarget?: string;
    popovertargetaction?: "toggle" | "show" | "hide";
  }
}
