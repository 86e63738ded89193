// The config audit: every setting of SPEC section 3 judged against the recommendation, under the
// name the server reports, with the fix; every other setting listed. Pure: it takes a CONFIG GET *
// whose secrets lib/redis/config.ts already replaced.
import { isAllowlisted } from './allowlist';
import { BASELINE, type AuditContext, type BaselineRow } from './baseline';
import { isAliasOfReported, reportedName } from './names';
import type { AuditedSetting, AuditStatus, ConfigAuditResponse, SettingFix } from './types';

/** `CONFIG SET name value` and the redis.conf line; client-output-buffer-limit takes one conf line per class. */
export function fixFor(name: string, value: string): SettingFix {
  const quoted = value === '' || /\s|"/.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
  const conf = name === 'client-output-buffer-limit'
    ? (value.trim().match(/\S+\s+\S+\s+\S+\s+\S+/g) ?? [value]).map((limits) => `${name} ${limits}`).join('\n')
    : `${name} ${quoted}`;
  return { command: `CONFIG SET ${name} ${quoted}`, conf };
}

function auditRow(row: BaselineRow, all: Readonly<Record<string, string>>, context: AuditContext): AuditedSetting {
  const name = reportedName(all, row.name) ?? row.name;
  const value = all[name] ?? null;
  const fixValue = row.fixValue(context);
  const judged = value === null ? { status: 'info' as const, note: 'This Redis does not report it.' } : row.judge(value, context);
  return {
    name,
    value,
    recommended: row.recommended,
    status: judged.status,
    why: judged.note ? `${row.why} ${judged.note}` : row.why,
    fixValue,
    fix: fixFor(name, fixValue),
    allowlisted: isAllowlisted(name),
  };
}

export function auditConfig(
  all: Readonly<Record<string, string>>,
  options: { version: string | null; redacted: readonly string[]; context?: AuditContext },
): ConfigAuditResponse {
  const settings = BASELINE.map((row) => auditRow(row, all, options.context ?? {}));
  const summary: Record<AuditStatus, number> = { ok: 0, warn: 0, info: 0 };
  for (const setting of settings) summary[setting.status] += 1;
  const audited = new Set(settings.map((setting) => setting.name));
  const redacted = new Set(options.redacted);
  const other = Object.keys(all)
    .filter((name) => !audited.has(name) && !redacted.has(name) && !isAliasOfReported(all, name))
    .sort()
    .map((name) => ({ name, value: all[name]!, allowlisted: isAllowlisted(name) }));
  return { version: options.version, settings, summary, redacted: [...options.redacted], other };
}
