import { GazetteError } from '../errors/gazette-error';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };

/**
 * Seconds in a duration as people write it: `90s`, `15m`, `2h`, `1d`, `1h30m`, or a bare number of
 * seconds. A duration that is not one is an error that says what is accepted.
 */
export function parseDuration(text: string, where = 'duration'): number {
  const trimmed = text.trim().toLowerCase();
  const bare = /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
  let seconds = bare ?? 0;
  if (bare === undefined) {
    const parts = [...trimmed.matchAll(/(?<!\d)(\d+)\s*([smhd])/g)];
    const covered = parts.map((p) => p[0]).join('');
    if (!parts.length || covered.replace(/\s/g, '') !== trimmed.replace(/\s/g, ''))
      throw new GazetteError(
        'INVALID_PARAMS',
        `${where} must be a duration such as 90s, 15m, 2h, 1d or 1h30m; got "${text}".`,
        { where },
      );
    for (const p of parts) seconds += Number(p[1]) * UNIT_SECONDS[p[2]!]!;
  }
  if (!(seconds > 0) || seconds > 365 * 86_400)
    throw new GazetteError(
      'INVALID_PARAMS',
      `${where} must be more than 0 and at most a year; got "${text}".`,
      {
        where,
      },
    );
  return seconds;
}
