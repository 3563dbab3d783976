import { Box, type Key, Text, useApp, useInput, useWindowSize } from 'ink';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GazetteSource } from '../source/gazette-source';
import { safeLine } from '../text/safe-text';
import { type AppApi, AppContext, type KeyHandler } from './app-context';
import { ArticleListScreen } from './article-list-screen';
import { EntitiesScreen } from './entities-screen';
import { HelpScreen } from './help-screen';
import {
  type News,
  NO_NEWS,
  newsLabel,
  refreshed,
  STORE_BACK,
  storeStatus,
  troubleLabel,
  withEvent,
} from './news-state';
import { QuotesScreen } from './quotes-screen';
import { ReaderScreen } from './reader-screen';
import type { Screen, StackEntry } from './screens';
import { SearchScreen } from './search-screen';
import { Spinner } from './spinner';
import { type Theme, ThemeContext } from './theme';

export interface AppProps {
  /** The data, or a promise of it (a big corpus loading, an API being reached): a spinner shows meanwhile. */
  source: GazetteSource | Promise<GazetteSource>;
  theme: Theme;
  openUrl: (url: string) => void;
}

function ScreenView({ entry }: { entry: StackEntry }): ReactNode {
  switch (entry.kind) {
    case 'articles':
      return <ArticleListScreen screenKey={entry.key} filters={entry.filters} title={entry.title} />;
    case 'search':
      return <SearchScreen />;
    case 'reader':
      return <ReaderScreen id={entry.id} screenKey={entry.key} />;
    case 'entities':
      return <EntitiesScreen />;
    case 'quotes':
      return <QuotesScreen />;
    case 'help':
      return <HelpScreen />;
  }
}

