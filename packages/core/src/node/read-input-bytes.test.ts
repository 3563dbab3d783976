import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputBytes } from './read-input-bytes';
import { readNdjsonLines } from './read-ndjson-lines';
import { readSnapshotFile } from './snapshot-file';

const dir = mkdtempSync(join(tmpdir(), 'gazette-read-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fifo = (name: string) => {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
};

describe('readInputBytes: bounded by what is read, never by what stat claims', () => {
  it('stops /dev/zero and a symbolic link to it at the cap (they grew to 5 and 20 GB)', async () => {
    const link = join(dir, 'zero.txt');
    symlinkSync('/dev/zero', link);
    for (const path of ['/dev/zero', link])
      await expect(readInputBytes(path, { maxBytes: 1_000_000 })).rejects.toMatchObject({
        code: 'INPUT_TOO_LARGE',
        message: expect.stringMatching(/character device\) is over 1 MB/),
      });
  });

  it('a snapshot file, read whole, must be a regular file: /dev/zero is refused, not read forever', () => {
    expect(() => readSnapshotFile('/dev/zero')).toThrow(/\/dev\/zero is not a regular file/);
  });

  it('reads a regular file whole, and refuses one over the cap as it reads', async () => {
    const path = join(dir, 'story.txt');
    writeFileSync(path, 'x'.repeat(2_000));
    expect((await readInputBytes(path)).length).toBe(2_000);
    await expect(readInputBytes(path, { maxBytes: 1_000 })).rejects.toMatchObject({
      code: 'INPUT_TOO_LARGE',
    });
  });

  it('gives up on a FIFO nobody writes to, saying so (it hung with no output)', async () => {
    const path = fifo('silent.xml');
    await expect(readInputBytes(path, { silentMs: 300 })).rejects.toMatchObject({
      code: 'EMPTY_INPUT',
      message: expect.stringMatching(
        /Nothing arrived from .*silent\.xml \(a FIFO\) for 0\.3 s.*writing to it/,
      ),
    });
  });

  it('reads a FIFO while a writer sends, to the end or to the cap', async () => {
    const path = fifo('written.txt');
    const reading = readInputBytes(path, { silentMs: 20_000 });
    const writer = await open(path, 'w');
    await writer.write('hello from a pipe');
    await writer.close();
    expect(Buffer.from(await reading).toString()).toBe('hello from a pipe');
  });
});

describe('readNdjsonLines: a line is capped while it is read', () => {
  const lines = async (chunks: string[], max: number) => {
    const out = [];
    const input = {
      stream: Readable.from(chunks.map((c) => Buffer.from(c))),
      where: 'x.ndjson',
      label: 'x.ndjson',
    };
    for await (const line of readNdjsonLines(input, max)) out.push(line);
    return out;
  };

  it('reports a line over the cap as too long, without building it, and reads the lines after it', async () => {
    const got = await lines(['{"a":1}\r\n{"b":"', 'y'.repeat(40), 'y'.repeat(40), '"}\n', '\n{"c":3}'], 32);
    expect(got).toEqual([
      { lineNo: 1, text: '{"a":1}', replacements: 0 },
      {
        lineNo: 2,
        error: expect.objectContaining({
          code: 'INPUT_TOO_LARGE',
          message: expect.stringMatching(/^Line 2 of x\.ndjson is over 0 MB/),
        }),
      },
      { lineNo: 3, text: '', replacements: 0 },
      { lineNo: 4, text: '{"c":3}', replacements: 0 },
    ]);
  });

  it('counts bytes that are not UTF-8 and keeps multi-byte characters split across chunks', async () => {
    const bytes = Buffer.from('{"t":"mãe"}\n');
    const split = bytes.indexOf(0xc3) + 1;
    const input = {
      stream: Readable.from([
        bytes.subarray(0, split),
        bytes.subarray(split),
        Buffer.from([0x7b, 0xff, 0x7d]),
      ]),
      where: 'x',
      label: 'x',
    };
    const got = [];
    for await (const line of readNdjsonLines(input)) got.push(line);
    expect(got).toEqual([
      { lineNo: 1, text: '{"t":"mãe"}', replacements: 0 },
      { lineNo: 2, text: '{\uFFFD}', replacements: 1 },
    ]);
  });

  it('stops a line with no end (/dev/zero as NDJSON crashed with RangeError: Invalid string length)', async () => {
    const link = join(dir, 'zero.ndjson');
    symlinkSync('/dev/zero', link);
    const { openInput } = await import('./read-input-bytes');
    const got = [];
    for await (const line of readNdjsonLines(await openInput(link), 1_000_000)) got.push(line);
    expect(got).toEqual([{ lineNo: 1, error: expect.objectContaining({ code: 'INPUT_TOO_LARGE' }) }]);
    expect((got[0] as { error: Error }).error.message).toMatch(
      /Line 1 of .*zero\.ndjson runs on past 64 MB without a line break/,
    );
  });
});
