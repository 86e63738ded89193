// The weekly report (SPEC section 13) on the e2e server, with what data the e2e Redis servers
// have given the sampler so far: the page shows the checklist first, the week picker keeps the
// week in the URL, the downloads are the API's documents, and the page printed to PDF (as
// "Print to PDF" would) holds each checklist line, without the dashboard's navigation.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { ReportWebhookBody } from '../lib/delivery/types';
import type { FleetReport, InstanceReport } from '../lib/report/types';
import { CHECKLIST } from '../lib/report/types';
import { isoWeekOf, previousWeek } from '../lib/report/week';
import { expect, test } from './support/fixtures';

/**
 * The text of a PDF as Chromium writes it: its content streams' strings, each font's glyph codes
 * mapped back to characters through the font's ToUnicode CMap (a small reader: enough for
 * Chromium's own PDFs, which keep plain objects with Flate streams and Type0 fonts).
 */
function pdfPages(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: string | null }>();
  const header = /(\d+) 0 obj\b/g;
  for (let match = header.exec(raw); match; match = header.exec(raw)) {
    const start = match.index + match[0].length;
    const streamAt = raw.indexOf('stream', start);
    const endObj = raw.indexOf('endobj', start);
    if (streamAt === -1 || streamAt > endObj) {
      objects.set(Number(match[1]), { dict: raw.slice(start, endObj), stream: null });
      header.lastIndex = endObj;
      continue;
    }
    const dict = raw.slice(start, streamAt);
    let dataStart = streamAt + 'stream'.length;
    if (raw[dataStart] === '\r') dataStart += 1;
    if (raw[dataStart] === '\n') dataStart += 1;
    const length = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict);
    const dataEnd = length ? dataStart + Number(length[1]) : raw.indexOf('endstream', dataStart);
    let data = pdf.subarray(dataStart, dataEnd);
    if (dict.includes('/FlateDecode')) data = inflateSync(data);
    objects.set(Number(match[1]), { dict, stream: data.toString('latin1') });
    header.lastIndex = raw.indexOf('endobj', dataEnd);
  }
  const ref = (text: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(text)?.[1] ?? NaN);
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  const cmapOf = (fontId: number) => {
    const map = new Map<number, string>();
    const cmap = objects.get(ref(objects.get(fontId)?.dict ?? '', 'ToUnicode'))?.stream ?? '';
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, code, chars] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(code!, 16), utf16(chars!));
    }
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, low, high, first] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        for (let code = parseInt(low!, 16), char = parseInt(first!, 16); code <= parseInt(high!, 16); code++, char++) map.set(code, String.fromCharCode(char));
      }
    }
    return { map, wide: /\/Subtype\s*\/Type0/.test(objects.get(fontId)?.dict ?? '') };
  };
  const pages: string[] = [];
  for (const { dict } of objects.values()) {
    if (!/\/Type\s*\/Page\b/.test(dict)) continue;
    const resources = /\/Resources\s+(\d+)\s+0\s+R/.exec(dict) ? objects.get(ref(dict, 'Resources'))!.dict : dict;
    const fontDict = /\/Font\s+(\d+)\s+0\s+R/.exec(resources) ? objects.get(ref(resources, 'Font'))!.dict : (/\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '');
    const fonts = new Map([...fontDict.matchAll(/\/([\w.+-]+)\s+(\d+)\s+0\s+R/g)].map(([, name, id]) => [name!, cmapOf(Number(id))]));
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? /\/Contents\s+(\d+\s+0\s+R)/.exec(dict)?.[1] ?? '';
    let text = '';
    for (const [, id] of contents.matchAll(/(\d+)\s+0\s+R/g)) {
      let font = { map: new Map<number, string>(), wide: false };
      const stream = objects.get(Number(id))?.stream ?? '';
      for (const [, name, hex, array] of stream.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj|\[([^\]]*)\]\s*TJ/g)) {
        if (name) font = fonts.get(name) ?? font;
        for (const run of hex !== undefined ? [hex] : [...(array ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!)) {
          for (const code of run.match(font.wide ? /.{4}/g : /.{2}/g) ?? []) text += font.map.get(parseInt(code, 16)) ?? '';
        }
        text += hex !== undefined || array !== undefined ? ' ' : '';
      }
    }
    pages.push(text);
  }
  return pages;
}

const pdfText = (pdf: Buffer) => pdfPages(pdf).join('\n');

/** Whitespace differs between the page's layout and the PDF's runs, and the PDF has ligatures (ﬁ, ﬃ): compared without either. */
const squeeze = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

