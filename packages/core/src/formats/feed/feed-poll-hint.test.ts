import { describe, expect, it } from 'vitest';
import { readFeed } from './read-feed';

const rss = (channel: string) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>T</title>${channel}<item><title>A</title><guid>a</guid><description>Some text.</description></item></channel></rss>`;

describe("a feed's own polling hint", () => {
  it('reads RSS ttl (minutes) and sy:updatePeriod/updateFrequency, the longer of the two', () => {
    expect(readFeed(rss('<ttl>30</ttl>')).pollHintSeconds).toBe(1800);
    expect(
      readFeed(rss('<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>'))
        .pollHintSeconds,
    ).toBe(900);
    expect(readFeed(rss('<ttl>60</ttl><sy:updatePeriod>daily</sy:updatePeriod>')).pollHintSeconds).toBe(
      86_400,
    );
  });

  it('has none when the feed gives none or gives nonsense', () => {
    expect(readFeed(rss('')).pollHintSeconds).toBeUndefined();
    expect(
      readFeed(rss('<ttl>soon</ttl><sy:updatePeriod>fortnightly</sy:updatePeriod>')).pollHintSeconds,
    ).toBeUndefined();
  });
});
