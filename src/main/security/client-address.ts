/**
 * The network address each session calls from (the unit server sets it; Electron windows, browser
 * mode and the CLI have none). The access log copies it beside the user.
 */
const addresses = new Map<string, string>();

export function noteClientAddress(sessionId: string, address: string): void {
  addresses.set(sessionId, address);
}

export function forgetClientAddress(sessionId: string): void {
  addresses.delete(sessionId);
}

export const clientAddressOf = (sessionId: string): string | null => addresses.get(sessionId) ?? null;
