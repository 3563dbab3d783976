/** One robots.txt group's rules for the agent Gazette is: allow or disallow by path prefix (with * and $). */
export interface RobotsRules {
  allow: string[];
  disallow: string[];
}

/** Read from robots.txt as RFC 9309 says: bounded, so a huge or hostile file costs little. */
const MAX_ROBOTS_CHARS = 500_000;

/**
 * The rules of robots.txt that apply to `agent` (its product token, e.g. "gazette"): the group naming it,
 * else the `*` group, else none (everything allowed). Groups may name several agents.
 */
export function robotsRules(text: string, agent: string): RobotsRules {
  const token = agent.toLowerCase();
  const groups: Array<{ agents: string[]; rules: RobotsRules }> = [];
  let current: { agents: string[]; rules: RobotsRules } | undefined;
  let lastWasAgent = false;
  for (const raw of text.slice(0, MAX_ROBOTS_CHARS).split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: { allow: [], disallow: [] } };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' && value) current.rules.allow.push(value);
    if (key === 'disallow' && value) current.rules.disallow.push(value);
  }
  const named = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  const chosen = named.length ? named : groups.filter((g) => g.agents.includes('*'));
  return {
    allow: chosen.flatMap((g) => g.rules.allow),
    disallow: chosen.flatMap((g) => g.rules.disallow),
  };
}

/** How long a pattern's match is (its specificity), or -1 when it does not match the path. */
function matchLength(pattern: string, path: string): number {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const re = new RegExp(
    `^${body
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}${anchored ? '$' : ''}`,
  );
  return re.test(path) ? body.length : -1;
}

/** Whether the rules allow a URL's path (with its query): the longest match wins, Allow on a tie. */
export function robotsAllow(rules: RobotsRules, url: string): boolean {
  const u = new URL(url);
  const path = `${u.pathname}${u.search}`;
  const longest = (patterns: string[]) => Math.max(-1, ...patterns.map((p) => matchLength(p, path)));
  const disallowed = longest(rules.disallow);
  return disallowed < 0 || longest(rules.allow) >= disallowed;
}
