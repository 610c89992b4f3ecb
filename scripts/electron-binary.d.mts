export function electronBinaryPath(root?: string): string | null;
