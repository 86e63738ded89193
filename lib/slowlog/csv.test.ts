import { describe, expect, it } from 'vitest';
import { archiveCsv, csvCell } from './csv';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['GET user:1', 'GET user:1'],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
  ])('%j -> %s', (value, expected) => expect(csvCell(value)).toBe(expected));
});

describe('archiveCsv', () => {
  it('writes a header and one neutralised row per entry', () => {
    const csv = archiveCsv([
      { id: 3, runId: 'r', timestamp: 1_795_000_000, durationMicros: 1500, args: ['SET', '=cmd|calc', 'v'], client: '127.0.0.1:5000', clientName: '@me', fingerprint: 'SET =cmd|calc', warning: null },
    ]);
    const [header, row] = csv.trimEnd().split('\r\n');
    expect(header).toBe('time_utc,duration_us,command,client,client_name,fingerprint,warning,run_id,id');
    expect(row).toBe("2026-11-18T11:06:40.000Z,1500,SET =cmd|calc v,127.0.0.1:5000,'@me,SET =cmd|calc,,r,3");
  });
});
