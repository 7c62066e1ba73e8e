// The part of pngjs the roster spec uses to read a screenshot for the QR decoder (no bundled types).
declare module "pngjs" {
  export const PNG: {
    sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } };
  };
}
