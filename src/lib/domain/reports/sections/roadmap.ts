import type { EngagementContent } from '../../engagement/profile.ts';
import { dayNumber, isIsoDay, isoDay, weekday } from '../../roadmap/calendar.ts';
import type { Roadmap, RoadmapTask } from '../../roadmap/model.ts';
import {
	completion,
	isOverdue,
	kpiStatus,
	phaseProgress,
	type PhaseProgress,
	type Plan
} from '../../roadmap/progress.ts';
import { schedule } from '../../roadmap/schedule.ts';
import {
	COLORS,
	fitText,
	h1,
	h2,
	h3,
	keyFigures,
	note,
	orDash,
	para,
	table,
	textWidth,
	type Column,
	type PdfNode
} from '../blocks.ts';
import type { ReportContext } from '../context.ts';
import type { SectionBuilder, SectionRegistry } from '../sections.ts';

/**
 * The roadmap in a report: where the plan stands (span, progress, phases, next milestones, what
 * is late or blocked), the phase KPIs and gate reviews, the task list, and a Gantt chart drawn
 * as pdfmake vector graphics (canvas and text), one unbreakable block per page, so that it
 * paginates cleanly and its labels stay text.
 *
 * Every figure comes from the roadmap's own domain code (schedule, completion, isOverdue,
 * phaseProgress, kpiStatus), as the app's roadmap page computes it; "today" is the report's date.
 */

/* ---------- the schedule ---------- */

export type RoadmapPlan =
	| { ok: true; plan: Plan; start: string; finish: string }
	/** No dates: no start day yet, a dependency loop, or a plan past the calendar's limit. */
	| { ok: false; plan: Plan; reason: 'noStart' | 'cycle' | 'range' };

const plans = new WeakMap<Roadmap, RoadmapPlan>();

/** The roadmap's schedule, as the roadmap page computes it (cached per roadmap snapshot). */
export function planOf(roadmap: Roadmap): RoadmapPlan {
	const cached = plans.get(roadmap);
	if (cached) return cached;
	let result: RoadmapPlan;
	const start = roadmap.settings.start;
	if (start === null) result = { ok: false, plan: new Map(), reason: 'noStart' };
	else {
		const rules = {
			excludeWeekends: roadmap.settings.excludeWeekends,
			holidays: roadmap.settings.holidays
		};
		const s = schedule(start, rules, roadmap.tasks);
		result = s.ok
			? { ok: true, plan: s.tasks, start: s.start, finish: s.finish }
			: { ok: false, plan: new Map(), reason: s.cycle ? 'cycle' : 'range' };
	}
	plans.set(roadmap, result);
	return result;
}

/** Open milestones by scheduled date, as the roadmap page's progress view lists them. */
function openMilestones(roadmap: Roadmap, plan: Plan, limit: number) {
	return roadmap.tasks
		.filter((x) => x.milestone && x.status !== 'done')
		.flatMap((task) => {
			const s = plan.get(task.id);
			return s ? [{ task, date: s.start }] : [];
		})
		.sort((a, b) => a.date.localeCompare(b.date))
		.slice(0, limit);
}

export interface RoadmapHeadline {
	/** The scheduled first and last day (YYYY-MM-DD). */
	start: string;
	finish: string;
	/** Share of the work done, 0..1 (format with `ctx.percent`), as the roadmap page shows it. */
	percentComplete: number;
	/** Up to three open milestones, soonest first; `n` is the task's row number (for an empty title). */
	nextMilestones: { title: string; date: string; n: number }[];
	/** Tasks not done whose scheduled finish is before `today`. */
	overdue: number;
}

/**
 * The roadmap in a sentence, for the executive summary: null when there is no roadmap (no
 * tasks) or it has no dates (no start day, or a dependency loop: the roadmap section says why).
 * A milestone with an empty title gets `untitled(n)` (default: an empty title).
 */
export function roadmapHeadline(
	content: EngagementContent,
	today: string,
	untitled: (n: number) => string = () => ''
): RoadmapHeadline | null {
	const r = content.roadmap;
	if (r.tasks.length === 0) return null;
	const p = planOf(r);
	if (!p.ok) return null;
	const rows = rowNumbers(r);
	return {
		start: p.start,
		finish: p.finish,
		percentComplete: completion(r.tasks),
		nextMilestones: openMilestones(r, p.plan, 3).map(({ task, date }) => {
			const n = rows.get(task.id)!;
			return { title: task.title.trim() || untitled(n), date, n };
		}),
		overdue: r.tasks.filter((x) => isOverdue(x, p.plan, today)).length
	};
}

/* ---------- names, as the roadmap page shows them ---------- */

function rowNumbers(roadmap: Roadmap): Map<string, number> {
	return new Map(roadmap.tasks.map((x, i) => [x.id, i + 1]));
}

interface Names {
	row: Map<string, number>;
	task: (task: RoadmapTask) => string;
	phase: (id: string | null) => string;
	/** The owner's name, or null when the task has none. */
	owner: (id: string | null) => string | null;
}

function namesOf(ctx: ReportContext): Names {
	const r = ctx.content.roadmap;
	const row = rowNumbers(r);
	const phaseAt = new Map(r.phases.map((p, i) => [p.id, i]));
	const team = new Map(ctx.content.team.map((m) => [m.id, m]));
	return {
		row,
		task: (task) =>
			task.title.trim() || ctx.t('roadmap.task.untitled', { n: row.get(task.id) ?? 0 }),
		phase: (id) => {
			const i = id === null ? undefined : phaseAt.get(id);
			if (i === undefined) return ctx.t('roadmap.phase.none');
			return r.phases[i]!.title.trim() || ctx.t('roadmap.phase.untitled', { n: i + 1 });
		},
		owner: (id) => {
			const m = id === null ? undefined : team.get(id);
			if (!m) return null;
			return m.name.trim() || ctx.t('roadmap.member.unnamed');
		}
	};
}

function unscheduledText(ctx: ReportContext, reason: 'noStart' | 'cycle' | 'range'): string {
	if (reason === 'noStart') return ctx.t('report.roadmap.unscheduled.noStart');
	if (reason === 'cycle') return ctx.t('report.roadmap.unscheduled.cycle');
	return ctx.t('report.roadmap.unscheduled.range');
}

