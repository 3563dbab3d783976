import { useCallback, useRef } from 'react';
import type { SearchLoader } from '../source/search-pages';

/**
 * Typing into the search prompt. A new text is shown together with the first page of its hits, in one
 * frame (rather than a frame for the text and another for its hits), or on its own first when its hits
 * take longer than the keystroke's turn of the event loop (a remote source). Texts typed faster than they
 * are searched are passed over: a text replaced before its search starts is never searched, and the
 * answer to a replaced text is never shown.
 *
 * `show(text)` commits the text (with the selection back on top); `loaderFor(text)` makes the loader of
 * its hits (undefined: nothing to search) from what else the search depends on, `deps` (filters, page
 * size, source). `loaderOf(text)` is the loader that read `text` if it was made with the same deps, so
 * the list gets its first page with it; else a new one.
 */
export function useTypedSearch(
  q: string,
  show: (text: string) => void,
  loaderFor: (text: string) => SearchLoader | undefined,
  deps: readonly unknown[],
) {
  // The last text typed: ahead of `q` until its hits come.
  const typed = useRef(q);
  const turn = useRef(0);
  const read = useRef<{ text: string; deps: readonly unknown[]; loader: SearchLoader } | undefined>(
    undefined,
  );
  const latest = useRef({ show, loaderFor, deps });
  latest.current = { show, loaderFor, deps };

  const type = useCallback((change: (old: string) => string) => {
    const text = change(typed.current);
    typed.current = text;
    const mine = ++turn.current;
    // A turn of the event loop first: keys that arrived meanwhile replace this text before it is searched.
    setTimeout(() => {
      if (turn.current !== mine) return;
      let shown = false;
      const once = () => {
        if (shown || turn.current !== mine) return;
        shown = true;
        latest.current.show(text);
      };
      const { loaderFor, deps } = latest.current;
      const loader = loaderFor(text);
      if (!loader) return once();
      read.current = { text, deps, loader };
      loader.prefetch().then(once, once);
      // Not answered within this turn (a remote source): the text shows now, its hits when they come.
      setTimeout(once, 0);
    }, 0);
  }, []);

  const loaderOf = (text: string): SearchLoader | undefined => {
    const r = read.current;
    const same = r?.text === text && r.deps.length === deps.length && r.deps.every((d, i) => d === deps[i]);
    return same ? r.loader : loaderFor(text);
  };

  return { type, loaderOf };
}
