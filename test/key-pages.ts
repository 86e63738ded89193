// Walks a key listing to its end through the keys route, as the browser's "scan all" does.
import { expect } from 'vitest';
import type { KeysPage } from '@/lib/keys/types';

/** Every page of `query` from cursor 0 until `done`; each page must answer 200. */
export async function listAllPages(listPage: (query: string) => Promise<Response>, query: string): Promise<KeysPage[]> {
  const pages: KeysPage[] = [];
  let cursor = '0';
  do {
    const response = await listPage(`${query}&cursor=${cursor}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as KeysPage;
    pages.push(page);
    cursor = page.cursor;
  } while (!pages.at(-1)!.done);
  return pages;
}