/** "1 Apr 2026 – 30 Jun 2026", a dash for a missing end. */
function windowText(ctx: ReportContext, start: string | null, end: string | null): string {
	if (start === null && end === null) return '–';
	const day = (d: string | null) => (d !== null && isIsoDay(d) ? ctx.day(d) : '–');
	return ctx.t('report.roadmap.window', { start: day(start), end: day(end) });
}

/**
 * The tasks grouped by phase (in the roadmap's order of phases, then those without one), each
 * group ordered by scheduled start, then by row.
 */
export function tasksInPhaseOrder(
	roadmap: Roadmap,
	plan: Plan
): { phaseId: string | null; tasks: RoadmapTask[] }[] {
	const groups = new Map<string | null, RoadmapTask[]>(roadmap.phases.map((p) => [p.id, []]));
	const loose: RoadmapTask[] = [];
	for (const t of roadmap.tasks) {
		const g = t.phaseId === null ? undefined : groups.get(t.phaseId);
		(g ?? loose).push(t);
	}
	if (loose.length > 0) groups.set(null, loose);
	const row = rowNumbers(roadmap);
	const start = (t: RoadmapTask) => plan.get(t.id)?.start ?? '';
	return [...groups]
		.filter(([, tasks]) => tasks.length > 0)
		.map(([phaseId, tasks]) => ({
			phaseId,
			tasks: [...tasks].sort(
				(a, b) => start(a).localeCompare(start(b)) || row.get(a.id)! - row.get(b.id)!
			)
		}));
}

/** A wide table made compact: tighter cell padding, and a header row in the body's size. */
function compact(node: PdfNode, fontSize: number): PdfNode {
	if (typeof node !== 'object' || Array.isArray(node)) return node;
	const layout = node.layout as Record<string, unknown>;
	const spec = node.table as { body: PdfNode[][] };
	const [header, ...body] = spec.body;
	return {
		...node,
		table: {
			...spec,
			body: [(header ?? []).map((cell) => ({ ...(cell as object), fontSize })), ...body]
		},
		lineHeight: 1.1,
		layout: {
			...layout,
			paddingLeft: () => 2.5,
			paddingRight: () => 2.5,
			paddingTop: () => 2,
			paddingBottom: () => 2
		}
	};
}

const muted = (text: string) => ({ text, color: COLORS.muted });

/**
 * Headings and what follows them, kept on one page when it is short (about `lines` lines of
 * table text, no more than a third of a page), so that a page never ends on a heading; a longer
 * table runs on over pages (its header row repeats).
 */
function headed(ctx: ReportContext, headings: PdfNode[], body: PdfNode, lines: number): PdfNode[] {
	return lines * 12 <= ctx.page.height / 3
		? [{ stack: [...headings, body], unbreakable: true }]
		: [...headings, body];
}

/* ---------- section: roadmap ---------- */

const roadmapSection: SectionBuilder = (ctx) => {
	const r = ctx.content.roadmap;
	if (r.tasks.length === 0) return null;
	const { t } = ctx;
	const today = ctx.options.date;
	const accent = ctx.options.branding.accent;
	const p = planOf(r);
	const names = namesOf(ctx);
	const overdue = r.tasks.filter((x) => isOverdue(x, p.plan, today));
	const blocked = r.tasks.filter((x) => x.status === 'blocked');
	const done = r.tasks.filter((x) => x.status === 'done').length;
	const count = (n: number) => ctx.number(n);

	const out: PdfNode[] = [h1(t('report.section.roadmap'), 'roadmap')];
	out.push(
		p.ok
			? para(
					t('roadmap.span', {
						start: ctx.day(p.start),
						finish: ctx.day(p.finish),
						tasks: count(r.tasks.length)
					})
				)
			: note(unscheduledText(ctx, p.reason))
	);
	out.push(
		keyFigures(
			[
				{
					label: t('roadmap.dash.complete'),
					value: ctx.percent(completion(r.tasks)),
					detail: t('report.roadmap.tasksDone', { done: count(done), total: count(r.tasks.length) })
				},
				{
					label: t('report.roadmap.finish'),
					value: p.ok ? ctx.day(p.finish) : '–',
					...(p.ok ? { detail: t('report.roadmap.startOn', { date: ctx.day(p.start) }) } : {})
				},
				{ label: t('roadmap.dash.overdue'), value: count(overdue.length) },
				{ label: t('roadmap.dash.blocked'), value: count(blocked.length) }
			],
			accent
		)
	);

	if (ctx.options.kind === 'executive' && p.ok) {
		out.push(h2(t('report.roadmap.overview')), ...overviewGantt(ctx, p));
	}

	// Progress by phase.
	const progress = phaseProgress(r, p.plan, today);
	const phaseById = new Map(r.phases.map((x) => [x.id, x]));
	const w = ctx.page.width;
	out.push(
		...headed(
			ctx,
			[h2(t('roadmap.dash.byPhase'))],
			table(
				[
					{ header: t('roadmap.col.phase') },
					{ header: t('report.roadmap.planned'), width: Math.round(w * 0.17) },
					{ header: t('report.roadmap.scheduled'), width: Math.round(w * 0.17) },
					{ header: t('roadmap.dash.complete'), width: 'auto', align: 'right' },
					{ header: t('roadmap.dash.done'), width: 'auto', align: 'right' },
					{ header: t('roadmap.dash.overdue'), width: 'auto', align: 'right' },
					{ header: t('roadmap.dash.blocked'), width: 'auto', align: 'right' }
				],
				progress.map((pp) => phaseRow(ctx, names, pp, phaseById.get(pp.phaseId ?? '') ?? null)),
				accent,
				8
			),
			progress.length * (w < 600 ? 3 : 2) + 1
		)
	);

	const described = r.phases.filter((x) => x.goal.trim() !== '' || x.exitCriteria.trim() !== '');
	if (described.length > 0)
		out.push(
			...headed(
				ctx,
				[h2(t('report.roadmap.goals'))],
				table(
					[
						{ header: t('roadmap.col.phase'), width: Math.round(w * 0.2) },
						{ header: t('roadmap.phase.goal') },
						{ header: t('roadmap.phase.exitCriteria') }
					],
					described.map((x) => [
						{ text: names.phase(x.id), bold: true },
						{ text: orDash(x.goal.trim()) },
						{ text: orDash(x.exitCriteria.trim()) }
					]),
					accent,
					8
				),
				described.length * 5
			)
		);

	const ownerText = (task: RoadmapTask) => names.owner(task.ownerId) ?? t('roadmap.owner.none');
	/** Overdue or blocked tasks: their number, title, phase and owner, `extra`, and % done. */
	const taskList = (
		heading: string,
		none: string,
		tasks: RoadmapTask[],
		extra: Array<Column & { cell: (task: RoadmapTask) => PdfNode }>
	): PdfNode[] =>
		tasks.length === 0
			? headed(ctx, [h2(heading)], note(none), 1)
			: headed(
					ctx,
					[h2(heading)],
					table(
						[
							{ header: '#', width: 18, align: 'right' },
							{ header: t('roadmap.col.title') },
							{ header: t('roadmap.col.phase'), width: Math.round(w * 0.2) },
							{ header: t('roadmap.col.owner'), width: Math.round(w * 0.14) },
							...extra.map(({ cell: _, ...column }) => column),
							{ header: t('roadmap.col.percent'), width: 32, align: 'right' }
						],
						tasks.map((task) => [
							ctx.number(names.row.get(task.id)!),
							{ text: names.task(task) },
							{ text: names.phase(task.phaseId) },
							{ text: ownerText(task) },
							...extra.map(({ cell }) => cell(task)),
							ctx.percent(task.percent / 100)
						]),
						accent,
						8
					),
					tasks.length * (w < 600 ? 2 : 1) + 1
				);
	if (p.ok) {
		const next = openMilestones(r, p.plan, 5);
		const heading = [h2(t('roadmap.dash.nextMilestones'))];
		out.push(
			...(next.length === 0
				? headed(ctx, heading, note(t('roadmap.dash.noMilestones')), 1)
				: headed(
						ctx,
						heading,
						table(
							[
								{ header: t('roadmap.gate.date'), width: 80 },
								{ header: t('roadmap.kind.milestone') },
								{ header: t('roadmap.col.phase'), width: Math.round(w * 0.24) },
								{ header: t('roadmap.col.owner'), width: Math.round(w * 0.16) }
							],
							next.map(({ task, date }) => [
								ctx.day(date),
								{ text: names.task(task) },
								{ text: names.phase(task.phaseId) },
								{ text: ownerText(task) }
							]),
							accent,
							8
						),
						next.length + 1
					))
		);

		out.push(
			...taskList(t('roadmap.dash.overdueTasks'), t('roadmap.dash.noneOverdue'), overdue, [
				{
					header: t('report.roadmap.due'),
					width: 70,
					cell: (task) => ctx.day(p.plan.get(task.id)!.finish)
				},
				{
					header: t('roadmap.col.status'),
					width: 50,
					cell: (task) => t(`roadmap.status.${task.status}`)
				}
			])
		);
	}
	out.push(
		...taskList(t('roadmap.dash.blockedTasks'), t('roadmap.dash.noneBlocked'), blocked, [
			{
				header: t('report.roadmap.scheduled'),
				width: Math.round(w * 0.2),
				cell: (task) => {
					const s = p.plan.get(task.id);
					return s ? windowText(ctx, s.start, s.finish) : '–';
				}
			}
		])
	);
	return out;
};

