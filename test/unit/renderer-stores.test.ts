import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore, resetAllStores } from '../../src/renderer/lib/stores';

describe('renderer stores reset together', () => {
  it('resetAllStores puts every store back to its first state, read afresh', () => {
    let remembered = 'sv';
    const notices = createStore<{ notice: string | null; say(text: string): void }>((set) => ({ notice: null, say: (notice) => set({ notice }) }));
    const prefs = createStore<{ lang: string; page: string }>(() => ({ lang: remembered, page: 'home' }));
    notices.getState().say('Bordlagt till mötet 2026-12-10.');
    prefs.setState({ page: 'case-lists/7/meeting' });
    remembered = 'en';
    resetAllStores();
    expect(notices.getState().notice).toBeNull();
    expect(prefs.getState()).toEqual({ lang: 'en', page: 'home' });
    notices.getState().say('still works after a reset');
    expect(notices.getState().notice).toBe('still works after a reset');
  });

  it('every store of the renderer is made with createStore (no other file creates a zustand store)', () => {
    const root = join(__dirname, '../../src/renderer');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'));
    const direct = files.filter((f) => /from 'zustand(\/vanilla)?'/.test(readFileSync(join(root, f), 'utf8'))).map((f) => relative(root, join(root, f)));
    expect(direct).toEqual([join('lib', 'stores.ts')]);
    const stores = files.filter((f) => /createStore</.test(readFileSync(join(root, f), 'utf8')));
    expect(stores.length).toBeGreaterThanOrEqual(7);
  });
});
