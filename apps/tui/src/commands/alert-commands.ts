import { alertStatuses, createAlert } from '@gazette/core/query';
import { type CliIo, printJson } from '../cli-io';
import { openCommandStore } from '../store-path';
import { safeLine } from '../text/safe-text';
import { UsageError } from '../usage-error';

// alert add, alerts, alert rm: saved searches kept in the store; `gazette watch` matches what it stores
// against them and sends the webhooks.

/** gazette alert add QUERY [--webhook URL] | alert rm ID... */
export async function alertCommand(
  io: CliIo,
  args: { words: string[]; db?: string | undefined; webhook?: string | undefined; json: boolean },
): Promise<number> {
  const [action, ...rest] = args.words;
  if (action === 'add') {
    if (rest.length === 0) throw new UsageError('gazette alert add needs a query (the search language).');
    const alert = createAlert({ query: rest.join(' '), webhook: args.webhook }, new Date().toISOString());
    const { path, store } = await openCommandStore(io, args.db);
    try {
      await store.alerts.add(alert);
    } finally {
      await store.close();
    }
    if (args.json) printJson(io, { db: path, alert });
    else
      io.stdout(
        `  alert ${alert.id}  ${safeLine(alert.query)}${alert.webhook ? `  → ${safeLine(alert.webhook)}\n  secret ${alert.secret} (each POST carries Gazette-Signature: sha256=HMAC-SHA256 of its body under it)` : ''}\n`,
      );
    return 0;
  }
  if (action === 'rm') {
    if (rest.length === 0)
      throw new UsageError('gazette alert rm needs the id of an alert (see gazette alerts).');
    const { store } = await openCommandStore(io, args.db);
    try {
      let missing = 0;
      for (const id of rest) {
        const removed = await store.alerts.remove(id);
        if (removed) io.stdout(`  removed ${removed.id}  ${safeLine(removed.query)}\n`);
        else {
          missing++;
          io.stderr(`gazette: no alert is ${safeLine(id)} (see gazette alerts).\n`);
        }
      }
      return missing ? 1 : 0;
    } finally {
      await store.close();
    }
  }
  throw new UsageError(`gazette alert takes add QUERY [--webhook URL] or rm ID; got "${action ?? ''}".`);
}

/** gazette alerts [--json]: the alerts and what waits to be delivered. */
export async function alertsCommand(
  io: CliIo,
  args: { db?: string | undefined; json: boolean },
): Promise<number> {
  const { path, store } = await openCommandStore(io, args.db);
  try {
    const alerts = alertStatuses(await store.alerts.list(), await store.alerts.pending());
    if (args.json) printJson(io, { db: path, alerts });
    else if (alerts.length === 0) io.stdout(`No alerts in ${path}. Add one with gazette alert add QUERY.\n`);
    else
      for (const a of alerts)
        io.stdout(
          `${a.id}  ${safeLine(a.query)}${a.webhook ? `  → ${safeLine(a.webhook)}` : ''}${a.waiting || a.gaveUp ? `  (${a.waiting} waiting, ${a.gaveUp} given up${a.lastError ? `: ${safeLine(a.lastError)}` : ''})` : ''}\n`,
        );
    return 0;
  } finally {
    await store.close();
  }
}
