import { describe, expect, it } from 'vitest';
import { jsonStreamResponse } from './json-stream';

async function chunksOf(response: Response): Promise<string[]> {
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  const reader = response.body!.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(decoder.decode(chunk.value));
  return chunks;
}

describe('jsonStreamResponse', () => {
  const entries = Array.from({ length: 1001 }, (_, i) => ({ id: i, args: ['GET', `user:${i}`], name: i % 2 ? null : 'app "a"\n' }));
  const body = { entries, truncated: true, nextCursor: 'c:1', gaps: [], own: { shown: true, hidden: 0 }, total: null };

  it('parses back to the body, the array written a slice at a time', async () => {
    const response = jsonStreamResponse(body, 'entries', 250);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const chunks = await chunksOf(response);
    // The head, then five slices (250 x 4 and the last one with the other fields).
    expect(chunks).toHaveLength(6);
    expect(JSON.parse(chunks.join(''))).toEqual(body);
  });

  it('an empty array, and a body with no other field', async () => {
    expect(JSON.parse((await chunksOf(jsonStreamResponse({ ...body, entries: [] }, 'entries'))).join(''))).toEqual({ ...body, entries: [] });
    expect(JSON.parse((await chunksOf(jsonStreamResponse({ entries }, 'entries', 1000))).join(''))).toEqual({ entries });
  });

  it('refuses a field that is not an array', () => {
    expect(() => jsonStreamResponse({ entries: 'no' }, 'entries')).toThrow(/not an array/);
  });
});
