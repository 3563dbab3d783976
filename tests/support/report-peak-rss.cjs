// Loaded with `node --require` by memory tests: when the process exits, writes its peak resident memory
// (VmHWM from /proc/self/status, in kB) to the file named by GAZETTE_TEST_PEAK_FILE.
const { readFileSync, writeFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.GAZETTE_TEST_PEAK_FILE;
  const peak = /VmHWM:\s*(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  if (file && peak) writeFileSync(file, peak);
});
