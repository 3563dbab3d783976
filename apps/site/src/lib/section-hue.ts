import { sha256Hex } from '@gazette/core/internals';

/** How many accent hues the stylesheet defines (.hue-0 … .hue-11); inline styles are barred by the CSP. */
export const HUES = 12;

/**
 * The accent class of a section: a hash of its name, so a section keeps its colour across pages and builds
 * and a new section gets one without a table to maintain.
 */
export function sectionHue(section: string): string {
  return `hue-${Number.parseInt(sha256Hex(section).slice(0, 8), 16) % HUES}`;
}
