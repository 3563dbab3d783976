import type { Article, RelatedResult } from '@gazette/core/query';
import { Box, Text } from 'ink';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { readerLines } from '../text/reader-lines';
import { safeLine } from '../text/safe-text';
import { useAppApi, usePersisted, useScreenKeys } from './app-context';
import { Spinner } from './spinner';
import { StyledLine, useTheme } from './theme';

/** One article, wrapped to the terminal; only the rows on screen render. */
export function ReaderScreen({ id, screenKey }: { id: string; screenKey: number }): ReactNode {
  const api = useAppApi();
  const theme = useTheme();
  const [article, setArticle] = useState<Article | null>();
  const [related, setRelated] = useState<RelatedResult>();
  const [top, setTop] = usePersisted(`${screenKey}:top`, 0);

  useEffect(() => {
    let live = true;
    void api.busy(api.source.get(id)).then((a) => {
      if (live) setArticle(a ?? null);
    });
    // "More like this" is extra: the article shows without it.
    api.source.related(id).then(
      (r) => live && setRelated(r),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [api, id]);

  const lines = useMemo(
    () => (article ? readerLines(article, related, api.width - 1) : []),
    [article, related, api.width],
  );
  const height = Math.max(1, api.height - 1);
  const maxTop = Math.max(0, lines.length - height);
  const at = Math.min(top, maxTop);

  useScreenKeys((input, key) => {
    const move = (to: number) => {
      setTop(Math.max(0, Math.min(maxTop, to)));
      return true;
    };
    if (input === 'j' || key.downArrow) return move(at + 1);
    if (input === 'k' || key.upArrow) return move(at - 1);
    if (input === ' ' || input === 'f' || key.pageDown) return move(at + height - 1);
    if (input === 'b' || key.pageUp) return move(at - height + 1);
    if (input === 'g' || key.home) return move(0);
    if (input === 'G' || key.end) return move(maxTop);
    if (input === 'o') {
      if (article?.url) api.openUrl(article.url);
      else api.say('This article has no URL to open.');
      return true;
    }
    return false;
  });

  if (article === undefined) return <Spinner label="Loading the article…" />;
  if (article === null) return <Text {...theme.error}>No article has the id {safeLine(id)}.</Text>;
  const percent = lines.length <= height ? 100 : Math.round(((at + height) / lines.length) * 100);
  return (
    <Box flexDirection="column">
      <Box flexDirection="column" height={height} overflow="hidden">
        {lines.slice(at, at + height).map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions on screen
          <StyledLine key={i} line={line} />
        ))}
      </Box>
      <Text {...theme.dim} wrap="truncate-end">
        {`${Math.min(percent, 100)}% · j/k scroll · space page · g/G top/end · o open URL · Esc back`}
      </Text>
    </Box>
  );
}