export function App(props: AppProps): ReactNode {
  const { exit } = useApp();
  const { columns, rows } = useWindowSize();
  const [source, setSource] = useState<GazetteSource | undefined>(
    'then' in props.source ? undefined : props.source,
  );
  const [loadError, setLoadError] = useState<string>();
  const [stack, setStack] = useState<StackEntry[]>([{ kind: 'articles', key: 0 }]);
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(0);
  const nextKey = useRef(1);
  const keys = useRef<KeyHandler | undefined>(undefined);
  const store = useRef(new Map<string, unknown>()).current;
  const [news, setNews] = useState<News>(NO_NEWS);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!('then' in props.source)) return;
    props.source.then(setSource, (e: Error) => setLoadError(e.message));
  }, [props.source]);

  // New articles are counted as they arrive; the rows change only when the user refreshes (R).
  useEffect(() => {
    let said: string | undefined;
    return source?.live?.subscribe((event) => {
      setNews((old) => withEvent(old, event));
      // The whole reason once on the status line; the header keeps a short word while it lasts.
      if (event.kind === 'trouble' && event.message && event.message !== said) setMessage(event.message);
      if (event.kind === 'trouble') said = event.message;
      // A notice comes before the reach event it goes with (the core's own listener is told first), so
      // the status line ends on the short word.
      if (event.kind === 'notice') setMessage(event.message);
      if (event.kind === 'reach') setMessage(event.reachable ? STORE_BACK : storeStatus(event));
    });
  }, [source]);

  const push = useCallback((screen: Screen) => {
    setMessage(undefined);
    setStack((s) => [...s, { ...screen, key: nextKey.current++ }]);
  }, []);
  const pop = useCallback(() => {
    setMessage(undefined);
    setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));
  }, []);
  const busy = useCallback(async <T,>(work: Promise<T>) => {
    setPending((n) => n + 1);
    try {
      return await work;
    } catch (e) {
      setMessage((e as Error).message);
      return undefined;
    } finally {
      setPending((n) => n - 1);
    }
  }, []);

  // Header and status line take a row each.
  const width = Math.max(20, columns);
  const height = Math.max(3, rows - 2);
  const api: AppApi | undefined = useMemo(
    () =>
      source && {
        source,
        width,
        height,
        push,
        pop,
        say: setMessage,
        busy,
        keys,
        store,
        openUrl: (url: string) => {
          props.openUrl(url);
          setMessage(`Opening ${safeLine(url)}`);
        },
        generation,
        alerted: news.alerted,
      },
    [source, width, height, push, pop, busy, store, props.openUrl, generation, news.alerted],
  );

  const top = stack[stack.length - 1]!;
  const handleKey = (input: string, key: Key) => {
    if (keys.current?.(input, key)) return true;
    if (key.escape) pop();
    else if (input === 'q') exit();
    else if (input === '?') top.kind === 'help' ? pop() : push({ kind: 'help' });
    else if (input === '/') push({ kind: 'search' });
    else if (input === 'e') push({ kind: 'entities' });
    else if (input === 'w') push({ kind: 'quotes' });
    else if (input === 'a') setStack((s) => s.slice(0, 1));
    else if (input === 'R') {
      setGeneration((g) => g + 1);
      setNews(refreshed);
    } else return false;
    return true;
  };
  const handleRef = useRef(handleKey);
  handleRef.current = handleKey;

  // Keys typed faster than they are read (or while a big search runs) arrive as one chunk, which Ink
  // hands over whole ("jj\r"). They are replayed one at a time, each after the render that the one
  // before caused has been committed, so every handler sees the state the previous key left; a run of
  // text is first offered whole (the search prompt takes it in one go).
  const queue = useRef<Array<{ input: string; key: Key }>>([]);
  const [keyTick, setKeyTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyTick is the signal that a render was committed
  useEffect(() => {
    const next = queue.current.shift();
    if (!next) return;
    const chars = [...next.input];
    if (!handleRef.current(next.input, next.key) && chars.length > 1)
      queue.current.unshift(...chars.map((c) => ({ input: c, key: next.key })));
    setKeyTick((n) => n + 1);
  }, [keyTick]);
  useInput((input, key) => {
    const chunk = !key.escape && !key.ctrl && !key.meta && [...input].length > 1;
    // A single key with nothing queued is handled at once: no render in between, the quickest answer.
    if (!chunk && queue.current.length === 0) {
      handleRef.current(input, key);
      return;
    }
    if (!chunk) queue.current.push({ input, key });
    else
      for (const part of input.match(/[^\r\t\u007f\b]+|[\r\t\u007f\b]/g) ?? [])
        queue.current.push({
          input: part,
          key: {
            ...key,
            return: part === '\r',
            tab: part === '\t',
            backspace: part === '\u007f' || part === '\b',
          },
        });
    setKeyTick((n) => n + 1);
  });

  const title = {
    articles: 'Articles',
    search: 'Search',
    reader: 'Reader',
    entities: 'Entities',
    quotes: 'Quotes',
    help: 'Help',
  }[top.kind];
  return (
    <ThemeContext.Provider value={props.theme}>
      <Box flexDirection="column" width={width} height={rows}>
        <Text wrap="truncate-end">
          <Text {...props.theme.title}>Gazette</Text>
          <Text {...props.theme.dim}> · {title}</Text>
          {/* Before the label (a long path): what is new must not be cut off. */}
          {newsLabel(news) ? <Text {...props.theme.heading}> · {newsLabel(news)}</Text> : null}
          {news.trouble !== undefined ? (
            <Text {...props.theme.error}> · {safeLine(troubleLabel(news))}</Text>
          ) : null}
          <Text {...props.theme.dim}> · {source ? safeLine(source.label) : 'loading'}</Text>
        </Text>
        <Box flexDirection="column" height={height} overflow="hidden">
          {loadError ? (
            <Text {...props.theme.error}>{safeLine(loadError)}</Text>
          ) : api ? (
            <AppContext.Provider value={api}>
              <ScreenView key={top.key} entry={top} />
            </AppContext.Provider>
          ) : (
            <Spinner label="Loading the corpus…" />
          )}
        </Box>
        <Text wrap="truncate-end">
          {pending > 0 ? <Spinner /> : null}
          {message || news.storeDown ? (
            // While the store is away, the status line says so even after another message was cleared.
            <Text {...props.theme.error}> {safeLine(message || news.trouble || '')}</Text>
          ) : (
            <Text {...props.theme.dim}> ? help · / search · e entities · w quotes · Esc back · q quit</Text>
          )}
        </Text>
      </Box>
    </ThemeContext.Provider>
  );
}
