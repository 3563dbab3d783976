/**
 * Recorded in every Article's provenance, so that stored articles say which parser read them. It also names
 * the benchmarks' parse caches and kept segments: bump it whenever the same input parses differently
 * (0.2.0: quote speakers, sentence splits, hard-wrapped text, bylines and dates of the second reading pass;
 * 0.3.0: all-number dates in the page's order, foot-of-post dates, the page's shown day, more speaker rules).
 */
export const PARSER_VERSION = 'gazette/0.3.0';