test('the instance report page shows the checklist first and prints to a PDF that holds every line', async ({ page, api }) => {
  const week = isoWeekOf(Date.now());
  await page.goto('/instances/e2e-main/report');
  const checklist = page.getByTestId('report-checklist');
  await expect(checklist).toBeVisible();
  for (const line of CHECKLIST) await expect(checklist).toContainText(line.title);
  // The checklist is the report's first block, above what was missing and every line's detail.
  const instance = page.getByTestId('report-instance-e2e-main');
  await expect(instance.locator(':scope > *').nth(1)).toHaveAttribute('data-testid', 'report-checklist');
  await expect(page.getByTestId('report-week')).toHaveValue(week.id);
  await expect(page.getByTestId('report-line-hit-ratio').getByTestId('report-daily')).toBeVisible();
  // The e2e servers were started minutes ago: last week has no samples, and the report says so.
  await expect(page.getByTestId('report-missing')).toContainText(`No samples in the week before (${previousWeek(week).id})`);

  // The downloads are the API's documents for the same week, with the same figures.
  await expect(page.getByTestId('report-download-md')).toHaveAttribute('href', `/api/instances/e2e-main/report?week=${week.id}&format=md`);
  await expect(page.getByTestId('report-download-json')).toHaveAttribute('href', `/api/instances/e2e-main/report?week=${week.id}`);
  const json = (await (await api.get(`/api/instances/e2e-main/report?week=${week.id}`)).json()) as InstanceReport;
  const markdown = await (await api.get(`/api/instances/e2e-main/report?week=${week.id}&format=md`)).text();
  for (const line of json.checklist) expect(markdown).toContain(`${line.title}: ${line.verdict.toUpperCase()}`);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByTestId('report-week')).toBeHidden();
  const text = squeeze(pdfText(await page.pdf({ format: 'A4', printBackground: true })));
  for (const line of CHECKLIST) expect(text, line.title).toContain(squeeze(line.title));
  expect(text).toContain(squeeze('Production targets: share of time met'));
  expect(text).toContain(squeeze('Missing data'));
  expect(text).not.toContain(squeeze('Audit log'));

  // The week picker keeps the week in the URL.
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('report-week').selectOption(previousWeek(week).id);
  await expect(page).toHaveURL(new RegExp(`week=${previousWeek(week).id}`));
  await expect(page.getByTestId('report-instance-e2e-main')).toContainText(`, ${previousWeek(week).id}`);
});

test('the fleet report lists every instance but the nodes of the cluster, and its HTML document prints', async ({ page, api }) => {
  const fleet = (await (await api.get('/api/report')).json()) as FleetReport;
  expect(fleet.instances.map((i) => i.instance.id)).toEqual(['e2e-main', 'e2e-second', 'e2e-cluster']);

  await page.goto('/report');
  await expect(page.getByTestId('report-fleet-summary')).toBeVisible();
  for (const id of ['e2e-main', 'e2e-second', 'e2e-cluster']) await expect(page.getByTestId(`report-instance-${id}`)).toBeVisible();
  // The second instance's name is markup: shown as text (the console guard fails on a dialog).
  await expect(page.getByTestId('report-instance-e2e-second')).toContainText('<img src=x onerror=alert(1)>');
  await page.emulateMedia({ media: 'print' });
  const text = squeeze(pdfText(await page.pdf({ format: 'A4' })));
  for (const line of CHECKLIST) expect(text.split(squeeze(line.title)).length - 1, line.title).toBeGreaterThanOrEqual(4);

  // The HTML document is a download, a file of its own: opened as such, its print stylesheet
  // starts each instance on a new page.
  const download = await api.get('/api/report?format=html');
  expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="redlens-report-fleet-\d{4}-W\d{2}\.html"$/);
  // Away from the dashboard first: a file opened from disk asks no server for anything (its
  // favicon included), so neither does the document here.
  await page.goto('about:blank');
  await page.setContent(await download.text());
  await expect(page.locator('section.instance')).toHaveCount(4);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  const pages = pdfPages(await page.pdf({ format: 'A4' })).map(squeeze);
  const html = pages.join('');
  for (const line of CHECKLIST) expect(html.split(squeeze(line.title)).length - 1, line.title).toBeGreaterThanOrEqual(4);
  expect(html).toContain(squeeze('E2E second <img src=x onerror=alert(1)>'));
  // Each instance begins a page: its title is at the top of one.
  for (const name of ['E2E main (e2e-main)', 'E2E second <img src=x onerror=alert(1)> (e2e-second)', 'E2E cluster (e2e-cluster)']) {
    expect(pages.some((text) => text.startsWith(squeeze(`Weekly report: ${name}`))), name).toBe(true);
  }
});

test('the report the webhook was sent at its hour is listed below the fleet report and opens as it was sent', async ({ page, api }) => {
  // The e2e server's `reports` is due from the hour it started (e2e/support/serve.mjs): it sent last week's.
  const week = previousWeek(isoWeekOf(Date.now())).id;
  const webhookFile = path.join(__dirname, '..', '.e2e', 'webhook.ndjson');
  const received = async () => (existsSync(webhookFile) ? readFileSync(webhookFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ReportWebhookBody) : []);
  await expect.poll(async () => (await received()).map((body) => body.week)).toContain(week);
  const body = (await received()).find((b) => b.week === week)!;
  for (const line of CHECKLIST) expect(body.text).toContain(line.title);

  await page.goto('/report');
  // The link jumps to the foot of the page: once the report above it is drawn.
  for (const id of ['e2e-main', 'e2e-second', 'e2e-cluster']) await expect(page.getByTestId(`report-instance-${id}`)).toBeVisible();
  await page.getByRole('link', { name: 'Sent reports' }).click();
  const panel = page.getByTestId('sent-reports');
  await expect(panel).toBeInViewport();
  await expect(panel).toContainText(/POSTed every \w+day at \d\d:00 UTC/);
  const row = panel.getByTestId('sent-report-row').filter({ hasText: week });
  await expect(row).toContainText('Sent');
  await row.getByRole('button', { name: 'Open as sent' }).click();
  await expect(row.getByRole('button', { name: 'Close' })).toHaveAttribute('aria-expanded', 'true');
  // Exactly what the webhook got, as text (a name with markup stays text: the console guard fails on a dialog).
  await expect(panel.getByTestId('sent-report-text')).toHaveText(body.text);
  const markdown = await api.get(await row.getByRole('link', { name: /Markdown/ }).getAttribute('href') ?? '');
  expect(await markdown.text()).toBe(body.text);
  // The list is not part of the printed report.
  await page.emulateMedia({ media: 'print' });
  await expect(panel).toBeHidden();
});
