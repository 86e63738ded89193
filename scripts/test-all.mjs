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
/** The names of failed tests, printed again at the end: CI keeps only the tail of the output. */
const failures = [];
const firstLine = (messages = []) => String(messages[0] ?? '').split('\n').find((line) => line.trim()) ?? '';

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
  for (const file of report.testResults) {
    for (const test of file.assertionResults.filter((result) => result.status === 'failed')) {
      failures.push(`${project}: ${path.relative(root, file.name)} > ${test.fullName}: ${firstLine(test.failureMessages)}`);
    }
  }
}

/** Every test of a Playwright JSON report, through nested describe blocks. */
function* playwrightTests(suites = []) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) for (const test of spec.tests) yield { spec, test };
    yield* playwrightTests(suite.suites);
  }
}

/** Playwright's JSON reporter: expected = passed, unexpected = failed, flaky counts as failed. */
function playwrightSuite() {
  const file = path.join(reports, 'e2e.json');
  const ok = run('e2e', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (!existsSync(file)) {
    totals.failed += 1;
    return;
  }
  const { stats, suites } = JSON.parse(readFileSync(file, 'utf8'));
  for (const { spec, test } of playwrightTests(suites)) {
    if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
    const error = test.results.flatMap((result) => result.errors ?? []).map((e) => e.message)[0];
    failures.push(`e2e${test.status === 'flaky' ? ' (flaky)' : ''}: ${spec.file}:${spec.line} > ${spec.title}: ${firstLine([error])}`);
  }
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
// Colour codes stripped and each line cut, so the list stays readable in a log's tail.
const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, '').slice(0, 300);
if (failures.length > 0) console.log(`Failed tests:\n${failures.slice(0, 20).map((line) => `  ${plain(line)}`).join('\n')}\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
