import { describe, expect, it } from 'vitest';
import { aTeamMember, anEngagement } from '../../../../../test/factories.ts';
import {
	contextOf,
	optionsOf,
	pageCount,
	pdfOf,
	pdftotextRaw,
	sampleContent,
	tempPdf,
	textOf,
	textsOf
} from '../../../../../test/reports.ts';
import type { EngagementContent } from '../../engagement/profile.ts';
import type { Locale } from '../../locales.ts';
import { dayNumber } from '../../roadmap/calendar.ts';
import { blankRoadmap, blankTask, type Roadmap } from '../../roadmap/model.ts';
import { completion, isOverdue } from '../../roadmap/progress.ts';
import { schedule } from '../../roadmap/schedule.ts';
import type { PdfNode } from '../blocks.ts';
import type { ReportContext } from '../context.ts';
import { buildReport } from '../document.ts';
import type { ReportKind, SectionId } from '../model.ts';
import {
	GANTT,
	barOf,
	blockHeight,
	chartWidth,
	ganttScale,
	labelWidth,
	nextUnit,
	paginateRows,
	planOf,
	roadmapHeadline,
	roadmapSections,
	rowsPerPage,
	unitStart,
	xOf,
	type GanttRow
} from './roadmap.ts';

const XSS = '<b>x</b>{{}}';
const d = dayNumber;
/** Landscape A4 less the margins (the project plan's page). */
const LANDSCAPE = { width: 841.89 - 96, height: 595.28 - 56 - 52 };

/** Keys come back with their parameters, so that tests see what a message was given. */
const keyed = (k: string, p?: Record<string, string | number>) =>
	p ? `${k}${JSON.stringify(p)}` : k;

function ctxOf(
	content: EngagementContent,
	opts: { lang?: Locale; kind?: ReportKind; keys?: boolean; date?: string } = {}
): ReportContext {
	const ctx = contextOf(opts.lang ?? 'en', content, opts.kind ?? 'projectPlan');
	return {
		...ctx,
		...(opts.keys ? { t: keyed } : {}),
		options: { ...ctx.options, ...(opts.date ? { date: opts.date } : {}) }
	};
}

const build = (id: SectionId, ctx: ReportContext) => roadmapSections[id]!(ctx);

/** Every object in a content tree that passes `test`. */
function findAll(
	node: unknown,
	test: (o: Record<string, unknown>) => boolean
): Record<string, unknown>[] {
	if (Array.isArray(node)) return node.flatMap((n) => findAll(n, test));
	if (!node || typeof node !== 'object') return [];
	const o = node as Record<string, unknown>;
	return [...(test(o) ? [o] : []), ...Object.values(o).flatMap((v) => findAll(v, test))];
}

/** The rows of the table whose header row starts with `header`, as the texts of each cell. */
function rowsOf(nodes: unknown, header: string): string[][] {
	const found = findAll(nodes, (o) => !!o.table && 'body' in (o.table as object))
		.map((o) => o.table as { body: unknown[][] })
		.find((tb) => textsOf(tb.body[0]?.[0]).join('') === header);
	if (!found) throw new Error(`no table headed ${header}`);
	return found.body.slice(1).map((row) => row.map((cell) => textsOf(cell).join('')));
}

/** The Gantt page blocks of a section (unbreakable stacks holding a canvas). */
function ganttBlocks(nodes: PdfNode[] | null): Record<string, unknown>[] {
	return findAll(
		nodes,
		(o) =>
			o.unbreakable === true &&
			Array.isArray(o.stack) &&
			'canvas' in ((o.stack as object[])[0] ?? {})
	);
}
const vectorsOf = (block: Record<string, unknown>) =>
	(block.stack as Record<string, unknown>[])[0]!.canvas as Record<string, number | string>[];

/**
 * Worked by hand: a plan from Monday 2026-03-30, weekends off, no holidays.
 *   #1 "Design" 5 days, done            → Mar 30 – Apr 3
 *   #2 "Build"  5 days after #1, 40 %   → Apr 6 – Apr 10 (in progress)
 *   #3 "Gate"   milestone after #2      → Apr 10 (end of #2's last day)
 * All three are on the critical path. Completion: (5·100 % + 5·40 % + 1·0) / 11 = 7/11.
 * On 2026-11-20 (the report date) #2 and #3 are overdue.
 */
