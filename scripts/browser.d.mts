export function systemChromium(): string | null;
export const CHROMIUM_ARGS: string[];
