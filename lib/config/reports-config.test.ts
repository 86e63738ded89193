// The weekly report's delivery (`reports` in REDLENS_CONFIG) and REDLENS_ALERT_WEBHOOK: read,
// defaulted, and refused at start with a message that names the field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load';

const dir = mkdtempSync(path.join(tmpdir(), 'redlens-reports-config-'));
let files = 0;
function withReports(reports: unknown): Record<string, string> {
  const file = path.join(dir, `c${files++}.json`);
  writeFileSync(file, JSON.stringify({ instances: [{ id: 'a', url: 'redis://127.0.0.1:6379' }], ...(reports !== undefined && { reports }) }));
  return { REDLENS_CONFIG: file };
}

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted a bad configuration');
}

describe('reports: the weekly report\'s delivery', () => {
  it('is off unless configured', () => {
    expect(loadConfig(withReports(undefined)).reports).toBeNull();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1' }).reports).toBeNull();
  });

  it('takes an ISO weekday number or a day\'s name, an hour in UTC and an http(s) webhook', () => {
    expect(loadConfig(withReports({ weekday: 3, hour: 9, webhook: 'https://chat.example/hooks/T0/B0/secret' })).reports)
      .toEqual({ weekday: 3, hour: 9, webhook: 'https://chat.example/hooks/T0/B0/secret' });
    expect(loadConfig(withReports({ weekday: 'Sunday', hour: 0, webhook: 'http://10.0.0.1:8080/x' })).reports).toMatchObject({ weekday: 7, hour: 0 });
    expect(loadConfig(withReports({ weekday: 'fri', hour: 23, webhook: 'http://h/x' })).reports).toMatchObject({ weekday: 5 });
    // Monday 08:00 UTC when only the webhook is given.
    expect(loadConfig(withReports({ webhook: 'https://h/x' })).reports).toEqual({ weekday: 1, hour: 8, webhook: 'https://h/x' });
  });

  it('refuses a bad weekday, hour or webhook, naming the field', () => {
    expect(errorOf(withReports({ weekday: 0, hour: 8, webhook: 'https://h/x' }))).toMatch(/reports\.weekday: must be 1-7/);
    expect(errorOf(withReports({ weekday: 'someday', hour: 8, webhook: 'https://h/x' }))).toMatch(/reports\.weekday: must be 1-7 .*"someday"/);
    expect(errorOf(withReports({ weekday: 'mo', hour: 8, webhook: 'https://h/x' }))).toMatch(/reports\.weekday/);
    expect(errorOf(withReports({ weekday: 1, hour: 24, webhook: 'https://h/x' }))).toMatch(/reports\.hour: must be 0-23/);
    expect(errorOf(withReports({ weekday: 1, hour: 7.5, webhook: 'https://h/x' }))).toMatch(/reports\.hour: must be a whole hour/);
    expect(errorOf(withReports({ weekday: 1, hour: 8, webhook: 'ftp://h/x' }))).toMatch(/reports\.webhook: must start with http:\/\/ or https:\/\//);
    expect(errorOf(withReports({ weekday: 1, hour: 8, webhook: 'not a url' }))).toMatch(/reports\.webhook: is not a URL/);
    expect(errorOf(withReports({ weekday: 1, hour: 8 }))).toMatch(/reports\.webhook/);
    expect(errorOf(withReports({ weekday: 1, hour: 8, webhook: 'https://h/x', channel: '#ops' }))).toMatch(/reports/);
  });
});

describe('REDLENS_ALERT_WEBHOOK', () => {
  it('is null unless set, and the URL when it is', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1' }).alertWebhook).toBeNull();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1', REDLENS_ALERT_WEBHOOK: 'https://chat.example/hooks/abc' }).alertWebhook).toBe('https://chat.example/hooks/abc');
    expect(loadConfig({ ...withReports(undefined), REDLENS_ALERT_WEBHOOK: 'http://127.0.0.1:9/a' }).alertWebhook).toBe('http://127.0.0.1:9/a');
  });

  it('refuses what is not an http(s) URL, without echoing it', () => {
    const message = errorOf({ REDIS_URL: 'redis://127.0.0.1', REDLENS_ALERT_WEBHOOK: 'redis://secret-token@h' });
    expect(message).toMatch(/^REDLENS_ALERT_WEBHOOK: must start with http:\/\/ or https:\/\//);
    expect(message).not.toContain('secret-token');
    expect(errorOf({ REDIS_URL: 'redis://127.0.0.1', REDLENS_ALERT_WEBHOOK: 'nope' })).toMatch(/^REDLENS_ALERT_WEBHOOK: is not a URL/);
  });
});