function threeTasks(extra: Partial<Roadmap> = {}): EngagementContent {
	const content = anEngagement({}, [aTeamMember({ id: 'm1', name: 'Wang Min' })]);
	content.roadmap = {
		...blankRoadmap(),
		settings: { start: '2026-03-30', excludeWeekends: true, holidays: [] },
		phases: [
			{
				id: 'p1',
				title: 'Build the core',
				goal: 'Configure the system',
				start: '2026-03-30',
				end: '2026-04-08',
				exitCriteria: 'Accepted by the sponsor'
			}
		],
		tasks: [
			blankTask('a', {
				phaseId: 'p1',
				title: 'Design',
				duration: 5,
				status: 'done',
				percent: 100,
				ownerId: 'm1',
				role: 'it'
			}),
			blankTask('b', {
				phaseId: 'p1',
				title: 'Build',
				duration: 5,
				dependsOn: ['a'],
				status: 'inProgress',
				percent: 40,
				ownerId: 'm1'
			}),
			blankTask('c', { phaseId: 'p1', title: 'Gate', milestone: true, dependsOn: ['b'] })
		],
		...extra
	};
	return content;
}

/** `n` tasks of one phase, each after the one before. */
function chain(n: number, title = (i: number) => `Task ${i + 1}`): EngagementContent {
	const content = threeTasks();
	content.roadmap.tasks = Array.from({ length: n }, (_, i) =>
		blankTask(`t${i}`, {
			phaseId: 'p1',
			title: title(i),
			duration: 2,
			dependsOn: i > 0 ? [`t${i - 1}`] : []
		})
	);
	return content;
}

