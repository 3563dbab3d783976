import type { Key } from 'ink';
import { createContext, useContext, useLayoutEffect, useState } from 'react';
import type { GazetteSource } from '../source/gazette-source';
import type { Screen } from './screens';

/** Handles a key for the active screen; returns true when it used it (the app's keys then skip it). */
export type KeyHandler = (input: string, key: Key) => boolean;

export interface AppApi {
  source: GazetteSource;
  /** Rows and columns the active screen may use (the app's header and status line are taken off). */
  width: number;
  height: number;
  push: (screen: Screen) => void;
  pop: () => void;
  /** A short message on the status line (an error, "no URL"...). */
  say: (message: string) => void;
  /** Shows the spinner while `work` runs, and reports its error on the status line. */
  busy: <T>(work: Promise<T>) => Promise<T | undefined>;
  keys: { current: KeyHandler | undefined };
  store: Map<string, unknown>;
  openUrl: (url: string) => void;
  /** Rises each time the user refreshes (R): lists read their rows again, in place. */
  generation: number;
  /** Articles that matched an alert when they arrived (their rows are marked). */
  alerted: ReadonlySet<string>;
}

export const AppContext = createContext<AppApi | undefined>(undefined);

export function useAppApi(): AppApi {
  const api = useContext(AppContext);
  if (!api) throw new Error('useAppApi outside the Gazette app');
  return api;
}

/** Makes `handler` receive the keys while this screen is on top. */
export function useScreenKeys(handler: KeyHandler): void {
  const { keys } = useAppApi();
  useLayoutEffect(() => {
    keys.current = handler;
  });
  useLayoutEffect(
    () => () => {
      keys.current = undefined;
    },
    [keys],
  );
}

/** State that outlives the screen (kept when you go back to it): a scroll position, a query. */
export function usePersisted<T>(name: string, initial: T): [T, (value: T | ((old: T) => T)) => void] {
  const { store } = useAppApi();
  const [value, setValue] = useState<T>(() => (store.has(name) ? (store.get(name) as T) : initial));
  const set = (next: T | ((old: T) => T)) =>
    setValue((old) => {
      const v = typeof next === 'function' ? (next as (old: T) => T)(old) : next;
      store.set(name, v);
      return v;
    });
  return [value, set];
}
