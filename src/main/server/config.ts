/**
 * The unit server's settings (enhetsserver): `mdk-server.json` in the data folder, written with its
 * defaults at first start so the administrator has a file to edit. Flags override it per run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

export interface ServerTlsConfig {
  /** PEM certificate (chain) and private key issued by the hospital's CA. */
  certFile?: string;
  keyFile?: string;
  /** Or one PKCS#12 file (.pfx/.p12), as Windows certificate stores export it. */
  pfxFile?: string;
  /** Passphrase of the PFX or the PEM key; better in MDK_TLS_PASSPHRASE than in this file. */
  passphrase?: string;
}

export interface ServerConfig {
  host: string;
  port: number;
  tls: ServerTlsConfig;
  /** File holding the server key that unwraps the database key for unattended start (`mdk server-init`). */
  serverKeyFile: string;
}

export const serverConfigFile = (dataDir: string) => join(dataDir, 'mdk-server.json');

export const DEFAULT_PORT = 8443;

export function defaultServerConfig(dataDir: string): ServerConfig {
  return { host: '0.0.0.0', port: DEFAULT_PORT, tls: {}, serverKeyFile: join(dataDir, 'mdk-server.key') };
}

/** Reads the config (creating it with defaults when missing); relative paths are relative to the data folder. */
export function loadServerConfig(dataDir: string, overrides: { host?: string; port?: number } = {}): ServerConfig {
  const file = serverConfigFile(dataDir);
  const defaults = defaultServerConfig(dataDir);
  let stored: Partial<ServerConfig> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<ServerConfig>;
  else writeFileSync(file, JSON.stringify({ host: defaults.host, port: defaults.port, tls: {}, serverKeyFile: 'mdk-server.key' }, null, 2) + '\n');
  const inData = (p: string | undefined) => (p === undefined || isAbsolute(p) ? p : join(dataDir, p));
  const tls = stored.tls ?? {};
  const port = overrides.port ?? stored.port ?? defaults.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Ogiltig port / invalid port: ${port}`);
  return {
    host: overrides.host ?? stored.host ?? defaults.host,
    port,
    tls: {
      certFile: inData(tls.certFile),
      keyFile: inData(tls.keyFile),
      pfxFile: inData(tls.pfxFile),
      passphrase: process.env.MDK_TLS_PASSPHRASE ?? tls.passphrase,
    },
    serverKeyFile: inData(stored.serverKeyFile) ?? defaults.serverKeyFile,
  };
}