describe('Gantt geometry', () => {
	it('finds the unit that holds a day (weeks start on Monday)', () => {
		const wed = d('2026-04-01');
		expect(unitStart('week', wed)).toBe(d('2026-03-30'));
		expect(unitStart('week', d('2026-04-05'))).toBe(d('2026-03-30')); // a Sunday
		expect(unitStart('month', wed)).toBe(d('2026-04-01'));
		expect(unitStart('quarter', d('2026-06-30'))).toBe(d('2026-04-01'));
		expect(unitStart('year', wed)).toBe(d('2026-01-01'));
		expect(nextUnit('week', wed)).toBe(d('2026-04-06'));
		expect(nextUnit('month', d('2026-12-15'))).toBe(d('2027-01-01'));
		expect(nextUnit('quarter', d('2026-11-20'))).toBe(d('2027-01-01'));
		expect(nextUnit('year', wed)).toBe(d('2027-01-01'));
	});

	it('places the three-task plan on a weekly axis', () => {
		// Mar 30 (Mon) … Apr 10 (Fri): weeks of Mar 30 and Apr 6, so 14 days over 516 pt.
		const s = ganttScale(d('2026-03-30'), d('2026-04-10'), 516);
		expect(s.unit).toBe('week');
		expect(s.from).toBe(d('2026-03-30'));
		expect(s.to).toBe(d('2026-04-13'));
		expect(s.perDay).toBeCloseTo(516 / 14, 9);
		// "Build" starts on day 7: half way; it runs five days, to the end of Friday Apr 10.
		expect(xOf(s, d('2026-04-06'))).toBeCloseTo(258, 9);
		const bar = barOf(s, d('2026-04-06'), d('2026-04-10'));
		expect(bar.x).toBeCloseTo(258, 9);
		expect(bar.w).toBeCloseTo((5 * 516) / 14, 9);
		// A one-day bar is a day wide; a bar never vanishes.
		expect(barOf(s, d('2026-03-30'), d('2026-03-30')).w).toBeCloseTo(516 / 14, 9);
		expect(barOf(ganttScale(0, 10_000, 100), 5, 5).w).toBe(1.5);
	});

	it('chooses months, then quarters, then years as the span grows or the page narrows', () => {
		// The sample's 16 months: 71 weeks would be 7 pt each; 18 months are 28.7 pt.
		const months = ganttScale(d('2026-03-30'), d('2027-08-02'), 516);
		expect(months.unit).toBe('month');
		expect(months.from).toBe(d('2026-03-01'));
		expect(months.to).toBe(d('2027-09-01'));
		// 200 pt: 18 months of 11 pt are too narrow; 7 quarters of 28.6 pt are not.
		const quarters = ganttScale(d('2026-03-30'), d('2027-08-02'), 200);
		expect(quarters.unit).toBe('quarter');
		expect(quarters.from).toBe(d('2026-01-01'));
		expect(quarters.to).toBe(d('2027-10-01'));
		expect(ganttScale(d('2000-01-01'), d('2060-01-01'), 300).unit).toBe('year');
	});

	it('fits rows to the page: 31 on a landscape A4 page, 26 under the heading', () => {
		// (487.28 − 22 axis − 12 legend − 2 × 4 gaps) / 14 = 31.8
		expect(rowsPerPage(LANDSCAPE.height)).toBe(31);
		// (407.28 − 42) / 14 = 26.1
		expect(rowsPerPage(LANDSCAPE.height - GANTT.firstPageReserve)).toBe(26);
		expect(blockHeight(31)).toBe(22 + 12 + 8 + 31 * 14);
		expect(blockHeight(31)).toBeLessThanOrEqual(LANDSCAPE.height);
		expect(rowsPerPage(10)).toBe(2);
		expect(labelWidth(LANDSCAPE.width)).toBe(194);
		expect(chartWidth(LANDSCAPE.width)).toBeCloseTo(LANDSCAPE.width - 194 - 38, 9);
	});

	const phase = (name: string): GanttRow => ({
		kind: 'phase',
		name,
		continued: false,
		start: null,
		finish: null
	});
	const task = (n: number): GanttRow => ({
		kind: 'task',
		n,
		name: `T${n}`,
		start: 0,
		finish: 0,
		milestone: false,
		critical: false,
		done: 0
	});

	it('breaks 100 tasks into pages and repeats the phase on each', () => {
		const rows = [phase('Build'), ...Array.from({ length: 100 }, (_, i) => task(i + 1))];
		const pages = paginateRows(rows, 26, 31);
		// 1 + 25 | 1 + 30 | 1 + 30 | 1 + 15
		expect(pages.map((p) => p.length)).toEqual([26, 31, 31, 16]);
		const numbers = pages.map((p) => p.flatMap((r) => (r.kind === 'task' ? [r.n] : [])));
		expect(numbers.map((n) => [n[0], n.at(-1)])).toEqual([
			[1, 25],
			[26, 55],
			[56, 85],
			[86, 100]
		]);
		expect(pages[0]![0]).toMatchObject({ kind: 'phase', name: 'Build', continued: false });
		for (const p of pages.slice(1))
			expect(p[0]).toMatchObject({ kind: 'phase', name: 'Build', continued: true });
	});

	it('never leaves a phase header at the foot of a page', () => {
		const rows = [phase('A'), task(1), task(2), phase('B'), task(3), task(4), task(5)];
		const pages = paginateRows(rows, 4, 4);
		expect(
			pages.map((p) =>
				p.map((r) =>
					r.kind === 'phase' ? r.name + (r.continued ? '+' : '') : r.kind === 'task' ? r.n : ''
				)
			)
		).toEqual([
			['A', 1, 2],
			['B', 3, 4, 5]
		]);
		// A phase that runs over: its header opens the next page again.
		expect(
			paginateRows([phase('A'), task(1), task(2), task(3)], 3, 3).map((p) => p.length)
		).toEqual([3, 2]);
		expect(paginateRows([phase('A'), task(1), task(2), task(3)], 3, 3)[1]![0]).toMatchObject({
			continued: true
		});
	});
});

