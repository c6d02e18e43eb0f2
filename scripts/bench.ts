/**
 * `npm run bench`: sizes and speeds against DESIGN.md's budgets. Prints a table and writes
 * bench-results/bench.json.
 *
 * 1. First-page JS: the gzip size of every script that index.html loads, followed through
 *    their static imports (lazy chunks are not counted). Budget ≤ 170 KB.
 * 2. Opening an engagement of 5,000 items (team members; 4,000 written at creation, 1,000 added
 *    one command at a time, so the document has 1,001 stored updates as after real editing):
 *    the app's path (openDocument + readContent) against the raw libraries doing the same work
 *    (read the update rows with Dexie, apply them to a Y.Doc, read it to plain objects).
 *    Budget: ratio ≤ 1.25. Runs in Node on fake-indexeddb, so the absolute times are those of
 *    that in-memory IndexedDB, not of a browser; the ratio is the figure that carries over.
 * 3. Lighthouse on the production build (served by `vite preview`), in Chromium: performance
 *    ≥ 95, accessibility 100, best practices 100. The browser is found as for the end-to-end
 *    tests ($CHROMIUM_PATH, /usr/bin/chromium, or Lighthouse's own search).
 */
import 'fake-indexeddb/auto';
import { execSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { openDb, ENGAGEMENT_UPDATES_TABLE } from '../src/lib/persistence/db.ts';
import { createEngagement, openDocument, whenWritten } from '../src/lib/persistence/engagements.ts';
import { addTeamMember, encodeContent, readContent } from '../src/lib/documents/engagement-doc.ts';
import {
	blankContent,
	indexFields,
	type TeamMember
} from '../src/lib/domain/engagement/profile.ts';

const BUDGET_FIRST_PAGE_KB = 170;
const BUDGET_RATIO = 1.25;

function firstPageJs() {
	if (!fs.existsSync('build/index.html')) execSync('npx vite build', { stdio: 'inherit' });
	const html = fs.readFileSync('build/index.html', 'utf8');
	const seen = new Set<string>();
	const queue = [...html.matchAll(/(?:href|src)="([^"]+\.js)"|import\("([^"]+\.js)"\)/g)].map(
		(m) => (m[1] ?? m[2])!
	);
	let raw = 0;
	let gzip = 0;
	while (queue.length > 0) {
		const url = queue.shift()!;
		const file = path.join('build', url.replace(/^\.?\//, ''));
		if (seen.has(file) || !fs.existsSync(file)) continue;
		seen.add(file);
		const code = fs.readFileSync(file);
		raw += code.length;
		gzip += gzipSync(code).length;
		// static imports only: `import ... from "./x.js"` and `import "./x.js"`, not import()
		for (const m of code.toString().matchAll(/(?:from|import)\s*["']([^"']+\.js)["']/g)) {
			queue.push(path.relative('build', path.join(path.dirname(file), m[1]!)));
		}
	}
	return { files: seen.size, rawKB: raw / 1024, gzipKB: gzip / 1024 };
}

function member(i: number): TeamMember {
	return {
		id: `m-${i}`,
		name: `Person ${i} 客户经理`,
		role: 'Key-account manager 大客户经理',
		side: i % 3 === 0 ? 'consultancy' : 'client',
		email: `p${i}@example.com`
	};
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function openBench() {
	const name = `bench-${Date.now()}`;
	const setup = openDb(name);
	const content = blankContent('Bench', 'en');
	content.team = Array.from({ length: 4000 }, (_, i) => member(i));
	const id = await createEngagement(setup, indexFields(content.profile), encodeContent(content));
	const opened = (await openDocument(setup, id))!;
	for (let i = 4000; i < 5000; i++) addTeamMember(opened.doc, member(i));
	await whenWritten(setup);
	opened.close();
	const updates = await setup.table(ENGAGEMENT_UPDATES_TABLE).where({ k: id }).count();
	setup.close();

	const app: number[] = [];
	const raw: number[] = [];
	let items = 0;
	const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
	async function timeApp(): Promise<number> {
		const db = openDb(name);
		await db.open();
		gc();
		const t0 = performance.now();
		const doc = (await openDocument(db, id))!;
		items = readContent(doc.doc).team.length;
		const t1 = performance.now();
		doc.close();
		db.close();
		return t1 - t0;
	}
	async function timeRaw(): Promise<number> {
		const db = openDb(name);
		await db.open();
		gc();
		const t0 = performance.now();
		const rows = await db.table(ENGAGEMENT_UPDATES_TABLE).where({ k: id }).toArray();
		const doc = new Y.Doc();
		Y.transact(doc, () => {
			for (const row of rows) Y.applyUpdateV2(doc, row.u);
		});
		const plain = { profile: doc.getMap('profile').toJSON(), team: doc.getArray('team').toJSON() };
		const t1 = performance.now();
		if (plain.team.length !== 5000) throw new Error('raw read is wrong');
		doc.destroy();
		db.close();
		return t1 - t0;
	}
	// Two warm-up rounds, then 30 measured, with a garbage collection before each timing; the
	// order alternates so that neither side gains from going second.
	for (let round = 0; round < 32; round++) {
		const [a, r] = round % 2 === 0 ? [await timeApp(), await timeRaw()] : [0, await timeRaw()];
		const a2 = round % 2 === 0 ? a : await timeApp();
		if (round > 1) {
			app.push(a2);
			raw.push(r);
		}
	}
	if (items !== 5000) throw new Error(`app read ${items} items`);
	return {
		items,
		storedUpdates: updates,
		appMs: median(app),
		rawMs: median(raw),
		ratio: median(app) / median(raw)
	};
}

async function lighthouse() {
	const port = 4175;
	const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
		stdio: 'ignore',
		detached: true
	});
	try {
		for (let i = 0; i < 50; i++) {
			try {
				if ((await fetch(`http://localhost:${port}/`)).ok) break;
			} catch {
				await new Promise((r) => setTimeout(r, 200));
			}
		}
		const chrome =
			process.env.CHROMIUM_PATH ??
			(fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
		const flags =
			'--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic';
		const out = 'bench-results/lighthouse.json';
		const run = spawnSync(
			'npx',
			[
				'lighthouse',
				`http://localhost:${port}/`,
				'--quiet',
				`--chrome-flags=${flags}`,
				'--output=json',
				`--output-path=${out}`,
				'--only-categories=performance,accessibility,best-practices'
			],
			{ stdio: 'inherit', env: chrome ? { ...process.env, CHROME_PATH: chrome } : process.env }
		);
		if (run.status !== 0) return null;
		const report = JSON.parse(fs.readFileSync(out, 'utf8')) as {
			categories: Record<string, { score: number }>;
		};
		const score = (k: string) => Math.round(report.categories[k]!.score * 100);
		return {
			performance: score('performance'),
			accessibility: score('accessibility'),
			bestPractices: score('best-practices'),
			report: out
		};
	} finally {
		process.kill(-server.pid!);
	}
}

fs.mkdirSync('bench-results', { recursive: true });
const first = firstPageJs();
const open = await openBench();
const lh = await lighthouse();
const results = {
	date: new Date().toISOString(),
	node: process.version,
	firstPageJs: {
		...first,
		budgetKB: BUDGET_FIRST_PAGE_KB,
		withinBudget: first.gzipKB <= BUDGET_FIRST_PAGE_KB
	},
	openEngagement: {
		...open,
		budgetRatio: BUDGET_RATIO,
		withinBudget: open.ratio <= BUDGET_RATIO,
		store: 'fake-indexeddb (Node)'
	},
	lighthouse: lh && {
		...lh,
		withinBudget: lh.performance >= 95 && lh.accessibility === 100 && lh.bestPractices === 100
	}
};
fs.writeFileSync('bench-results/bench.json', JSON.stringify(results, null, '\t') + '\n');

const mark = (ok: boolean) => (ok ? 'ok' : 'OVER BUDGET');
console.log(
	`first-page JS      ${first.gzipKB.toFixed(1)} KB gzip (${first.rawKB.toFixed(1)} KB raw, ${first.files} files)   budget ≤ ${BUDGET_FIRST_PAGE_KB} KB   ${mark(results.firstPageJs.withinBudget)}`
);
console.log(
	`open 5,000 items   app ${open.appMs.toFixed(1)} ms, raw Dexie + Yjs ${open.rawMs.toFixed(1)} ms, ratio ${open.ratio.toFixed(2)}×   budget ≤ ${BUDGET_RATIO}×   ${mark(results.openEngagement.withinBudget)}   (${open.storedUpdates} stored updates, fake-indexeddb)`
);
console.log(
	lh
		? `lighthouse         performance ${lh.performance}, accessibility ${lh.accessibility}, best practices ${lh.bestPractices}   budget ≥ 95 / 100 / 100   ${mark(results.lighthouse!.withinBudget)}`
		: 'lighthouse         could not run (no Chromium found?)'
);
console.log('wrote bench-results/bench.json');
process.exit(0);
