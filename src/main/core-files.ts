import { join } from 'node:path';

/** File names inside the data folder. */
export const databaseFile = (dataDir: string) => join(dataDir, 'mdk.sqlite');