describe('roadmapHeadline', () => {
	it('gives the span, progress, next milestones and overdue count, as the roadmap page does', () => {
		const content = threeTasks();
		const h = roadmapHeadline(content, '2026-11-20');
		expect(h).toEqual({
			start: '2026-03-30',
			finish: '2026-04-10',
			percentComplete: 7 / 11,
			nextMilestones: [{ title: 'Gate', date: '2026-04-10', n: 3 }],
			overdue: 2
		});
		// The same figures as the domain's own functions.
		const s = schedule(
			'2026-03-30',
			{ excludeWeekends: true, holidays: [] },
			content.roadmap.tasks
		);
		if (!s.ok) throw new Error('unscheduled');
		expect(h!.percentComplete).toBe(completion(content.roadmap.tasks));
		expect(h!.overdue).toBe(
			content.roadmap.tasks.filter((x) => isOverdue(x, s.tasks, '2026-11-20')).length
		);
		// Before #2 finishes, nothing is overdue.
		expect(roadmapHeadline(content, '2026-04-10')!.overdue).toBe(0);
		expect(roadmapHeadline(content, '2026-04-11')!.overdue).toBe(2);
	});

	it('keeps at most three milestones, soonest first, and names an untitled one', () => {
		const content = threeTasks();
		content.roadmap.tasks.push(
			blankTask('m4', { milestone: true, title: '', start: '2026-05-04' }),
			blankTask('m5', { milestone: true, title: 'M5', start: '2026-04-20' }),
			blankTask('m6', { milestone: true, title: 'M6', start: '2026-06-01' }),
			blankTask('m7', { milestone: true, title: 'Done', start: '2026-04-01', status: 'done' })
		);
		const h = roadmapHeadline(content, '2026-04-01', (n) => `Task ${n}`)!;
		expect(h.nextMilestones).toEqual([
			{ title: 'Gate', date: '2026-04-10', n: 3 },
			{ title: 'M5', date: '2026-04-20', n: 5 },
			{ title: 'Task 4', date: '2026-05-04', n: 4 }
		]);
	});

	it('is null with no tasks, and with no dates', () => {
		expect(roadmapHeadline(anEngagement(), '2026-11-20')).toBeNull();
		const content = threeTasks();
		content.roadmap.settings.start = null;
		expect(roadmapHeadline(content, '2026-11-20')).toBeNull();
	});
});

