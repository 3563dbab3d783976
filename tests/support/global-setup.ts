import { sweepLeftovers } from './test-resources';

/** vitest globalSetup: before the run and after it, remove what killed runs left behind (see test-resources). */
export default function setup(): () => void {
  const report = (when: string) => {
    const removed = sweepLeftovers();
    if (removed.length)
      console.warn(`${when}: removed ${removed.length} leftovers of killed test runs: ${removed.join(', ')}`);
  };
  report('before the tests');
  return () => report('after the tests');
}
