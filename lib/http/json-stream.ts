// A JSON answer with one long array (a page of 5,000 slow log entries), written a slice of the
// array at a time with a turn of the event loop between slices: JSON.stringify of the whole
// would hold the event loop for tens of milliseconds in one block (SPEC section 7: < 50 ms).
import 'server-only';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { API_HEADERS } from './route';

/** Elements serialized per turn of the event loop. */
const SLICE = 250;

/**
 * `body` as JSON, `body[key]` (an array) first and streamed; the other fields after it. Parsed,
 * it equals JSON.stringify(body)'s (the order of the fields aside).
 */
export function jsonStreamResponse<T extends object>(body: T, key: keyof T & string, slice = SLICE): Response {
  const { [key]: items, ...rest } = body;
  if (!Array.isArray(items)) throw new Error(`jsonStreamResponse: body.${key} is not an array`);
  const tail = JSON.stringify(rest);
  const encoder = new TextEncoder();
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`{${JSON.stringify(key)}:[`));
    },
    async pull(controller) {
      // A reader that keeps reading calls pull again from a microtask: without a macrotask
      // between slices, the whole array would be written as one block of the event loop.
      await yieldToEventLoop();
      const part = items.slice(next, next + slice).map((item) => JSON.stringify(item) ?? 'null');
      const text = `${next > 0 && part.length > 0 ? ',' : ''}${part.join(',')}`;
      next += slice;
      if (next < items.length) {
        controller.enqueue(encoder.encode(text));
        return;
      }
      controller.enqueue(encoder.encode(`${text}]${tail === '{}' ? '}' : `,${tail.slice(1)}`}`));
      controller.close();
    },
  });
  return new Response(stream, { headers: { ...API_HEADERS, 'content-type': 'application/json' } });
}
