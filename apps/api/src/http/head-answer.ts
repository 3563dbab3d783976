/**
 * Answers HEAD as the GET of the same target would be answered, without the body but with its
 * Content-Length (RFC 9110 §9.3.2). Hono answers HEAD with the GET's headers only, and most GET bodies are
 * sized when written, so HEAD had no length at all. The GET is made (HEAD costs what GET costs, as before)
 * and its body measured, in the representation the client would get (gzip included); an event stream's
 * is not (it would be read until the stream closes, minutes later).
 */
export async function headAnswer(
  request: Request,
  fetchGet: (request: Request) => Response | Promise<Response>,
): Promise<Response> {
  const res = await fetchGet(new Request(request, { method: 'GET' }));
  const headers = new Headers(res.headers);
  // An event stream has no end to measure: its headers are the answer, and the stream is ended at once.
  if (/^text\/event-stream/i.test(res.headers.get('content-type') ?? '')) await res.body?.cancel();
  else if (res.body !== null) {
    const bytes = (await res.arrayBuffer()).byteLength;
    headers.set('content-length', String(bytes));
  }
  return new Response(null, { status: res.status, statusText: res.statusText, headers });
}
