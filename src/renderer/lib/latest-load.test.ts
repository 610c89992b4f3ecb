import { describe, expect, it } from 'vitest';
import { firstLoadState, latestLoader, latestOnly, type LoadState } from './latest-load';

/** A promise the test settles by hand, to make answers arrive in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A loader whose published state the test can read, as the hook's useState would hold it. */
function viewOf<T>() {
  let state: LoadState<T> = firstLoadState;
  const loader = latestLoader<T>((update) => (state = update(state)));
  return { loader, state: () => state };
}

describe('data loading shows only the newest answer', () => {
  it('an older request answering after a newer one is ignored (the list of the care area chosen last stays)', async () => {
    const { loader, state } = viewOf<string>();
    const lung = deferred<string>();
    const breast = deferred<string>();
    const first = loader.run(() => lung.promise);
    const second = loader.run(() => breast.promise);
    breast.resolve('bröst');
    await second;
    expect(state()).toEqual({ data: 'bröst', error: null, loading: false });
    lung.resolve('lunga');
    await first;
    expect(state()).toEqual({ data: 'bröst', error: null, loading: false });
  });

  it('a refusal of a superseded request neither shows as an error nor ends the newer request', async () => {
    const { loader, state } = viewOf<string>();
    const old = deferred<string>();
    const newer = deferred<string>();
    const first = loader.run(() => old.promise);
    const second = loader.run(() => newer.promise);
    old.reject(new Error('not_found'));
    await first;
    expect(state()).toEqual({ data: null, error: null, loading: true });
    newer.resolve('möte 7');
    await second;
    expect(state()).toEqual({ data: 'möte 7', error: null, loading: false });
  });

  it('after drop (the view closed or its inputs changed) no answer is published', async () => {
    const { loader, state } = viewOf<string>();
    const pending = deferred<string>();
    const run = loader.run(() => pending.promise);
    loader.drop();
    pending.resolve('för sent');
    await run;
    expect(state().data).toBeNull();
  });

  it('a failed reload keeps the data already shown and reports the refusal; the next success clears it', async () => {
    const { loader, state } = viewOf<string>();
    await loader.run(async () => 'inkorg');
    const refusal = { code: 'locked', messageKey: 'error.locked' };
    await loader.run(() => Promise.reject(refusal));
    expect(state()).toEqual({ data: 'inkorg', error: refusal, loading: false });
    const again = deferred<string>();
    const reload = loader.run(() => again.promise);
    expect(state()).toEqual({ data: 'inkorg', error: refusal, loading: true });
    again.resolve('inkorg igen');
    await reload;
    expect(state()).toEqual({ data: 'inkorg igen', error: null, loading: false });
  });

  it('a loader that throws before returning a promise is reported like a refusal', async () => {
    const { loader, state } = viewOf<string>();
    const boom = new Error('bad input');
    await loader.run(() => {
      throw boom;
    });
    expect(state()).toEqual({ data: null, error: boom, loading: false });
  });

  it('latestOnly: each check is true only until a newer request begins or drop is called', () => {
    const requests = latestOnly();
    const a = requests.begin();
    expect(a()).toBe(true);
    const b = requests.begin();
    expect([a(), b()]).toEqual([false, true]);
    requests.drop();
    expect(b()).toBe(false);
  });
});
