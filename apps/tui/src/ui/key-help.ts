/** Every key of the UI, for the `?` screen and `gazette --help`. */
export const KEY_HELP: ReadonlyArray<{ where: string; keys: ReadonlyArray<[string, string]> }> = [
  {
    where: 'Everywhere',
    keys: [
      ['?', 'this help'],
      ['Esc', 'back'],
      ['q, Ctrl-C', 'quit'],
      ['/', 'search'],
      ['a', 'all articles'],
      ['e', 'entities: people, places…'],
      ['w', 'quotes: who said what'],
      ['R', 'refresh: show what the header counts as new'],
    ],
  },
  {
    where: 'Lists',
    keys: [
      ['j/k, ↓/↑', 'move'],
      ['space/b, PgDn/PgUp', 'page down/up'],
      ['g/G, Home/End', 'first/last'],
      ['Enter', 'open'],
      ['s', 'newest/oldest first'],
      ['Tab, ←/→', 'entity type'],
      ['r', "a quote's article"],
    ],
  },
  {
    where: 'Search',
    keys: [
      ['typing', 'the query; results follow'],
      ['Tab / Shift-Tab', 'query → results → facets'],
      ['↓, Enter', 'to the results'],
      ['Space/Enter', 'facet on/off as filter'],
      ['Ctrl-U', 'clear the query'],
    ],
  },
  {
    where: 'Reader',
    keys: [
      ['j/k, ↓/↑', 'scroll a line'],
      ['space/b', 'page down/up'],
      ['g/G', 'top/end'],
      ['o', 'open the article URL'],
    ],
  },
];

export function keyHelpText(indent = '  '): string {
  return KEY_HELP.map(
    (group) =>
      `${indent}${group.where}:\n${group.keys.map(([k, what]) => `${indent}  ${k.padEnd(20)} ${what}`).join('\n')}`,
  ).join('\n');
}