function phaseRow(
	ctx: ReportContext,
	names: Names,
	pp: PhaseProgress,
	phase: { start: string | null; end: string | null } | null
): PdfNode[] {
	const late = phase?.end && pp.finish !== null && pp.finish > phase.end;
	const scheduled = pp.start === null ? '–' : windowText(ctx, pp.start, pp.finish);
	return [
		{ text: names.phase(pp.phaseId), bold: true },
		phase ? windowText(ctx, phase.start, phase.end) : '–',
		late ? { stack: [scheduled, { text: ctx.t('report.roadmap.late'), bold: true }] } : scheduled,
		ctx.percent(pp.completion),
		ctx.t('roadmap.dash.ofTotal', { done: ctx.number(pp.done), total: ctx.number(pp.total) }),
		ctx.number(pp.overdue),
		ctx.number(pp.blocked)
	];
}

/* ---------- section: kpis ---------- */

const kpisSection: SectionBuilder = (ctx) => {
	const r = ctx.content.roadmap;
	const phases = r.phases.filter(
		(p) => r.kpis.some((k) => k.phaseId === p.id) || r.gates.some((g) => g.phaseId === p.id)
	);
	if (phases.length === 0) return null;
	const { t } = ctx;
	const accent = ctx.options.branding.accent;
	const names = namesOf(ctx);
	const w = ctx.page.width;
	const assessments = new Map(ctx.content.assessments.map((a) => [a.id, a]));
	const kpis = r.kpis.filter((k) => phases.some((p) => p.id === k.phaseId));
	const statuses = new Map(kpis.map((k) => [k.id, kpiStatus(k)]));
	const met = kpis.filter((k) => statuses.get(k.id)!.met === true).length;
	const measured = kpis.filter((k) => statuses.get(k.id)!.latest !== null).length;

	const out: PdfNode[] = [h1(t('report.section.kpis'), 'kpis')];
	if (kpis.length > 0)
		out.push(
			para(
				t('report.roadmap.kpis.summary', {
					met: ctx.number(met),
					total: ctx.number(kpis.length),
					measured: ctx.number(measured)
				})
			)
		);
	const value = (v: number | null) => (v === null ? '–' : ctx.number(v));
	for (const phase of phases) {
		// The phase's heading travels with its first table.
		let heading: PdfNode[] = [h2(names.phase(phase.id))];
		const own = kpis.filter((k) => k.phaseId === phase.id);
		if (own.length > 0) {
			out.push(
				...headed(
					ctx,
					[...heading, h3(t('roadmap.kpis'))],
					table(
						[
							{ header: t('roadmap.kpi.metric') },
							{ header: t('roadmap.kpi.unit'), width: Math.round(w * 0.08) },
							{ header: t('roadmap.kpi.direction'), width: Math.round(w * 0.09) },
							{ header: t('roadmap.kpi.baseline'), width: Math.round(w * 0.08), align: 'right' },
							{ header: t('roadmap.kpi.target'), width: Math.round(w * 0.08), align: 'right' },
							{ header: t('roadmap.kpi.latest'), width: Math.round(w * 0.13), align: 'right' },
							{ header: t('roadmap.kpi.progress'), width: Math.round(w * 0.09), align: 'right' },
							{ header: t('report.roadmap.kpis.met'), width: Math.round(w * 0.11) }
						],
						own.map((k) => {
							const s = statuses.get(k.id)!;
							return [
								{ text: k.metric.trim() || t('roadmap.kpi.unnamed') },
								{ text: orDash(k.unit.trim()) },
								t(`roadmap.kpi.${k.direction}`),
								value(k.baseline),
								value(k.target),
								s.latest
									? {
											stack: [
												ctx.number(s.latest.value),
												{ text: ctx.day(s.latest.date), fontSize: 7, color: COLORS.muted }
											]
										}
									: '–',
								s.progress === null ? '–' : ctx.percent(s.progress),
								s.met === true
									? { text: t('roadmap.kpi.met'), bold: true }
									: s.met === false
										? t('roadmap.kpi.notMet')
										: muted(
												t(
													s.latest === null
														? 'report.roadmap.kpis.notMeasured'
														: 'report.roadmap.kpis.noTarget'
												)
											)
							];
						}),
						accent,
						8
					),
					own.length * 2 + 1
				)
			);
			heading = [];
		}
		const gates = r.gates
			.filter((g) => g.phaseId === phase.id)
			.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
		if (gates.length > 0) {
			out.push(
				...headed(
					ctx,
					[...heading, h3(t('roadmap.gates'))],
					table(
						[
							{ header: t('roadmap.gate.date'), width: 80 },
							{ header: t('roadmap.gate.decision'), width: Math.round(w * 0.16) },
							{ header: t('roadmap.gate.notes') }
						],
						gates.map((g) => {
							const run = g.assessmentId === null ? undefined : assessments.get(g.assessmentId);
							const notes: PdfNode[] = [];
							if (g.notes.trim() !== '') notes.push({ text: g.notes.trim() });
							if (run)
								notes.push({
									text: run.title.trim()
										? t('report.roadmap.kpis.reassessment', {
												name: run.title.trim(),
												date: ctx.day(run.date)
											})
										: t('report.roadmap.kpis.reassessmentOn', { date: ctx.day(run.date) }),
									color: COLORS.muted
								});
							return [
								g.date === null ? '–' : ctx.day(g.date),
								g.decision === null
									? muted(t('roadmap.gate.pending'))
									: { text: t(`roadmap.gate.${g.decision}`), bold: true },
								notes.length === 0 ? '–' : { stack: notes }
							];
						}),
						accent,
						8
					),
					gates.length * 3 + 1
				)
			);
		}
	}
	return out;
};