describe('roadmap sections', () => {
	it('return null when there is no roadmap; kpis also when no phase has KPIs or gates', () => {
		const ctx = ctxOf(anEngagement());
		for (const id of ['roadmap', 'kpis', 'tasks', 'gantt'] as const)
			expect(build(id, ctx)).toBeNull();
		expect(build('kpis', ctxOf(threeTasks()))).toBeNull();
		expect(build('roadmap', ctxOf(threeTasks()))).not.toBeNull();
	});

	it('roadmap: key figures, phases, milestones and late work, with owners', () => {
		const ctx = ctxOf(threeTasks(), { keys: true });
		const nodes = build('roadmap', ctx)!;
		expect(nodes[0]).toMatchObject({ id: 'roadmap', tocItem: true });
		const texts = textsOf(nodes);
		expect(texts).toContain(
			'roadmap.span{"start":"Mar 30, 2026","finish":"Apr 10, 2026","tasks":"3"}'
		);
		expect(texts).toContain('64%'); // 7/11
		expect(texts).toContain('report.roadmap.tasksDone{"done":"1","total":"3"}');
		// Phase table: planned window, scheduled window (late: Apr 10 > Apr 8), progress, counts.
		expect(rowsOf(nodes, 'roadmap.col.phase')[0]).toEqual([
			'Build the core',
			'report.roadmap.window{"start":"Mar 30, 2026","end":"Apr 8, 2026"}',
			'report.roadmap.window{"start":"Mar 30, 2026","end":"Apr 10, 2026"}report.roadmap.late',
			'64%',
			'roadmap.dash.ofTotal{"done":"1","total":"3"}',
			'2',
			'0'
		]);
		expect(texts).toContain('Configure the system');
		expect(texts).toContain('Accepted by the sponsor');
		expect(rowsOf(nodes, 'roadmap.gate.date')).toEqual([
			['Apr 10, 2026', 'Gate', 'Build the core', 'roadmap.owner.none']
		]);
		expect(rowsOf(nodes, '#')[0]).toEqual([
			'2',
			'Build',
			'Build the core',
			'Wang Min',
			'Apr 10, 2026',
			'roadmap.status.inProgress',
			'40%'
		]);
		expect(texts).toContain('roadmap.dash.noneBlocked');
		// No overview Gantt in the project plan; one in the executive report.
		expect(ganttBlocks(nodes)).toHaveLength(0);
		expect(ganttBlocks(build('roadmap', ctxOf(threeTasks(), { kind: 'executive' })))).toHaveLength(
			1
		);
	});

	it('roadmap: a plan that cannot be scheduled says so and shows no dates', () => {
		const content = threeTasks();
		content.roadmap.tasks[0]!.dependsOn = ['c'];
		const ctx = ctxOf(content, { keys: true });
		expect(planOf(content.roadmap)).toMatchObject({ ok: false, reason: 'cycle' });
		const texts = textsOf(build('roadmap', ctx));
		expect(texts).toContain('report.roadmap.unscheduled.cycle');
		expect(texts).not.toContain('roadmap.dash.overdueTasks');
		expect(build('gantt', ctx)).toEqual([
			expect.objectContaining({ id: 'gantt' }),
			expect.objectContaining({ text: 'report.roadmap.unscheduled.cycle' })
		]);
	});

	it('kpis: per phase, each KPI against its target in words, and the gate reviews', () => {
		const content = threeTasks({
			kpis: [
				{
					id: 'k1',
					phaseId: 'p1',
					metric: 'Records passing checks',
					unit: '%',
					direction: 'up',
					baseline: 62,
					target: 95,
					actuals: [
						{ date: '2026-09-30', value: 84 },
						{ date: '2026-08-31', value: 71 }
					]
				},
				{
					id: 'k2',
					phaseId: 'p1',
					metric: 'Custom code',
					unit: '%',
					direction: 'down',
					baseline: 30,
					target: 10,
					actuals: [{ date: '2026-10-31', value: 9.5 }]
				},
				{
					id: 'k3',
					phaseId: 'p1',
					metric: XSS,
					unit: '',
					direction: 'up',
					baseline: null,
					target: null,
					actuals: []
				}
			],
			gates: [
				{
					id: 'g1',
					phaseId: 'p1',
					date: '2026-04-10',
					decision: 'conditional',
					notes: 'Fix the interfaces',
					assessmentId: null
				}
			]
		});
		const nodes = build('kpis', ctxOf(content, { keys: true }))!;
		expect(nodes[0]).toMatchObject({ id: 'kpis' });
		expect(textsOf(nodes)).toContain(
			'report.roadmap.kpis.summary{"met":"1","total":"3","measured":"2"}'
		);
		expect(rowsOf(nodes, 'roadmap.kpi.metric')).toEqual([
			// (84 − 62) / (95 − 62) = 2/3; the latest is the later date, whatever the order.
			[
				'Records passing checks',
				'%',
				'roadmap.kpi.up',
				'62',
				'95',
				'84Sep 30, 2026',
				'67%',
				'roadmap.kpi.notMet'
			],
			// (9.5 − 30) / (10 − 30) = 1.025, clamped to 100 %.
			[
				'Custom code',
				'%',
				'roadmap.kpi.down',
				'30',
				'10',
				'9.5Oct 31, 2026',
				'100%',
				'roadmap.kpi.met'
			],
			[XSS, '–', 'roadmap.kpi.up', '–', '–', '–', '–', 'report.roadmap.kpis.notMeasured']
		]);
		expect(rowsOf(nodes, 'roadmap.gate.date')).toEqual([
			['Apr 10, 2026', 'roadmap.gate.conditional', 'Fix the interfaces']
		]);
	});

	it('tasks: grouped by phase then start, with names, words and row numbers', () => {
		const content = threeTasks();
		// A task without a phase, listed first but printed last; one in the phase that starts
		// early, listed last but printed first.
		content.roadmap.tasks.unshift(blankTask('z', { title: XSS, duration: 3 }));
		content.roadmap.tasks.push(
			blankTask('e', { phaseId: 'p1', title: 'Early', duration: 1, start: '2026-03-30' })
		);
		const nodes = build('tasks', ctxOf(content, { keys: true }))!;
		expect(nodes[0]).toMatchObject({ id: 'tasks' });
		const rows = rowsOf(nodes, '#');
		expect(rows.map((r) => r[0])).toEqual(['2', '5', '3', '4', '1']);
		expect(rows[2]).toEqual([
			'3',
			'Build',
			'Build the core',
			'Wang Min',
			'–',
			'Apr 6, 2026',
			'Apr 10, 2026',
			'5',
			'roadmap.status.inProgress',
			'40%',
			'roadmap.critical',
			'roadmap.overdue',
			'2'
		]);
		expect(rows[0]!.slice(3, 5)).toEqual(['Wang Min', 'roadmap.role.it']);
		expect(rows[3]![1]).toBe('Gate · roadmap.kind.milestone');
		expect(rows[3]![7]).toBe('0');
		expect(rows[3]![12]).toBe('3');
		expect(rows[4]).toEqual([
			'1',
			XSS,
			'roadmap.phase.none',
			'–',
			'–',
			'Mar 30, 2026',
			'Apr 1, 2026',
			'3',
			'roadmap.status.notStarted',
			'0%',
			'roadmap.slack{"days":"7"}',
			'roadmap.overdue',
			'–'
		]);
		// The table fits the landscape page in 7.5 pt.
		const tableNode = findAll(nodes, (o) => !!o.table)[0]!;
		expect(tableNode.fontSize).toBe(7.5);
	});

	it('gantt: bars where the hand-worked geometry puts them', () => {
		const ctx = ctxOf(threeTasks(), { date: '2026-04-08' });
		expect(ctx.page.width).toBeCloseTo(LANDSCAPE.width, 6);
		const nodes = build('gantt', ctx)!;
		expect(nodes[0]).toMatchObject({ id: 'gantt' });
		const blocks = ganttBlocks(nodes);
		expect(blocks).toHaveLength(1);
		expect(blocks[0]!.pageBreak).toBeUndefined();
		const vectors = vectorsOf(blocks[0]!);
		// Axis from Mon Mar 30 to Mon Apr 13: 14 days over the chart's width.
		const x0 = 194 + 38;
		const perDay = chartWidth(LANDSCAPE.width) / 14;
		const top = GANTT.axisHeight + GANTT.gap;
		// Row 0 is the phase, rows 1–3 the tasks; "Build" (row 2) from day 7 for 5 days, 40 % done.
		const rects = vectors.filter((v) => v.type === 'rect');
		const build2 = rects.filter((v) => v.y === top + 2 * 14 + 3);
		expect(build2.map((v) => [v.x, v.w])).toEqual(
			[
				[x0 + 7 * perDay, 5 * perDay], // the whole bar
				[x0 + 7 * perDay, 0.4 * 5 * perDay], // the part done
				[x0 + 7 * perDay, 5 * perDay] // the outline: critical, dark and thick
			].map(([x, w]) => [expect.closeTo(x!, 9), expect.closeTo(w!, 9)])
		);
		expect(build2[2]).toMatchObject({ lineWidth: 1.2, lineColor: '#1b2430' });
		// The milestone: a diamond at the middle of Apr 10 (day 11).
		const diamond = vectors.find((v) => v.type === 'polyline' && v.lineWidth === 1.2)!;
		const points = diamond.points as unknown as { x: number; y: number }[];
		expect(points[0]!.x).toBeCloseTo(x0 + 11.5 * perDay, 9);
		// The report date, Apr 8 (day 9), as a dashed line.
		const today = vectors.find(
			(v) => v.type === 'line' && v.lineColor === '#c0392b' && v.y1 === GANTT.axisHeight
		)!;
		expect(today.x1).toBeCloseTo(x0 + 9 * perDay, 9);
		expect(today.dash).toBeDefined();
		// Critical tasks carry the word too, not only the outline.
		const texts = textsOf(nodes);
		// (“Critical” is also the heading of that column.)
		expect(ctx.t('roadmap.critical')).toBe('Critical');
		expect(texts.filter((s) => s === 'Critical')).toHaveLength(1 + 3);
		expect(texts).toEqual(
			expect.arrayContaining(['Build the core', 'Design', 'Build', 'Gate', '1', '2', '3'])
		);
		// The canvas is the block's height, and every text sits inside it.
		const height = blockHeight(4);
		expect(vectors[0]).toMatchObject({ type: 'rect', x: 0, y: 0, h: height });
		for (const t of findAll(blocks[0], (o) => !!o.relativePosition)) {
			const pos = t.relativePosition as { x: number; y: number };
			expect(pos.y).toBeGreaterThanOrEqual(-height);
			expect(pos.y).toBeLessThan(0);
			expect(t.noWrap).toBe(true);
		}
	});

	it('gantt: 100 tasks run over four pages, each opening with the axis and its phase', () => {
		const ctx = ctxOf(chain(100));
		const t = ctx.t;
		const nodes = build('gantt', {
			...ctx,
			t: (k, p) => (k === 'report.roadmap.gantt.continued' ? `${p!.name} (cont.)` : t(k, p))
		})!;
		const blocks = ganttBlocks(nodes);
		expect(blocks).toHaveLength(4);
		expect(blocks.map((b) => b.pageBreak)).toEqual([undefined, 'before', 'before', 'before']);
		blocks.forEach((b, i) => {
			const texts = textsOf(b);
			// The axis's upper tier (months) and its column headings on every page.
			expect(texts).toContain('Critical');
			expect(texts.some((s) => /2026/.test(s))).toBe(true);
			expect(texts).toContain(i === 0 ? 'Build the core' : 'Build the core (cont.)');
		});
		expect(textsOf(blocks[1]).filter((s) => /^Task \d+$/.test(s))).toHaveLength(30);
		expect(textsOf(blocks[3])).toContain('Task 100');
	});

	it('gantt: user text stays text', () => {
		const content = threeTasks();
		content.roadmap.tasks[0]!.title = XSS;
		content.roadmap.phases[0]!.title = XSS;
		const ctx = ctxOf(content);
		for (const id of ['gantt', 'tasks', 'roadmap'] as const)
			expect(textsOf(build(id, ctx))).toContain(XSS);
	});

	it('formats dates and numbers in each report language (the sample engagement)', () => {
		const expected: Record<Locale, { day: string; pct: string }> = {
			en: { day: 'Aug 2, 2027', pct: '54%' },
			'zh-CN': { day: '2027年8月2日', pct: '54%' },
			'zh-TW': { day: '2027年8月2日', pct: '54%' }
		};
		for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
			const content = sampleContent(lang);
			const ctx = ctxOf(content, { lang, kind: 'executive' });
			const nodes = build('roadmap', ctx)!;
			const texts = textsOf(nodes);
			expect(ctx.percent(completion(content.roadmap.tasks))).toBe(expected[lang].pct);
			expect(texts).toContain(expected[lang].pct);
			expect(texts).toContain(expected[lang].day);
			// The executive overview: one bar per phase.
			expect(ganttBlocks(nodes)).toHaveLength(1);
			for (const id of ['kpis', 'tasks', 'gantt'] as const)
				expect(build(id, ctxOf(content, { lang }))).not.toBeNull();
		}
		// The overview's axis labels come in the report's language.
		const zh = textsOf(
			ganttBlocks(
				build('roadmap', ctxOf(sampleContent('zh-CN'), { lang: 'zh-CN', kind: 'executive' }))
			)
		);
		expect(zh).toContain('2026年');
	});

	it('lays out in pdfmake: 100 tasks fill exactly four pages, one block each', async () => {
		const content = chain(
			100,
			(i) => `任务 ${i + 1} 很长很长很长的名字 with some English words as well`
		);
		const built = buildReport(
			{
				content,
				options: optionsOf('projectPlan', 'zh-CN', { sections: ['tasks', 'gantt'] }),
				assets: {}
			},
			textOf('zh-CN'),
			roadmapSections
		);
		expect(built.sections).toEqual(['tasks', 'gantt']);
		const file = tempPdf((await pdfOf(built.definition, 'zh-CN')).bytes);
		// pdftotext ends every page with a form feed.
		const pages = pdftotextRaw(file).split('\f').slice(0, -1);
		expect(pages.length).toBe(pageCount(file));
		// The chart's pages: from its heading (with the first rows under it) to the end.
		const first = pages.findIndex((p) => p.includes('甘特图') && p.includes('任务 1 '));
		expect(first).toBeGreaterThan(0);
		const chart = pages.slice(first);
		expect(chart).toHaveLength(4);
		expect(chart[0]).toContain('甘特图');
		// 25 tasks under the heading, then 30 a page.
		const count = (p: string) => p.match(/任务 \d+ /g)!.length;
		expect(chart.map(count)).toEqual([25, 30, 30, 15]);
		expect(chart[1]).toContain('任务 26 ');
		expect(chart[3]).toContain('任务 100 ');
	}, 60_000);
});
