import { problem, type Problem } from '../http/problem';

/** A change-log cursor as written: the sequence number of the last change seen (0: from the start). */
const CURSOR = /^\d{1,15}$/;

/**
 * The change seq a cursor (`since`, or an event stream's Last-Event-ID) names, or the problem with it:
 * not a cursor of ours, or one ahead of the changes this server has applied (a cursor of another store).
 */
export function readCursor(
  text: string | undefined,
  head: number,
  parameter: string,
): { seq: number } | { problem: Problem } {
  if (text === undefined || text === '') return { seq: 0 };
  if (!CURSOR.test(text))
    return {
      problem: problem(
        'invalid-cursor',
        `\`${parameter}\` is a change cursor: the \`nextCursor\` of /v1/changes or the id of a streamed event (digits).`,
        { parameter },
      ),
    };
  const seq = Number(text);
  if (seq > head)
    return {
      problem: problem(
        'invalid-cursor',
        `\`${parameter}\` is ahead of the changes this server has applied (up to ${head}): it is not a cursor of this store; start again without it.`,
        { parameter },
      ),
    };
  return { seq };
}
