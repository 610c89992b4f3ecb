/**
 * What the desktop shell offers beyond the API (the preload's `mdkShell`); absent in browser mode,
 * where the server's disk is not the user's and exports are downloads instead.
 */
interface ShellApi {
  pickFolder(): Promise<string | null>;
}

const shell = (window as unknown as { mdkShell?: ShellApi }).mdkShell;

/** The system's folder dialog (null in browser mode): the folder's absolute path, or null if cancelled. */
export const pickFolder: (() => Promise<string | null>) | null = shell ? () => shell.pickFolder() : null;
