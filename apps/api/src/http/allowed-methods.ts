/** The methods registered for a path (GET implies HEAD), from the app's route table; built on first use. */
export function allowedMethods(
  routes: ReadonlyArray<{ method: string; path: string }>,
): (path: string) => string[] {
  let table: Array<{ pattern: RegExp; methods: Set<string> }> | undefined;
  const build = () => {
    const byPath = new Map<string, Set<string>>();
    for (const r of routes) {
      if (r.method === 'ALL' || r.path.includes('*')) continue; // middleware, not resources
      const methods = byPath.get(r.path) ?? new Set<string>();
      methods.add(r.method);
      if (r.method === 'GET') methods.add('HEAD');
      byPath.set(r.path, methods);
    }
    return [...byPath].map(([path, methods]) => ({
      pattern: new RegExp(
        `^${path
          .split('/')
          .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('/')}/?$`,
      ),
      methods,
    }));
  };
  return (path) => {
    table ??= build();
    const out = new Set<string>();
    for (const t of table) if (t.pattern.test(path)) for (const m of t.methods) out.add(m);
    return [...out].sort();
  };
}
