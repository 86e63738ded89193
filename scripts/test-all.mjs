// `npm test` after setup: lint, typecheck, unit, integration, load, build, e2e. Ends with one line
// "N passed, N failed, N skipped" summed over every suite from the runners' JSON reports
// (a failed lint, typecheck or build counts as one failure); exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, '.reports');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${path.basename(command)} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  const ok = result.status === 0;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function check(name, command, args) {
  if (!run(name, command, args)) totals.failed += 1;
}

/** vitest's JSON reporter (jest-compatible counts). */
function vitestSuite(project) {
  const file = path.join(reports, `${project}.json`);
  const ok = run(project, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  if (!existsSync(file)) {
    totals.failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

/** Playwright's JSON reporter: expected = passed, unexpected = failed, flaky counts as failed. */
function playwrightSuite() {
  const file = path.join(reports, 'e2e.json');
  const ok = run('e2e', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (!existsSync(file)) {
    totals.failed += 1;
    return;
  }
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += stats.expected;
  totals.failed += stats.unexpected + stats.flaky + (ok || stats.unexpected + stats.flaky > 0 ? 0 : 1);
  totals.skipped += stats.skipped;
}

check('lint', bin('eslint'), ['.', '--max-warnings=0']);
check('typecheck', bin('tsc'), ['--noEmit']);
vitestSuite('unit');
vitestSuite('integration');
vitestSuite('load');
const built = run('build', bin('next'), ['build']);
if (built) playwrightSuite();
else {
  totals.failed += 1;
  lines.push('skip e2e (the build failed)');
}

console.log(`\n${lines.join('\n')}\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
