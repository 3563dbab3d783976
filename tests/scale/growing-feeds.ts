import type { FeedItem, FeedServer } from '../support/feed-server';

const WORDS =
  'quarry orchard tunnel ballot vaccine glacier tariff stadium reactor pension verdict drought festival wildfire pipeline harvest merger runway satellite protest lantern ferry cobalt meadow parish turbine dockyard census sawmill reservoir'.split(
    ' ',
  );

/** An item of the growing feeds, with the stage at which its feed starts to show it. */
interface StagedItem extends FeedItem {
  stage: number;
}

/**
 * `feeds` feeds of `perFeed` items each, revealed over `stages` stages (seeded): every feed shows its first
 * item from stage 0 and gains the others at seeded stages, newest first as a feed lists them. Texts share
 * little (each has its own number), so no item is taken for a near-duplicate of another.
 */
export function growingFeeds(
  random: () => number,
  counts: { feeds: number; perFeed: number; stages: number },
) {
  const byFeed: StagedItem[][] = Array.from({ length: counts.feeds }, (_, f) => {
    const stages = Array.from({ length: counts.perFeed }, (_, i) =>
      i === 0 ? 0 : Math.floor(random() * counts.stages),
    ).sort((a, b) => a - b);
    return stages.map((stage, i) => {
      const words = Array.from({ length: 12 }, () => WORDS[Math.floor(random() * WORDS.length)]);
      const guid = `f${f}-item-${i}`;
      return {
        guid,
        stage,
        title: `Tidewater bulletin ${f * 100 + i}: ${words.slice(0, 3).join(' ')}`,
        text: `Tidewater desk ${guid} ${words.join(' ')} number ${f * 1000 + i * 37}.`,
      };
    });
  });
  const path = (f: number) => `/feed-${f}.xml`;
  return {
    paths: byFeed.map((_, f) => path(f)),
    /** Every item's link, as the store keeps it (its URL). */
    links: (base: string) => byFeed.flat().map((it) => `${base}/story/${it.guid}`),
    /** What each feed serves from now on: the items revealed by `stage`. */
    reveal(server: FeedServer, stage: number) {
      for (const [f, items] of byFeed.entries())
        server.feeds.set(
          path(f),
          items
            .filter((it) => it.stage <= stage)
            .reverse()
            .map(({ guid, title, text }) => ({ guid, title, text })),
        );
    },
  };
}
