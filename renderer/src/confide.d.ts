import type { ConfideBridge } from '../../shared/bridge';

declare global {
  interface Window {
    /** Exposed by the preload (or by the e2e harness). The renderer's only door to the vault. */
    readonly confide: ConfideBridge;
  }
}

export {};
