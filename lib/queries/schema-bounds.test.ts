import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AUDIT_FILTER_MAX_LENGTH, AUDIT_PAGE_SIZE } from './audit';
import { defaultOf, maxLengthOf, maxOf } from './schema-bounds';

describe('schema bounds', () => {
  it('reads a max length, a maximum and a default from a schema', () => {
    const schema = z.object({ q: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(5000).default(500) });
    expect(maxLengthOf(schema.shape.q)).toBe(200);
    expect(maxOf(schema.shape.limit)).toBe(5000);
    expect(defaultOf(schema.shape.limit)).toBe(500);
  });

  it('refuses a schema that states no bound, rather than letting the UI guess one', () => {
    const schema = z.object({ q: z.string().optional(), limit: z.coerce.number().default(1) });
    expect(() => maxLengthOf(schema.shape.q)).toThrow(/no maximum length/);
    expect(() => maxOf(schema.shape.limit)).toThrow(/no maximum/);
  });

  it("gives the audit page the audit API's bounds", () => {
    expect(AUDIT_FILTER_MAX_LENGTH).toBe(200);
    expect(AUDIT_PAGE_SIZE).toBe(100);
  });
});
