import { seededRandom } from '@gazette/bench-corpora';

/** Indices of the first `count` of a seeded shuffle of `length` items (partial Fisher-Yates), in ascending order. */
export function seededDraw(length: number, count: number, seed: number): number[] {
  const rand = seededRandom(seed);
  const order = Array.from({ length }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rand() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, count).sort((a, b) => a - b);
}
