// A throwaway PostgreSQL server for tests: a cluster made by Debian's `initdb` in a temporary folder,
// listening on 127.0.0.1 only (a free port, its socket inside the folder), removed by `stop()` and also
// when the test process exits or is interrupted, so a run leaves no server and no files behind.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/** Where Debian puts each installed server version's binaries, the newest first. */
function debianBinDirs(): string[] {
  try {
    return readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => `/usr/lib/postgresql/${v}/bin`);
  } catch {
    return [];
  }
}

export const POSTGRES_MISSING =
  "PostgreSQL server binaries not found (install Debian's postgresql; .ci/run does)";

/** The folder holding initdb and pg_ctl, or undefined when PostgreSQL's server is not installed. */
export function postgresBinaries(): string | undefined {
  const fromEnv = process.env.GAZETTE_PG_BIN;
  const dirs = fromEnv ? [fromEnv, ...debianBinDirs()] : debianBinDirs();
  return dirs.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
}

/**
 * Why PostgreSQL tests cannot run here (undefined: they can). In CI a missing server is a failure, not
 * a skip: `.ci/run` installs it, so its absence there is a broken setup that must not pass silently.
 */
export function postgresUnavailable(): string | undefined {
  if (postgresBinaries()) return undefined;
  if (process.env.CI) throw new Error(`${POSTGRES_MISSING}; CI must run the PostgreSQL tests`);
  return `skipped: ${POSTGRES_MISSING}`;
}

/** A role of every test cluster that must give this password (others are trusted). */
export const PASSWORD_ROLE = 'gazette_pw';
export const PASSWORD = 'right-password';

export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:PORT/gazette (trust authentication: no password). */
  url: string;
  /** The server's port on 127.0.0.1, to create more databases (`createDatabase`). */
  port: number;
  /** The temporary folder holding the cluster, its socket and its log (removed by `stop`). */
  dir: string;
  stop(): void;
  /** Stops the server and keeps its data (the database goes away); `resume` starts it again, same port. */
  pause(): void;
  resume(): void;
  /**
   * Restarts the server as a standby that accepts no connections (hot_standby off, no primary to follow),
   * so every connection is refused with SQLSTATE 57P03, as by a server starting up or in recovery.
   */
  startingUp(): void;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** initdb refuses to run as root: then the cluster is made and run by the `postgres` system user. */
interface ServerUser {
  run: (cmd: string, args: string[]) => void;
  own: (dir: string) => void;
  /** What runs a command as the server's user, for a shell line ('' when that is us). */
  prefix: string;
}

function asServerUser(): ServerUser {
  const root = process.getuid?.() === 0;
  if (!root)
    return { run: (cmd, args) => void execFileSync(cmd, args, { stdio: 'pipe' }), own: () => {}, prefix: '' };
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return {
    run: (cmd, args) =>
      void execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }),
    own: (dir) => chownSync(dir, uid, gid),
    prefix: 'runuser -u postgres -- ',
  };
}

/**
 * A detached shell that outlives this process: when it dies without stopping its cluster (kill -9, where
 * no exit hook runs), the shell stops the server and removes the folder. Killed by a normal `stop()`.
 */
function watchdog(user: ServerUser, bin: string, data: string, dir: string): ChildProcess {
  const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  const line = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${user.prefix}${q(join(bin, 'pg_ctl'))} stop -D ${q(data)} -m immediate -w >/dev/null 2>&1; rm -rf ${q(dir)}`;
  const child = spawn('sh', ['-c', line], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}

const running = new Set<() => void>();
let hooked = false;
function stopAllOnExit(): void {
  if (hooked) return;
  hooked = true;
  const stopAll = () => {
    for (const stop of [...running]) stop();
  };
  process.once('exit', stopAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      stopAll();
      process.kill(process.pid, signal);
    });
}

/** Starts a fresh cluster with a database `gazette` in it; call `stop()` when done (afterAll). */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresCluster> {
  const bin = postgresBinaries();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const user = asServerUser();
  const dir = mkdtempSync(join(tmpdir(), 'gazette-pg-'));
  const data = join(dir, 'data');
  let started = false;
  let guard: ChildProcess | undefined;
  const stop = () => {
    running.delete(stop);
    guard?.kill();
    try {
      if (started) user.run(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w']);
    } catch {
      // Already stopped (or never fully started): the folder is removed all the same.
    }
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  running.add(stop);
  stopAllOnExit();
  try {
    user.own(dir);
    user.run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    // Speed over durability (a test's data dies with it) unless a bench asks for a server as deployed;
    // loopback only; the socket stays in the folder.
    const fast = 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n';
    appendFileSync(
      join(data, 'postgresql.conf'),
      `\nlisten_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${dir}'\n${options.durable ? '' : fast}max_connections = 60\nshared_buffers = 32MB\n`,
    );
    // One role signs in with a password (the rest is trusted), so tests can see a wrong one refused.
    const hba = join(data, 'pg_hba.conf');
    writeFileSync(hba, `host all ${PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`);
    started = true;
    guard = watchdog(user, bin, data, dir);
    user.run(join(bin, 'pg_ctl'), ['start', '-D', data, '-w', '-t', '60', '-l', join(dir, 'server.log')]);
    const admin = postgres({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      database: 'postgres',
      onnotice: () => {},
    });
    try {
      await admin.unsafe('CREATE DATABASE gazette');
      await admin.unsafe(`CREATE ROLE ${PASSWORD_ROLE} LOGIN PASSWORD '${PASSWORD}'`);
    } finally {
      await admin.end();
    }
    const pgCtl = (...args: string[]) => user.run(join(bin, 'pg_ctl'), [...args, '-D', data, '-w']);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/gazette`,
      port,
      dir,
      stop,
      pause: () => pgCtl('stop', '-m', 'fast'),
      resume: () => pgCtl('start', '-t', '60', '-l', join(dir, 'server.log')),
      startingUp() {
        if (existsSync(join(data, 'postmaster.pid'))) pgCtl('stop', '-m', 'fast');
        writeFileSync(join(data, 'standby.signal'), '');
        user.own(join(data, 'standby.signal'));
        appendFileSync(join(data, 'postgresql.conf'), '\nhot_standby = off\n');
        pgCtl('start', '-t', '60', '-l', join(dir, 'server.log'));
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}

/**
 * The cluster's database `gazette` handed to the password role, as `postgres://role:password@…`: a URL
 * whose password no output may show.
 */
export async function databaseWithPassword(cluster: PostgresCluster): Promise<string> {
  const admin = postgres(cluster.url, { onnotice: () => {} });
  try {
    await admin.unsafe(`ALTER DATABASE gazette OWNER TO ${PASSWORD_ROLE}`);
  } finally {
    await admin.end();
  }
  return `postgres://${PASSWORD_ROLE}:${PASSWORD}@127.0.0.1:${cluster.port}/gazette`;
}

/** Another empty database on the same server (each test of a suite gets its own). */
export async function createDatabase(cluster: PostgresCluster, name: string): Promise<string> {
  const admin = postgres({
    host: '127.0.0.1',
    port: cluster.port,
    user: 'postgres',
    database: 'postgres',
    onnotice: () => {},
  });
  try {
    await admin.unsafe(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  return `postgres://postgres@127.0.0.1:${cluster.port}/${name}`;
}
