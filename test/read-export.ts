// A whole response of GET .../keys/export as the tests read it: its name lines, and the last
// line (done or error), with no line allowed after that one.
import { expect } from 'vitest';
import type { ExportLine } from '@/lib/keys/export';
import { exportLine, NdjsonDecoder } from '@/lib/keys/ndjson';

export async function readExport(response: Response): Promise<{ names: ExportLine[]; last: ExportLine | undefined }> {
  expect(response.status).toBe(200);
  const decoder = new NdjsonDecoder();
  const names: ExportLine[] = [];
  let last: ExportLine | undefined;
  const take = (values: unknown[]) => {
    for (const value of values) {
      const line = exportLine(value);
      if (last !== undefined) throw new Error(`a line after the last one: ${JSON.stringify(line)}`);
      if ('keyB64' in line) names.push(line);
      else last = line;
    }
  };
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    take(decoder.push(value));
  }
  take(decoder.end());
  return { names, last };
}
