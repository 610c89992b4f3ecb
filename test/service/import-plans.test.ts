/**
 * The import's set-based lookups stay one index lookup per row of the file, whatever the database
 * holds: a plan that walks the existing identifiers grows with rows × existing data.
 */
import { describe, expect, it } from 'vitest';
import { testCore } from './helpers';
import { IDENTIFIER_LOOKUP_SQL } from '../../src/main/services/referrals/import/known';

describe('import query plans', () => {
  it('looks up identifiers with the file as the outer loop and the unique index on all three columns', async () => {
    const { core } = await testCore();
    const plan = (core.db.prepare(`EXPLAIN QUERY PLAN ${IDENTIFIER_LOOKUP_SQL}`).all('[]', 'reservnummer', '14') as { detail: string }[]).map((r) => r.detail);
    expect(plan).toHaveLength(3);
    expect(plan[0]).toMatch(/^SCAN j VIRTUAL TABLE/);
    expect(plan[1]).toBe('SEARCH i USING INDEX patient_identifier_unique (system=? AND value=? AND <expr>=?)');
    // The patient's name (for the preview's warning about another name) by its primary key.
    expect(plan[2]).toBe('SEARCH p USING INTEGER PRIMARY KEY (rowid=?)');
  });
});
