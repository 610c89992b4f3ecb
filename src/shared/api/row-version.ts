import { z } from 'zod';

/**
 * The version a save is based on (team mode): a newer one on the server makes the save a conflict
 * naming who changed what and when. Optional: a caller that read nothing (the CLI) saves as before.
 */
export const expectedVersion = () => z.number().int().min(0).optional();
