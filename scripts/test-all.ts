/**
 * `npm test`: the whole suite, in order: format, lint, types, unit tests, build, end-to-end tests.
 * Every step runs even when an earlier one fails (except end-to-end tests without a build), and
 * the last line counts everything: each check step is one test, plus every unit and e2e test.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

fs.mkdirSync('reports', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

function run(name: string, command: string): boolean {
	console.log(`\n▶ ${name}: ${command}`);
	const ok = spawnSync(command, { stdio: 'inherit', shell: true }).status === 0;
	if (!ok) failures.push(name);
	return ok;
}

function check(name: string, command: string) {
	if (run(name, command)) passed++;
	else failed++;
}

function readJson(path: string): Record<string, unknown> | null {
	try {
		return JSON.parse(fs.readFileSync(path, 'utf8'));
	} catch {
		return null;
	}
}

check('format', 'prettier --check .');
check('lint', 'eslint .');
check('types', 'npm run --silent check:types');

fs.rmSync('reports/unit.json', { force: true });
const unitOk = run(
	'unit tests',
	'vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json'
);
const unit = readJson('reports/unit.json') as {
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
	numTodoTests: number;
} | null;
if (unit) {
	passed += unit.numPassedTests;
	failed += unit.numFailedTests;
	skipped += unit.numPendingTests + unit.numTodoTests;
	if (!unitOk && unit.numFailedTests === 0) failed++; // the run broke outside a test
} else failed++;

if (run('build', 'vite build')) {
	passed++;
	fs.rmSync('reports/e2e.json', { force: true });
	const e2eOk = run('end-to-end tests', 'playwright test');
	const e2e = readJson('reports/e2e.json') as {
		stats: { expected: number; unexpected: number; flaky: number; skipped: number };
	} | null;
	if (e2e) {
		passed += e2e.stats.expected + e2e.stats.flaky;
		failed += e2e.stats.unexpected;
		skipped += e2e.stats.skipped;
		if (!e2eOk && e2e.stats.unexpected === 0) failed++;
	} else failed++;
} else failed++;

console.log(failures.length ? `\nFailed steps: ${failures.join(', ')}` : '\nAll steps passed.');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
