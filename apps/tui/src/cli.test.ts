import { describe, expect, it } from 'vitest';
import { runCli } from './cli';
import type { CliIo } from './cli-io';

function capture(stdinText = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdin: async () => stdinText,
    isTTY: false,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('runCli', () => {
  it('prints help with --help and exits 0', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    for (const command of ['parse', 'list', 'show', 'search'])
      expect(c.out()).toContain(`gazette ${command}`);
  });

  it('parses standard input into an Article', async () => {
    const c = capture('---\ntitle: Hello\n---\nA first paragraph of the story.\n');
    expect(await runCli(['parse', '-', '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out()).title).toBe('Hello');
  });

  it('exits 2 on a wrong command line and 1 on bad input, with the reason on stderr', async () => {
    const wrong = capture();
    expect(await runCli(['list', '--nope'], wrong.io)).toBe(2);
    expect(wrong.err()).toMatch(/--nope/);
    const bad = capture('');
    expect(await runCli(['parse', '-'], bad.io)).toBe(1);
    expect(bad.err()).toMatch(/no text/);
    expect(bad.out()).toBe('');
  });
});
