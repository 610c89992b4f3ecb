/** What a view knows about data it asked for: the last answer, the last refusal, whether a request is out. */
export interface LoadState<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
}

export const firstLoadState: LoadState<never> = { data: null, error: null, loading: true };

/**
 * Only the newest request counts: `begin` hands out a check that stays true until a newer request
 * begins or `drop` is called (the view moved on or closed). An answer to an older request is ignored.
 */
export function latestOnly() {
  let newest = 0;
  return {
    begin(): () => boolean {
      const ticket = ++newest;
      return () => ticket === newest;
    },
    drop(): void {
      newest++;
    },
  };
}

/**
 * Runs loads one after another into `publish`; an answer (or refusal) that arrives after a newer load
 * began, or after `drop`, is never published, so a slow old answer cannot overwrite a newer one.
 * The last data stays while a new load runs and when it fails; a success clears the error.
 */
export function latestLoader<T>(publish: (update: (state: LoadState<T>) => LoadState<T>) => void) {
  const requests = latestOnly();
  return {
    run(load: () => Promise<T>): Promise<void> {
      const current = requests.begin();
      publish((s) => (s.loading ? s : { ...s, loading: true }));
      return new Promise<T>((resolve) => resolve(load())).then(
        (data) => {
          if (current()) publish(() => ({ data, error: null, loading: false }));
        },
        (error: unknown) => {
          if (current()) publish((s) => ({ data: s.data, error, loading: false }));
        },
      );
    },
    drop: requests.drop,
  };
}
