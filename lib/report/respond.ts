// A report in the format asked for: JSON as any API answer, Markdown and HTML as documents with
// a file name (the page's downloads), the HTML without any script or outside resource.
import { fleetHtml, instanceHtml } from './html';
import { fleetMarkdown, instanceMarkdown } from './markdown';
import { reportFileName, type FleetReport, type InstanceReport, type ReportFormat } from './types';

/** Nothing but inline styles may run or load in the HTML report, even though it is all escaped. */
export const REPORT_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const CONTENT_TYPES: Record<Exclude<ReportFormat, 'json'>, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/**
 * Markdown is shown as text; the HTML document is a download: the API's own CSP (next.config.js,
 * `default-src 'none'`) would keep its print stylesheet from applying in the browser, while the
 * file opened on its own (or sent on) prints as designed. Printing from the dashboard is the
 * report page's own print stylesheet.
 */
function document(text: string, format: Exclude<ReportFormat, 'json'>, fileName: string): Response {
  return new Response(text, {
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `${format === 'html' ? 'attachment' : 'inline'}; filename="${fileName}"`,
      'x-content-type-options': 'nosniff',
      ...(format === 'html' && { 'content-security-policy': REPORT_HTML_CSP }),
    },
  });
}

export function instanceReportAnswer(report: InstanceReport, format: ReportFormat): InstanceReport | Response {
  if (format === 'json') return report;
  const name = reportFileName(report.instance.id, report.week, format);
  return document(format === 'md' ? instanceMarkdown(report) : instanceHtml(report), format, name);
}

export function fleetReportAnswer(report: FleetReport, format: ReportFormat): FleetReport | Response {
  if (format === 'json') return report;
  const name = reportFileName('fleet', report.week, format);
  return document(format === 'md' ? fleetMarkdown(report) : fleetHtml(report), format, name);
}