/* ---------- section: tasks ---------- */

const tasksSection: SectionBuilder = (ctx) => {
	const r = ctx.content.roadmap;
	if (r.tasks.length === 0) return null;
	const { t } = ctx;
	const today = ctx.options.date;
	const p = planOf(r);
	const names = namesOf(ctx);
	// Widths for landscape A4 (746 pt), scaled down on narrower paper.
	const k = Math.min(1, ctx.page.width / 746);
	const px = (n: number) => Math.round(n * k);
	const columns: Column[] = [
		{ header: '#', width: px(16), align: 'right' },
		{ header: t('roadmap.col.title') },
		{ header: t('roadmap.col.phase'), width: px(84) },
		{ header: t('roadmap.col.owner'), width: px(56) },
		{ header: t('roadmap.col.role'), width: px(62) },
		{ header: t('roadmap.col.start'), width: px(54) },
		{ header: t('roadmap.col.finish'), width: px(54) },
		{ header: t('roadmap.col.duration'), width: px(36), align: 'right' },
		{ header: t('roadmap.col.status'), width: px(42) },
		{ header: t('roadmap.col.percent'), width: px(28), align: 'right' },
		{ header: t('roadmap.col.critical'), width: px(42) },
		{ header: t('roadmap.overdue'), width: px(36) },
		{ header: t('roadmap.col.dependsOn'), width: px(36) }
	];
	const rows: PdfNode[][] = [];
	for (const group of tasksInPhaseOrder(r, p.plan))
		for (const task of group.tasks) {
			const s = p.plan.get(task.id);
			const owner = names.owner(task.ownerId);
			const deps = task.dependsOn
				.map((d) => names.row.get(d))
				.filter((n) => n !== undefined)
				.sort((a, b) => a - b)
				.map((n) => ctx.number(n));
			rows.push([
				ctx.number(names.row.get(task.id)!),
				task.milestone
					? { text: [names.task(task), muted(` · ${t('roadmap.kind.milestone')}`)] }
					: { text: names.task(task) },
				{ text: names.phase(task.phaseId) },
				owner === null ? '–' : { text: owner },
				task.role === null ? '–' : t(`roadmap.role.${task.role}`),
				s ? ctx.day(s.start) : '–',
				s ? ctx.day(s.finish) : '–',
				ctx.number(task.milestone ? 0 : task.duration),
				t(`roadmap.status.${task.status}`),
				ctx.percent(task.percent / 100),
				s?.critical
					? { text: t('roadmap.critical'), bold: true }
					: s
						? t('roadmap.slack', { days: ctx.number(s.slack) })
						: '–',
				isOverdue(task, p.plan, today) ? { text: t('roadmap.overdue'), bold: true } : '',
				deps.length === 0 ? '–' : deps.join(', ')
			]);
		}
	return [
		h1(t('report.section.tasks'), 'tasks'),
		p.ok
			? para(
					t('report.roadmap.tasks.intro', {
						tasks: ctx.number(r.tasks.length),
						after: t('roadmap.col.dependsOn')
					})
				)
			: note(unscheduledText(ctx, p.reason)),
		compact(table(columns, rows, ctx.options.branding.accent, 7.5), 7.5)
	];
};

/* ---------- the Gantt chart: geometry (pure) ---------- */

export const GANTT = {
	/** Height of a row (task, milestone or phase header), points. */
	rowHeight: 14,
	/** The time axis: two tiers of 11 pt. */
	axisHeight: 22,
	legendHeight: 12,
	/** Space between the axis and the rows, and between the rows and the legend. */
	gap: 4,
	fontSize: 7,
	/** What the section's heading and opening line take on the chart's first page. */
	firstPageReserve: 80,
	/** The last column before the bars: the text marker (critical) or the phase's percent. */
	flagWidth: 38
} as const;

/** How many rows fit in a block of `height` points under the axis and above the legend. */
export function rowsPerPage(height: number, rowHeight: number = GANTT.rowHeight): number {
	const free = height - GANTT.axisHeight - GANTT.legendHeight - 2 * GANTT.gap;
	return Math.max(2, Math.floor(free / rowHeight));
}

