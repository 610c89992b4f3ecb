import { create, type StateCreator, type StoreApi, type UseBoundStore } from 'zustand';

/** One reset per store made below, run together (lint keeps `create` from zustand out of other files). */
const resets: (() => void)[] = [];

/**
 * Makes a renderer store that `resetAllStores` puts back to its first state by running its initializer
 * again (so state read at start, such as the remembered language, is read afresh).
 */
export function createStore<T extends object>(initializer: StateCreator<T>): UseBoundStore<StoreApi<T>> {
  const store = create<T>()(initializer);
  resets.push(() => store.setState(initializer(store.setState, store.getState, store), true));
  return store;
}

/**
 * Resets every store: on sign-out and when another user takes over the window, so one user's filters,
 * notices ("Bordlagt till mötet …") and lists never greet the next.
 */
export function resetAllStores(): void {
  for (const reset of resets) reset();
}
