import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';
import { runProcess } from '../support/run-process';

const NOTE = `${REPO_ROOT}scripts/engine-note.mjs`;
const note = (userAgent: string) =>
  runProcess(process.execPath, [NOTE], { env: { ...process.env, npm_config_user_agent: userAgent } });

describe('npm install on an older Node', () => {
  it('ends with a note that the EBADENGINE warnings are expected when npm ran on a Node older than engines', async () => {
    const prepare = JSON.parse(readFileSync(`${REPO_ROOT}package.json`, 'utf8')).scripts.prepare;
    expect(prepare).toMatch(/^node scripts\/engine-note\.mjs && /);
    const old = await note('npm/11.19.1 node/v20.20.2 linux x64 workspaces/false');
    expect(old.code).toBe(0);
    expect(old.stdout).toMatch(/^note: npm ran on Node v20\.20\.2, .*EBADENGINE.* expected and harmless/);
    expect(old.stdout).toContain(`Gazette runs on Node ${process.version}`);
    for (const recent of ['npm/11.19.1 node/v22.12.0 linux x64', 'npm/11.19.1 node/v24.21.0 linux x64', '']) {
      const r = await note(recent);
      expect({ recent, ...r }).toEqual({ recent, code: 0, stdout: '', stderr: '' });
    }
  });
});
