// The shape of the feed sites of bench-follow.ts, shared by the bench and its sites' process.
export const SITES = 100;
export const FEEDS_PER_SITE = 10;
export const ITEMS_PER_FEED = 10;