/** The height of a page block that holds `rows` rows. */
export function blockHeight(rows: number, rowHeight: number = GANTT.rowHeight): number {
	return GANTT.axisHeight + GANTT.legendHeight + 2 * GANTT.gap + rows * rowHeight;
}

/** The width of the task-name column for a page `width` points wide. */
export function labelWidth(width: number): number {
	return Math.min(210, Math.max(110, Math.round(width * 0.26)));
}

export const GANTT_UNITS = ['week', 'month', 'quarter', 'year'] as const;
export type GanttUnit = (typeof GANTT_UNITS)[number];

/** The narrowest an axis cell may be for each unit (its label must fit). */
const MIN_CELL: Record<GanttUnit, number> = { week: 14, month: 15, quarter: 18, year: 0 };

const ymd = (day: number) => {
	const iso = isoDay(day);
	return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)) };
};
const firstOfMonth = (y: number, m: number) => {
	// m may run past 12 (the next year's months).
	const year = y + Math.floor((m - 1) / 12);
	const month = ((m - 1) % 12) + 1;
	return dayNumber(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`);
};

/** The first day (day number) of the unit that holds `day`; weeks start on Monday. */
export function unitStart(unit: GanttUnit, day: number): number {
	if (unit === 'week') return day - ((weekday(day) + 6) % 7);
	const { y, m } = ymd(day);
	if (unit === 'month') return firstOfMonth(y, m);
	if (unit === 'quarter') return firstOfMonth(y, m - ((m - 1) % 3));
	return firstOfMonth(y, 1);
}

/** The first day of the unit after the one that holds `day`. */
export function nextUnit(unit: GanttUnit, day: number): number {
	const start = unitStart(unit, day);
	if (unit === 'week') return start + 7;
	const { y, m } = ymd(start);
	return firstOfMonth(y, m + (unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12));
}

/** The units from `from` (a unit's first day) to `to`, each as its first day and the next unit's. */
export function unitsBetween(
	unit: GanttUnit,
	from: number,
	to: number
): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	for (let d = unitStart(unit, from); d < to; d = nextUnit(unit, d))
		out.push({ start: Math.max(d, from), end: Math.min(nextUnit(unit, d), to) });
	return out;
}

export interface GanttScale {
	/** The axis's lower tier; the upper tier is the next larger unit (none above years). */
	unit: GanttUnit;
	/** First day shown, and the day after the last (day numbers). */
	from: number;
	to: number;
	/** Points per calendar day. */
	perDay: number;
	width: number;
}

/**
 * The time axis for days `first` … `last` (day numbers, both included) drawn `width` points
 * wide: the finest of weeks, months, quarters and years whose cells stay readable, starting at
 * the unit that holds `first` and ending with the one that holds `last`.
 */
export function ganttScale(first: number, last: number, width: number): GanttScale {
	for (const unit of GANTT_UNITS) {
		const from = unitStart(unit, first);
		const to = nextUnit(unit, last);
		const cells = unitsBetween(unit, from, to).length;
		if (unit === 'year' || width / cells >= MIN_CELL[unit])
			return { unit, from, to, perDay: width / (to - from), width };
	}
	throw new Error('unreachable');
}

/** The x of the start of `day` on the chart (0 = the axis's first day). */
export function xOf(scale: GanttScale, day: number): number {
	return (day - scale.from) * scale.perDay;
}

/** A bar from the start of day `start` to the end of day `finish`: its x and width. */
export function barOf(scale: GanttScale, start: number, finish: number): { x: number; w: number } {
	const x = xOf(scale, start);
	return { x, w: Math.max(1.5, xOf(scale, finish + 1) - x) };
}

export type GanttRow =
	/** A phase's header; `continued` when its tasks began on an earlier page. */
	| { kind: 'phase'; name: string; continued: boolean; start: number | null; finish: number | null }
	| {
			kind: 'task';
			n: number;
			name: string;
			start: number;
			finish: number;
			milestone: boolean;
			critical: boolean;
			/** Share done, 0..1. */
			done: number;
	  }
	/** A phase as one bar (the overview): its scheduled span, share done and milestones. */
	| {
			kind: 'summary';
			name: string;
			start: number;
			finish: number;
			done: number;
			planned: { start: number; finish: number } | null;
			milestones: number[];
			flag: string;
	  };

/**
 * Cuts `rows` into pages: `first` rows on the first page, `rest` on each after. A phase header
 * never ends a page (it moves on with its first task), and a page that opens in the middle of a
 * phase opens with that phase's header again, marked as continued (it counts as a row).
 */
export function paginateRows(rows: readonly GanttRow[], first: number, rest: number): GanttRow[][] {
	const pages: GanttRow[][] = [];
	let page: GanttRow[] = [];
	let capacity = Math.max(2, first);
	let phase: Extract<GanttRow, { kind: 'phase' }> | null = null;
	for (const row of rows) {
		if (row.kind === 'phase') phase = row;
		const need = row.kind === 'phase' ? 2 : 1;
		if (page.length > 0 && page.length + need > capacity) {
			pages.push(page);
			page = [];
			capacity = Math.max(2, rest);
			if (row.kind === 'task' && phase) page.push({ ...phase, continued: true });
		}
		page.push(row);
	}
	if (page.length > 0) pages.push(page);
	return pages;
}

/* ---------- the Gantt chart: drawing ---------- */

const TODAY_COLOR = '#c0392b';
/** The axis's lower tier. */
const AXIS_SIZE = 6.5;

/** `hex` laid over white at `share` (0..1). */
function tint(hex: string, share: number): string {
	const n = Number.parseInt(hex.slice(1), 16);
	const mix = (c: number) => Math.round(255 - (255 - c) * share);
	const parts = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
	return `#${parts.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

type LegendSample = 'bar' | 'done' | 'critical' | 'milestone' | 'today' | 'planned' | 'phase';

interface Frame {
	width: number;
	label: number;
	flag: number;
	rowHeight: number;
	scale: GanttScale;
	today: number | null;
	accent: string;
	/** Headings of the label and flag columns, printed in the axis. */
	labelHeader: string;
	flagHeader: string;
	legend: { sample: LegendSample; text: string }[];
	axis: AxisText;
	continued: (name: string) => string;
	/** The words that mark a critical task beside its bar. */
	criticalMark: string;
	number: (n: number) => string;
}

interface AxisText {
	/** Label of a lower-tier cell and of an upper-tier cell (a long form, then a short one). */
	lower: (start: number) => string;
	upper: (start: number) => string[];
}

const UPPER: Record<GanttUnit, GanttUnit | null> = {
	week: 'month',
	month: 'year',
	quarter: 'year',
	year: null
};

function axisText(ctx: ReportContext, unit: GanttUnit): AxisText {
	const format = (options: Intl.DateTimeFormatOptions) => {
		const f = new Intl.DateTimeFormat(ctx.lang, { ...options, timeZone: 'UTC' });
		return (day: number) => f.format(day * 86_400_000);
	};
	const monthYear = format({ month: 'short', year: 'numeric' });
	const month = format({ month: 'short' });
	const year = format({ year: 'numeric' });
	const dayOfMonth = (d: number) => ctx.number(Number(isoDay(d).slice(8, 10)));
	const quarter = (d: number) =>
		ctx.t('report.roadmap.gantt.quarter', { n: Math.ceil(ymd(d).m / 3) });
	const lower: Record<GanttUnit, (d: number) => string> = {
		week: dayOfMonth,
		month,
		quarter,
		year
	};
	return {
		lower: lower[unit],
		upper: (d) => (UPPER[unit] === 'month' ? [monthYear(d), month(d)] : [year(d)])
	};
}

type Vector = Record<string, unknown>;

/** One page of the chart: a canvas the size of the block, with its texts laid over it. */
function ganttBlock(frame: Frame, rows: readonly GanttRow[], breakBefore: boolean): PdfNode {
	const { width, rowHeight: rh, scale, accent } = frame;
	const x0 = frame.label + frame.flag;
	const height = blockHeight(rows.length, rh);
	const top = GANTT.axisHeight + GANTT.gap;
	const bottom = top + rows.length * rh;
	const fs: number = GANTT.fontSize;
	const numberWidth = Math.max(
		0,
		...rows.map((row) => (row.kind === 'task' ? textWidth(frame.number(row.n), fs) : 0))
	);
	const canvas: Vector[] = [{ type: 'rect', x: 0, y: 0, w: width, h: height, color: '#ffffff' }];
	const texts: PdfNode[] = [];
	const text = (x: number, y: number, value: string, extra: Record<string, unknown> = {}) => {
		if (value !== '')
			texts.push({
				text: value,
				fontSize: fs,
				lineHeight: 1,
				noWrap: true,
				relativePosition: { x, y: y - height },
				...extra
			});
	};
	// Text of size `size` set in a band from y to y + h.
	const middle = (y: number, h: number, size = fs) => y + (h - size * 1.2) / 2;
	const line = (x1: number, y1: number, x2: number, y2: number, color: string, lineWidth = 0.5) =>
		canvas.push({ type: 'line', x1, y1, x2, y2, lineColor: color, lineWidth });

	// The axis: upper tier, lower tier, column headings.
	const tier = GANTT.axisHeight / 2;
	canvas.push({
		type: 'rect',
		x: x0,
		y: 0,
		w: width - x0,
		h: GANTT.axisHeight,
		color: COLORS.zebra
	});
	const lowerCells = unitsBetween(scale.unit, scale.from, scale.to);
	for (const cell of lowerCells) {
		const x = x0 + xOf(scale, cell.start);
		const w = (cell.end - cell.start) * scale.perDay;
		line(x, tier, x, bottom, COLORS.rule, 0.3);
		const label = frame.axis.lower(cell.start);
		if (textWidth(label, AXIS_SIZE) <= w - 2.5)
			text(x + 1.5, middle(tier, tier, AXIS_SIZE), label, {
				color: COLORS.muted,
				fontSize: AXIS_SIZE
			});
	}
	const upper = UPPER[scale.unit];
	if (upper) {
		for (const cell of unitsBetween(upper, scale.from, scale.to)) {
			const x = x0 + xOf(scale, cell.start);
			const w = (cell.end - cell.start) * scale.perDay;
			line(x, 0, x, bottom, COLORS.rule, 0.6);
			const label = frame.axis.upper(cell.start).find((l) => textWidth(l, fs, true) <= w - 3);
			if (label) text(x + 2, middle(0, tier), label, { bold: true });
		}
	}
	line(x0, tier, width, tier, COLORS.rule, 0.4);
	line(width, 0, width, bottom, COLORS.rule, 0.6);
	line(0, GANTT.axisHeight, width, GANTT.axisHeight, COLORS.muted, 0.6);
	text(2, middle(tier, tier), fitText(frame.labelHeader, frame.label - 4, fs, true), {
		bold: true
	});
	text(frame.label + 2, middle(tier, tier), fitText(frame.flagHeader, frame.flag - 4, fs, true), {
		bold: true
	});

	// The rows.
	const light = tint(accent, 0.3);
	const diamond = (cx: number, cy: number, r: number, fill: string, stroke: string, lw: number) =>
		canvas.push({
			type: 'polyline',
			closePath: true,
			points: [
				{ x: cx, y: cy - r },
				{ x: cx + r, y: cy },
				{ x: cx, y: cy + r },
				{ x: cx - r, y: cy }
			],
			color: fill,
			lineColor: stroke,
			lineWidth: lw
		});
	/** A span as a light bar, filled with the accent as far as it is done, and outlined. */
	const bar = (
		row: { start: number; finish: number; done: number },
		y: number,
		h: number,
		outline: string,
		lineWidth: number
	) => {
		const b = barOf(scale, row.start, row.finish);
		const x = x0 + b.x;
		canvas.push({ type: 'rect', x, y, w: b.w, h, color: light });
		if (row.done > 0)
			canvas.push({ type: 'rect', x, y, w: b.w * Math.min(1, row.done), h, color: accent });
		canvas.push({ type: 'rect', x, y, w: b.w, h, lineColor: outline, lineWidth });
	};
	rows.forEach((row, i) => {
		const y = top + i * rh;
		const mid = y + rh / 2;
		line(0, y + rh, width, y + rh, COLORS.zebra, 0.4);
		if (row.kind === 'phase') {
			canvas.push({ type: 'rect', x: 0, y, w: width, h: rh, color: COLORS.zebra });
			const name = row.continued ? frame.continued(row.name) : row.name;
			text(2, middle(y, rh, fs + 0.5), fitText(name, x0 - 4, fs + 0.5, true), {
				bold: true,
				fontSize: fs + 0.5
			});
			if (row.start !== null && row.finish !== null) {
				const b = barOf(scale, row.start, row.finish);
				const bx = x0 + b.x;
				canvas.push({ type: 'rect', x: bx, y: mid - 1.5, w: b.w, h: 3, color: COLORS.text });
				for (const ex of [bx, bx + b.w])
					canvas.push({
						type: 'polyline',
						closePath: true,
						points: [
							{ x: ex - 2.5, y: mid - 1.5 },
							{ x: ex + 2.5, y: mid - 1.5 },
							{ x: ex, y: mid + 3 }
						],
						color: COLORS.text
					});
			}
			return;
		}
		if (row.kind === 'task') {
			// Row numbers right-aligned in a column as wide as the widest; names start after it.
			const number = frame.number(row.n);
			const indent = 6;
			text(indent + numberWidth - textWidth(number, fs), middle(y, rh), number, {
				color: COLORS.muted
			});
			const nameX = indent + numberWidth + 4;
			text(nameX, middle(y, rh), fitText(row.name, frame.label - nameX - 4, fs));
			if (row.critical)
				text(
					frame.label + 2,
					middle(y, rh),
					fitText(frame.criticalMark, frame.flag - 4, fs, true),
					{
						bold: true
					}
				);
			if (row.milestone) {
				const cx = x0 + xOf(scale, row.start + 0.5);
				diamond(
					cx,
					mid,
					4.2,
					row.done >= 1 ? accent : '#ffffff',
					row.critical ? COLORS.text : accent,
					row.critical ? 1.2 : 0.8
				);
				return;
			}
			bar(row, y + 3, rh - 6, row.critical ? COLORS.text : accent, row.critical ? 1.2 : 0.4);
			return;
		}
		// A phase as one bar (the overview).
		text(2, middle(y, rh), fitText(row.name, frame.label - 6, fs, true), { bold: true });
		text(frame.label + 2, middle(y, rh), fitText(row.flag, frame.flag - 4, fs));
		const bh = rh - 8;
		bar(row, y + 2.5, bh, accent, 0.4);
		if (row.planned) {
			const pb = barOf(scale, row.planned.start, row.planned.finish);
			const py = y + rh - 3.5;
			line(x0 + pb.x, py, x0 + pb.x + pb.w, py, COLORS.text, 0.8);
			line(x0 + pb.x, py - 1.5, x0 + pb.x, py + 1.5, COLORS.text, 0.8);
			line(x0 + pb.x + pb.w, py - 1.5, x0 + pb.x + pb.w, py + 1.5, COLORS.text, 0.8);
		}
		for (const m of row.milestones)
			diamond(x0 + xOf(scale, m + 0.5), y + 2.5 + bh / 2, 3.5, COLORS.text, '#ffffff', 0.5);
	});
	line(0, bottom, width, bottom, COLORS.muted, 0.6);

	// The report date.
	if (frame.today !== null && frame.today >= scale.from && frame.today < scale.to) {
		const x = x0 + xOf(scale, frame.today);
		canvas.push({
			type: 'line',
			x1: x,
			y1: GANTT.axisHeight,
			x2: x,
			y2: bottom,
			lineColor: TODAY_COLOR,
			lineWidth: 0.9,
			dash: { length: 2, space: 1.5 }
		});
	}

	// The legend.
	let lx = 0;
	const ly = bottom + GANTT.gap;
	const lm = ly + GANTT.legendHeight / 2;
	for (const item of frame.legend) {
		const sw = 14;
		switch (item.sample) {
			case 'bar':
				canvas.push({
					type: 'rect',
					x: lx,
					y: lm - 3,
					w: sw,
					h: 6,
					color: light,
					lineColor: accent,
					lineWidth: 0.4
				});
				break;
			case 'done':
				canvas.push({ type: 'rect', x: lx, y: lm - 3, w: sw, h: 6, color: light });
				canvas.push({ type: 'rect', x: lx, y: lm - 3, w: sw * 0.6, h: 6, color: accent });
				break;
			case 'critical':
				canvas.push({
					type: 'rect',
					x: lx,
					y: lm - 3,
					w: sw,
					h: 6,
					color: light,
					lineColor: COLORS.text,
					lineWidth: 1.2
				});
				break;
			case 'milestone':
				diamond(lx + sw / 2, lm, 4, accent, accent, 0.8);
				break;
			case 'today':
				canvas.push({
					type: 'line',
					x1: lx + sw / 2,
					y1: lm - 5,
					x2: lx + sw / 2,
					y2: lm + 5,
					lineColor: TODAY_COLOR,
					lineWidth: 0.9,
					dash: { length: 2, space: 1.5 }
				});
				break;
			case 'planned':
				line(lx, lm, lx + sw, lm, COLORS.text, 0.8);
				line(lx, lm - 1.5, lx, lm + 1.5, COLORS.text, 0.8);
				line(lx + sw, lm - 1.5, lx + sw, lm + 1.5, COLORS.text, 0.8);
				break;
			case 'phase':
				canvas.push({ type: 'rect', x: lx, y: lm - 1.5, w: sw, h: 3, color: COLORS.text });
				break;
		}
		const tw = textWidth(item.text, fs);
		if (lx + sw + 3 + tw > width) break;
		text(lx + sw + 3, middle(ly, GANTT.legendHeight), item.text, { color: COLORS.muted });
		lx += sw + 3 + tw + 12;
	}

	return {
		unbreakable: true,
		...(breakBefore ? { pageBreak: 'before' } : {}),
		stack: [{ canvas }, ...texts]
	};
}

function frameOf(
	ctx: ReportContext,
	scale: GanttScale,
	extra: Pick<Frame, 'labelHeader' | 'flagHeader' | 'legend' | 'rowHeight'> &
		Partial<Pick<Frame, 'label' | 'flag'>>
): Frame {
	const width = ctx.page.width;
	const today = ctx.options.date;
	return {
		width,
		label: labelWidth(width),
		flag: GANTT.flagWidth,
		scale,
		today: isIsoDay(today) ? dayNumber(today) : null,
		accent: ctx.options.branding.accent,
		axis: axisText(ctx, scale.unit),
		continued: (name) => ctx.t('report.roadmap.gantt.continued', { name }),
		criticalMark: ctx.t('roadmap.critical'),
		number: (n) => ctx.number(n),
		...extra
	};
}

/** The chart's width for bars on a page `width` points wide. */
export function chartWidth(width: number): number {
	return width - labelWidth(width) - GANTT.flagWidth;
}

function todayLegend(ctx: ReportContext): { sample: LegendSample; text: string }[] {
	return isIsoDay(ctx.options.date)
		? [
				{
					sample: 'today',
					text: ctx.t('report.roadmap.gantt.today', { date: ctx.day(ctx.options.date) })
				}
			]
		: [];
}

/** The executive overview: each phase as one bar, on (usually) one page. */
function overviewGantt(ctx: ReportContext, p: Extract<RoadmapPlan, { ok: true }>): PdfNode[] {
	const r = ctx.content.roadmap;
	const names = namesOf(ctx);
	const phaseById = new Map(r.phases.map((x) => [x.id, x]));
	const day = (d: string | null) => (d !== null && isIsoDay(d) ? dayNumber(d) : null);
	let first = dayNumber(p.start);
	let last = dayNumber(p.finish);
	const rows: GanttRow[] = [];
	for (const pp of phaseProgress(r, p.plan, ctx.options.date)) {
		if (pp.start === null || pp.finish === null) continue;
		const phase = pp.phaseId === null ? undefined : phaseById.get(pp.phaseId);
		const ps = day(phase?.start ?? null);
		const pe = day(phase?.end ?? null);
		const planned = ps !== null && pe !== null && pe >= ps ? { start: ps, finish: pe } : null;
		if (planned) {
			first = Math.min(first, planned.start);
			last = Math.max(last, planned.finish);
		}
		rows.push({
			kind: 'summary',
			name: names.phase(pp.phaseId),
			start: dayNumber(pp.start),
			finish: dayNumber(pp.finish),
			done: pp.completion,
			planned,
			milestones: r.tasks
				.filter((x) => x.milestone && (x.phaseId ?? null) === pp.phaseId)
				.flatMap((x) => {
					const s = p.plan.get(x.id);
					return s ? [dayNumber(s.start)] : [];
				}),
			flag: ctx.percent(pp.completion)
		});
	}
	if (rows.length === 0) return [];
	const rowHeight = 16;
	// Phase names are the only labels: they get more room than task names do.
	const label = Math.min(240, Math.round(ctx.page.width * 0.34));
	const flag = 44;
	const scale = ganttScale(first, last, ctx.page.width - label - flag);
	const { t } = ctx;
	const frame = frameOf(ctx, scale, {
		label,
		flag,
		rowHeight,
		labelHeader: t('roadmap.col.phase'),
		flagHeader: t('roadmap.dash.complete'),
		legend: [
			{ sample: 'bar', text: t('report.roadmap.scheduled') },
			{ sample: 'done', text: t('report.roadmap.gantt.done') },
			{ sample: 'planned', text: t('report.roadmap.planned') },
			{ sample: 'milestone', text: t('roadmap.kind.milestone') },
			...todayLegend(ctx)
		]
	});
	const pages = paginateRows(
		rows,
		rowsPerPage(ctx.page.height * 0.7, rowHeight),
		rowsPerPage(ctx.page.height, rowHeight)
	);
	return pages.map((page, i) => ganttBlock(frame, page, i > 0));
}

/* ---------- section: gantt ---------- */

/** The chart's rows: each phase's header, then its tasks by start. */
export function ganttRows(ctx: ReportContext, plan: Plan): GanttRow[] {
	const r = ctx.content.roadmap;
	const names = namesOf(ctx);
	const rows: GanttRow[] = [];
	for (const group of tasksInPhaseOrder(r, plan)) {
		const tasks = group.tasks.flatMap((task) => {
			const s = plan.get(task.id);
			return s ? [{ task, s }] : [];
		});
		if (tasks.length === 0) continue;
		rows.push({
			kind: 'phase',
			name: names.phase(group.phaseId),
			continued: false,
			start: Math.min(...tasks.map((x) => dayNumber(x.s.start))),
			finish: Math.max(...tasks.map((x) => dayNumber(x.s.finish)))
		});
		for (const { task, s } of tasks)
			rows.push({
				kind: 'task',
				n: names.row.get(task.id)!,
				name: names.task(task),
				start: dayNumber(s.start),
				finish: dayNumber(s.finish),
				milestone: task.milestone,
				critical: s.critical,
				// The share done as the roadmap counts it (a done task is complete).
				done: completion([task])
			});
	}
	return rows;
}

const ganttSection: SectionBuilder = (ctx) => {
	const r = ctx.content.roadmap;
	if (r.tasks.length === 0) return null;
	const { t } = ctx;
	const p = planOf(r);
	const head = h1(t('report.section.gantt'), 'gantt');
	if (!p.ok) return [head, note(unscheduledText(ctx, p.reason))];
	const scale = ganttScale(dayNumber(p.start), dayNumber(p.finish), chartWidth(ctx.page.width));
	const frame = frameOf(ctx, scale, {
		rowHeight: GANTT.rowHeight,
		labelHeader: `# ${t('roadmap.col.title')}`,
		flagHeader: t('roadmap.col.critical'),
		legend: [
			{ sample: 'bar', text: t('roadmap.kind.task') },
			{ sample: 'done', text: t('report.roadmap.gantt.done') },
			{
				sample: 'critical',
				text: t('report.roadmap.gantt.critical', { mark: t('roadmap.critical') })
			},
			{ sample: 'milestone', text: t('roadmap.kind.milestone') },
			{ sample: 'phase', text: t('report.roadmap.gantt.phaseSpan') },
			...todayLegend(ctx)
		]
	});
	const pages = paginateRows(
		ganttRows(ctx, p.plan),
		rowsPerPage(ctx.page.height - GANTT.firstPageReserve),
		rowsPerPage(ctx.page.height)
	);
	return [
		head,
		para(
			t('roadmap.span', {
				start: ctx.day(p.start),
				finish: ctx.day(p.finish),
				tasks: ctx.number(r.tasks.length)
			})
		),
		...pages.map((page, i) => ganttBlock(frame, page, i > 0))
	];
};

export const roadmapSections: SectionRegistry = {
	roadmap: roadmapSection,
	kpis: kpisSection,
	tasks: tasksSection,
	gantt: ganttSection
};
