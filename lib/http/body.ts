// Reads a request body without ever holding more than a limit: a declared Content-Length over it
// is refused before a byte is read, and a streamed (chunked) body is read only up to it, then the
// stream is cancelled. `request.text()` would buffer a 2 GB body whole and kill the process.
import { ApiError } from '@/lib/api/errors';

/**
 * The largest JSON body a route accepts unless it says otherwise: every body the API takes is a
 * few small fields, except a key edit's value (its route raises its own limit, `maxBodyBytes`).
 */
export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = (maxBytes: number) =>
  new ApiError('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes / 1024} KiB, the most this route accepts.`);

/**
 * The declared length when the request says one. A length that is not a plain decimal is refused
 * (HTTP forbids it; Node rejects most such requests before they get here).
 */
function declaredLength(request: Request): number | null {
  const header = request.headers.get('content-length');
  if (header === null) return null;
  if (!/^\d+$/.test(header.trim())) throw new ApiError('BAD_REQUEST', 'The Content-Length header is not a number.');
  return Number(header.trim());
}

/** The body's bytes, at most `maxBytes` of them; 413 as soon as there would be more. */
async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = declaredLength(request);
  if (declared !== null && declared > maxBytes) {
    // Not a byte read: the server's own drain (or close) deals with what the client still sends.
    throw tooLarge(maxBytes);
  }
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop the upload here rather than read (and discard) the rest of a 100 MB stream.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * The body as JSON. An empty body reads as `{}`: a POST whose route takes no parameters must work
 * with `curl -X POST` (no body) as well as with `{}`; a route that needs fields still gets 400
 * from its schema.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const bytes = await readBodyBytes(request, maxBytes);
  const text = bytes.toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('BAD_REQUEST', 'The body is not valid JSON.');
  }
}
