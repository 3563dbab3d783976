import { BILOU_TAGS, bilouAllowed } from './bilou';

const T = BILOU_TAGS.length;
// allowed[(p + 1) * T + t]: row 0 is the sentence start.
const ALLOWED = new Uint8Array((T + 1) * T);
const FINAL_OK = new Uint8Array(T);
for (let p = -1; p < T; p++)
  for (let t = 0; t < T; t++) ALLOWED[(p + 1) * T + t] = bilouAllowed(BILOU_TAGS[p], BILOU_TAGS[t]!) ? 1 : 0;
for (let t = 0; t < T; t++) FINAL_OK[t] = bilouAllowed(BILOU_TAGS[t], 'O') ? 1 : 0;

/**
 * Best well-formed tag sequence. `emit[i * T + t]` scores tag t at token i; `trans[(p + 1) * T + t]`
 * scores tag t after p (row 0: after the start).
 */
export function viterbi(emit: Float32Array, n: number, trans: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * T);
  const back = new Uint8Array(n * T);
  for (let t = 0; t < T; t++) score[t] = ALLOWED[t] ? emit[t]! + trans[t]! : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!ALLOWED[(p + 1) * T + t]) continue;
        const s = score[(i - 1) * T + p]! + trans[(p + 1) * T + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + t] = best + emit[i * T + t]!;
      back[i * T + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    const s = score[(n - 1) * T + t]!;
    if (FINAL_OK[t] && s > best) {
      best = s;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg]!;
  }
  return out;
}
