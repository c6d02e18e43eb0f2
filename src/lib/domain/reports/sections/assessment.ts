import {
	templateKey,
	type Assessment,
	type AssessmentTemplate,
	type Participant
} from '../../assessment/model.ts';
import {
	compareRuns,
	scoreAssessment,
	stageOf,
	toPercent,
	type AssessmentScore,
	type DimensionScore,
	type FiredRule,
	type RunComparison
} from '../../assessment/scoring.ts';
import type { EngagementContent } from '../../engagement/profile.ts';
import {
	COLORS,
	facts,
	h1,
	h2,
	h3,
	keyFigures,
	note,
	para,
	picture,
	table,
	type Column,
	type Figure,
	type PdfNode
} from '../blocks.ts';
import type { ReportContext } from '../context.ts';
import type { SectionRegistry } from '../sections.ts';

/**
 * The assessment sections: per model (template id), the latest run that has scores, with its
 * results (`assessment`), its questions, people and evidence (`assessmentDetail`), and the
 * model's scored runs side by side over time (`reassessment`). The numbers are the ones the
 * results page shows: scoreAssessment on the run's pinned template version, nothing recomputed.
 *
 * The run selection is exported: the asset planner (features/reports/assets/assessment.ts)
 * draws its charts for exactly the runs these sections print.
 */

/** A run of a model, its pinned template version and its scores. */
export interface ScoredRun {
	run: Assessment;
	template: AssessmentTemplate;
	score: AssessmentScore;
}

/** Runs of one model that can share a chart (same level scale as the latest), oldest first. */
export interface RunHistory {
	templateId: string;
	/** The latest scored run: its template names the dimensions. */
	latest: ScoredRun;
	runs: ScoredRun[];
	comparison: RunComparison;
}

/** The copy of a run's template version that the engagement keeps. */
export function pinnedTemplate(
	content: EngagementContent,
	run: Pick<Assessment, 'templateId' | 'templateVersion'>
): AssessmentTemplate | undefined {
	const key = templateKey(run.templateId, run.templateVersion);
	return content.assessmentTemplates.find((t) => templateKey(t.id, t.version) === key);
}

/**
 * The runs that have scores (at least one answer with a level for today), grouped by model in
 * the order the models first appear in the engagement; each group oldest first (by date, then
 * id, as compareRuns orders them).
 */
export function scoredRunsByModel(content: EngagementContent): ScoredRun[][] {
	const groups = new Map<string, ScoredRun[]>();
	for (const run of content.assessments) {
		const template = pinnedTemplate(content, run);
		if (!template) continue;
		const score = scoreAssessment(
			template,
			run.participants.map((p) => p.id),
			run.answers
		);
		if (score.overall.current === null) continue;
		let list = groups.get(run.templateId);
		if (!list) groups.set(run.templateId, (list = []));
		list.push({ run, template, score });
	}
	return [...groups.values()].map((list) =>
		list.sort((a, b) => a.run.date.localeCompare(b.run.date) || a.run.id.localeCompare(b.run.id))
	);
}

/** Per model, its latest run with scores: the run the assessment sections report. */
export function latestRuns(content: EngagementContent): ScoredRun[] {
	return scoredRunsByModel(content).map((list) => list[list.length - 1]!);
}

/**
 * Per model with two or more scored runs on the latest run's level scale (a later version may
 * change the scale; such runs cannot share the chart), the runs compared by dimension.
 */
export function runHistories(content: EngagementContent): RunHistory[] {
	return scoredRunsByModel(content).flatMap((list) => {
		const latest = list[list.length - 1]!;
		const runs = list.filter(
			(r) => r.score.min === latest.score.min && r.score.max === latest.score.max
		);
		if (runs.length < 2) return [];
		const comparison = compareRuns(
			runs.map((r) => ({ id: r.run.id, date: r.run.date, title: r.run.title, score: r.score }))
		);
		return [{ templateId: latest.run.templateId, latest, runs, comparison }];
	});
}

/** Dimensions with a gap, the highest priority first (the results page's gap chart). */
export function gapsByPriority(score: AssessmentScore): DimensionScore[] {
	return score.dimensions
		.filter((d) => d.gap !== null)
		.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
}

/**
 * Dimension titles by id from the templates of `runs`, the latest run's wording first (a
 * dimension only an earlier version had keeps that version's title).
 */
export function dimensionTitles(
	runs: readonly ScoredRun[],
	localized: (text: Partial<Record<string, string>>) => string
): Map<string, string> {
	const titles = new Map<string, string>();
	for (const r of [...runs].reverse())
		for (const d of r.template.dimensions)
			if (!titles.has(d.id)) titles.set(d.id, d.title ? localized(d.title) : d.id);
	return titles;
}

/* ---------- formats (as the results page shows them) ---------- */

const DASH = '–';
type Ctx = ReportContext;

/** A score on the level scale, one decimal. */
const level = (ctx: Ctx, v: number | null | undefined) =>
	v === null || v === undefined
		? DASH
		: ctx.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** A change in levels, with its sign. */
const signed = (ctx: Ctx, v: number | null | undefined) =>
	v === null || v === undefined
		? DASH
		: ctx.number(v, {
				minimumFractionDigits: 1,
				maximumFractionDigits: 1,
				signDisplay: 'exceptZero'
			});
/** A score on the 0–100 scale, whole points. */
const hundred = (ctx: Ctx, v: number | null, score: AssessmentScore) =>
	v === null ? DASH : ctx.number(toPercent(v, score.min, score.max), { maximumFractionDigits: 0 });

const text = (ctx: Ctx, v: Partial<Record<string, string>> | undefined) =>
	v ? ctx.localized(v) : '';
const runTitle = (ctx: Ctx, run: Assessment) => run.title.trim() || ctx.t('assess.untitled');
const personName = (ctx: Ctx, p: Participant, index: number) =>
	p.name.trim() || ctx.t('assess.anonymous', { n: index + 1 });
const accentOf = (ctx: Ctx) => ctx.options.branding.accent;
const muted = (t: string): PdfNode => ({ text: t, color: COLORS.muted, fontSize: 8 });

/** "Baseline assessment · 12 Mar 2026 · 3 participants · model version 1.0.0" */
function runLine(ctx: Ctx, r: ScoredRun): PdfNode {
	return para(
		ctx.t('report.assessment.runLine', {
			title: runTitle(ctx, r.run),
			date: ctx.day(r.run.date),
			people: ctx.number(r.run.participants.length),
			version: r.template.version
		}),
		{ color: COLORS.muted }
	);
}

/* ---------- assessment: the results of each model's latest run ---------- */

function figures(ctx: Ctx, r: ScoredRun): Figure[] {
	const { score, template } = r;
	const o = score.overall;
	const items: Figure[] = [
		{
			label: ctx.t('res.overall'),
			value: level(ctx, o.current),
			detail: ctx.t('res.outOf', {
				max: ctx.number(score.max),
				pct: hundred(ctx, o.current, score)
			})
		},
		{
			label: ctx.t('assess.field.target'),
			value: level(ctx, o.target),
			detail: ctx.t('res.gapIs', { gap: signed(ctx, o.gap) })
		}
	];
	if (template.dualScoring)
		items.push({
			label: ctx.t('assess.field.intention'),
			value: level(ctx, o.intention),
			detail: ctx.t('res.planPractice', {
				gap: signed(
					ctx,
					o.intention === null || o.current === null ? null : o.intention - o.current
				)
			})
		});
	if (score.stage) items.push({ label: ctx.t('res.stage'), value: text(ctx, score.stage.name) });
	return items;
}

function dimensionTable(ctx: Ctx, r: ScoredRun, titles: Map<string, string>): PdfNode {
	const dual = r.template.dualScoring;
	const columns: Column[] = [
		{ header: ctx.t('assess.dimension'), width: '*' },
		...(dual
			? [{ header: ctx.t('assess.field.intention'), width: 56, align: 'right' as const }]
			: []),
		{ header: ctx.t('assess.field.current'), width: 40, align: 'right' },
		{ header: ctx.t('assess.field.target'), width: 40, align: 'right' },
		{ header: ctx.t('res.gap'), width: 36, align: 'right' },
		{ header: ctx.t('res.pct'), width: 52, align: 'right' },
		{ header: ctx.t('res.priority'), width: 52, align: 'right' },
		{ header: ctx.t('res.answered'), width: 48, align: 'right' }
	];
	const rows: PdfNode[][] = r.score.dimensions.map((d) => [
		titles.get(d.id) ?? d.id,
		...(dual ? [level(ctx, d.intention)] : []),
		level(ctx, d.current),
		level(ctx, d.target),
		signed(ctx, d.gap),
		hundred(ctx, d.current, r.score),
		level(ctx, d.priority),
		ctx.t('assess.answeredOf', {
			done: ctx.number(d.answered),
			total: ctx.number(d.questions)
		})
	]);
	const o = r.score.overall;
	rows.push(
		[
			ctx.t('report.assessment.overall'),
			...(dual ? [level(ctx, o.intention)] : []),
			level(ctx, o.current),
			level(ctx, o.target),
			signed(ctx, o.gap),
			hundred(ctx, o.current, r.score),
			'',
			''
		].map((cell) => ({ text: cell, bold: true }))
	);
	return table(columns, rows, accentOf(ctx), 9);
}

/** The questions that would gain the overall score most (the results page's list). */
function topQuestions(ctx: Ctx, r: ScoredRun, titles: Map<string, string>): PdfNode[] {
	const limit = ctx.options.kind === 'executive' ? 5 : 10;
	const top = r.score.questions
		.filter((q) => q.priority !== null && q.priority > 0)
		.sort((a, b) => b.priority! - a.priority!)
		.slice(0, limit);
	if (top.length === 0) return [];
	const questionText = questionTexts(ctx, r.template);
	return [
		h3(ctx.t('res.topQuestions')),
		table(
			[
				{ header: ctx.t('res.question'), width: '*' },
				{ header: ctx.t('assess.dimension'), width: 96 },
				{ header: ctx.t('assess.field.current'), width: 40, align: 'right' },
				{ header: ctx.t('assess.field.target'), width: 40, align: 'right' },
				{ header: ctx.t('res.gap'), width: 36, align: 'right' },
				{ header: ctx.t('res.priority'), width: 52, align: 'right' }
			],
			top.map((q) => [
				questionText.get(q.id) ?? q.id,
				titles.get(q.dimensionId) ?? q.dimensionId,
				level(ctx, q.current?.mean),
				level(ctx, q.target?.mean),
				signed(ctx, q.gap),
				level(ctx, q.priority)
			]),
			accentOf(ctx),
			9
		)
	];
}

function questionTexts(ctx: Ctx, template: AssessmentTemplate): Map<string, string> {
	return new Map(
		template.dimensions.flatMap((d) => d.questions.map((q) => [q.id, text(ctx, q.text)] as const))
	);
}

function recommendations(ctx: Ctx, r: ScoredRun, titles: Map<string, string>): PdfNode[] {
	const fired = r.score.recommendations;
	const heading = h3(ctx.t('res.recommendations'));
	if (fired.length === 0) return [heading, note(ctx.t('res.noRecommendations'))];
	const questionText = questionTexts(ctx, r.template);
	const initiatives = new Set(ctx.content.changePlan.initiatives.map((i) => i.id));
	const onRoadmap = new Set(
		ctx.content.roadmap.tasks.flatMap((task) =>
			task.origin?.kind === 'recommendation' && task.origin.assessmentId === r.run.id
				? [task.origin.ruleId]
				: []
		)
	);
	const scope = (f: FiredRule) =>
		f.rule.dimension !== undefined
			? (titles.get(f.rule.dimension) ?? f.rule.dimension)
			: (questionText.get(f.rule.question ?? '') ?? '');
	const reading = (f: FiredRule) =>
		f.rule.measure === 'gap'
			? ctx.t('res.ruleGap', { value: signed(ctx, f.value) })
			: ctx.t('res.ruleCurrent', { value: level(ctx, f.value) });
	const initiative = (f: FiredRule): PdfNode => {
		const s = f.rule.initiative;
		if (!s) return DASH;
		const linked = r.run.initiatives[f.rule.id];
		const status = [
			...(linked !== undefined && initiatives.has(linked) ? [ctx.t('res.inPlan')] : []),
			...(onRoadmap.has(f.rule.id) ? [ctx.t('res.onRoadmap')] : [])
		];
		const description = text(ctx, s.description);
		return {
			stack: [
				{ text: text(ctx, s.title), bold: true },
				muted(ctx.t(`support.${s.support}`)),
				...(description ? [{ text: description, margin: [0, 2, 0, 0] }] : []),
				...(status.length ? [muted(status.join(' '))] : [])
			]
		};
	};
	return [
		heading,
		table(
			[
				{ header: ctx.t('report.assessment.finding'), width: 100 },
				{ header: ctx.t('report.assessment.recommendation'), width: '*' },
				{ header: ctx.t('report.assessment.initiative'), width: 150 }
			],
			fired.map((f) => [
				{ stack: [{ text: scope(f), bold: true }, muted(reading(f))] },
				text(ctx, f.rule.text),
				initiative(f)
			]),
			accentOf(ctx),
			9
		)
	];
}

function modelResults(ctx: Ctx, r: ScoredRun): PdfNode[] {
	const model = text(ctx, r.template.title) || r.template.id;
	const titles = dimensionTitles([r], (v) => text(ctx, v));
	const stage = r.score.stage;
	const gaps = gapsByPriority(r.score);
	return [
		h2(model),
		runLine(ctx, r),
		keyFigures(figures(ctx, r), accentOf(ctx)),
		...(stage
			? [
					{
						text: [
							{ text: `${ctx.t('res.stage')}: ${text(ctx, stage.name)}`, bold: true },
							{ text: ` ${text(ctx, stage.description)}` }
						],
						margin: [0, 0, 0, 6]
					}
				]
			: []),
		picture(
			ctx,
			`assessment.radar.${r.run.id}`,
			ctx.t('report.assessment.radarCaption', { model }),
			ctx.page.height * 0.5
		),
		h3(ctx.t('res.tableCaption')),
		dimensionTable(ctx, r, titles),
		note(ctx.t('res.method')),
		...(gaps.length
			? [
					// The heading stays with its chart.
					{
						unbreakable: true,
						stack: [
							h3(ctx.t('res.gaps')),
							picture(
								ctx,
								`assessment.gaps.${r.run.id}`,
								ctx.t('report.assessment.gapsCaption', { model }),
								ctx.page.height * 0.45
							)
						]
					}
				]
			: []),
		...topQuestions(ctx, r, titles),
		...recommendations(ctx, r, titles)
	];
}

const assessment = (ctx: Ctx): PdfNode[] | null => {
	const runs = latestRuns(ctx.content);
	if (runs.length === 0) return null;
	return [
		h1(ctx.t('report.section.assessment'), 'assessment'),
		para(ctx.t('report.assessment.intro')),
		...runs.flatMap((r) => modelResults(ctx, r))
	];
};

/* ---------- assessmentDetail: questions, people and evidence ---------- */

function participants(ctx: Ctx, run: Assessment): PdfNode[] {
	if (run.participants.length === 0) return [];
	return [
		h3(ctx.t('assess.people')),
		table(
			[
				{ header: '#', width: 18, align: 'right' },
				{ header: ctx.t('assess.person.name'), width: '*' },
				{ header: ctx.t('assess.person.role'), width: '*' },
				{ header: ctx.t('assess.person.department'), width: '*' }
			],
			run.participants.map((p, i) => [
				ctx.number(i + 1),
				personName(ctx, p, i),
				p.role.trim() || DASH,
				p.department.trim() || DASH
			]),
			accentOf(ctx),
			9
		)
	];
}

function questionTable(
	ctx: Ctx,
	r: ScoredRun,
	dimension: AssessmentTemplate['dimensions'][number]
): PdfNode {
	const dual = r.template.dualScoring;
	const byId = new Map(r.score.questions.map((q) => [q.id, q]));
	const whole = (v: number) => ctx.number(v, { maximumFractionDigits: 1 });
	const columns: Column[] = [
		{ header: ctx.t('res.question'), width: '*' },
		{ header: ctx.t('assess.field.current'), width: 34, align: 'right' },
		{ header: ctx.t('res.median'), width: 38, align: 'right' },
		{ header: ctx.t('report.assessment.range'), width: 34, align: 'right' },
		{ header: ctx.t('report.assessment.sd'), width: 38, align: 'right' },
		...(dual
			? [{ header: ctx.t('assess.field.intention'), width: 56, align: 'right' as const }]
			: []),
		{ header: ctx.t('assess.field.target'), width: 34, align: 'right' },
		{ header: ctx.t('res.na'), width: 34, align: 'right' },
		{ header: ctx.t('report.assessment.flag'), width: 46 }
	];
	const rows = dimension.questions.map((q): PdfNode[] => {
		const s = byId.get(q.id);
		const c = s?.current ?? null;
		return [
			text(ctx, q.text),
			level(ctx, c?.mean),
			c ? whole(c.median) : DASH,
			c ? `${whole(c.min)}–${whole(c.max)}` : DASH,
			c ? level(ctx, c.sd) : DASH,
			...(dual ? [level(ctx, s?.intention?.mean)] : []),
			level(ctx, s?.target?.mean),
			ctx.number(s?.na ?? 0),
			s?.disagreement ? { text: ctx.t('report.assessment.discuss'), bold: true } : ''
		];
	});
	return table(columns, rows, accentOf(ctx), 8);
}

/** Evidence and reasons for "not applicable", question by question, person by person. */
function evidence(
	ctx: Ctx,
	r: ScoredRun,
	dimension: AssessmentTemplate['dimensions'][number]
): PdfNode[] {
	const people = new Map(r.run.participants.map((p, i) => [p.id, personName(ctx, p, i)]));
	const order = new Map(r.run.participants.map((p, i) => [p.id, i]));
	const rows: PdfNode[][] = [];
	for (const q of dimension.questions) {
		const answers = r.run.answers
			.filter((a) => a.questionId === q.id && people.has(a.participantId))
			.sort((a, b) => order.get(a.participantId)! - order.get(b.participantId)!);
		for (const a of answers) {
			const lines = [
				...(a.na && a.naReason.trim() ? [`${ctx.t('res.na')}: ${a.naReason.trim()}`] : []),
				...(a.evidence.trim() ? [a.evidence.trim()] : [])
			];
			if (lines.length === 0) continue;
			rows.push([text(ctx, q.text), people.get(a.participantId)!, lines.join('\n')]);
		}
	}
	if (rows.length === 0) return [];
	return [
		{ text: ctx.t('report.assessment.evidence'), style: 'label', margin: [0, 0, 0, 2] },
		table(
			[
				{ header: ctx.t('res.question'), width: 150 },
				{ header: ctx.t('report.assessment.participant'), width: 80 },
				{ header: ctx.t('report.assessment.note'), width: '*' }
			],
			rows,
			accentOf(ctx),
			8
		)
	];
}

function modelDetail(ctx: Ctx, r: ScoredRun): PdfNode[] {
	const model = text(ctx, r.template.title) || r.template.id;
	const notes = r.run.notes.trim();
	return [
		h2(model),
		runLine(ctx, r),
		facts(notes ? [[ctx.t('assess.notes'), notes]] : []),
		...participants(ctx, r.run),
		note(ctx.t('report.assessment.detailHint')),
		...r.template.dimensions.flatMap((d) => [
			h3(text(ctx, d.title) || d.id),
			questionTable(ctx, r, d),
			...evidence(ctx, r, d)
		])
	];
}

const assessmentDetail = (ctx: Ctx): PdfNode[] | null => {
	const runs = latestRuns(ctx.content);
	if (runs.length === 0) return null;
	return [
		h1(ctx.t('report.section.assessmentDetail'), 'assessmentDetail'),
		...runs.flatMap((r) => modelDetail(ctx, r))
	];
};

/* ---------- reassessment: the runs of a model over time ---------- */

/** The runs a table has room for: the first and the latest few. */
const TABLE_RUNS = 5;

function modelHistory(ctx: Ctx, h: RunHistory): PdfNode[] {
	const model = text(ctx, h.latest.template.title) || h.latest.template.id;
	const titles = dimensionTitles(h.runs, (v) => text(ctx, v));
	const all = h.comparison.runs;
	const first = all[0]!;
	const last = all[all.length - 1]!;
	const shown = all.length > TABLE_RUNS ? [first, ...all.slice(-(TABLE_RUNS - 1))] : all;
	const runOf = new Map(h.runs.map((r) => [r.run.id, r]));
	const change = (a: number | null | undefined, b: number | null | undefined) =>
		a === null || a === undefined || b === null || b === undefined ? null : b - a;

	const columns: Column[] = [
		{ header: ctx.t('assess.dimension'), width: '*' },
		...shown.map((run) => ({
			header: `${runTitle(ctx, runOf.get(run.id)!.run)}\n${ctx.day(run.date)}`,
			width: shown.length > 3 ? 52 : 72,
			align: 'right' as const
		})),
		{ header: ctx.t('report.assessment.change'), width: 48, align: 'right' }
	];
	const rows: PdfNode[][] = h.comparison.dimensionIds.map((id) => [
		titles.get(id) ?? id,
		...shown.map((run) => level(ctx, run.dimensions[id])),
		signed(ctx, change(first.dimensions[id], last.dimensions[id]))
	]);
	rows.push(
		[
			ctx.t('report.assessment.overall'),
			...shown.map((run) => level(ctx, run.overall)),
			signed(ctx, change(first.overall, last.overall))
		].map((cell) => ({ text: cell, bold: true }))
	);
	rows.push([
		ctx.t('res.stage'),
		...shown.map((run) => {
			const r = runOf.get(run.id)!;
			const stage = stageOf(r.template.stages, run.overall);
			return stage ? text(ctx, stage.name) : DASH;
		}),
		''
	]);

	return [
		h2(model),
		keyFigures(
			[
				{
					label: ctx.t('report.assessment.firstRun'),
					value: level(ctx, first.overall),
					detail: ctx.day(first.date)
				},
				{
					label: ctx.t('report.assessment.latestRun'),
					value: level(ctx, last.overall),
					detail: ctx.day(last.date)
				},
				{
					label: ctx.t('report.assessment.change'),
					value: signed(ctx, change(first.overall, last.overall)),
					detail: ctx.t('report.assessment.runCount', { count: ctx.number(all.length) })
				}
			],
			accentOf(ctx)
		),
		picture(
			ctx,
			`assessment.runs.${h.templateId}`,
			ctx.t('report.assessment.runsCaption', { model }),
			ctx.page.height * 0.45
		),
		table(columns, rows, accentOf(ctx), shown.length > 4 ? 8 : 9),
		note(ctx.t('res.overTimeHint')),
		...(shown.length < all.length
			? [
					note(
						ctx.t('report.assessment.runsOmitted', {
							shown: ctx.number(shown.length),
							count: ctx.number(all.length)
						})
					)
				]
			: [])
	];
}

const reassessment = (ctx: Ctx): PdfNode[] | null => {
	const histories = runHistories(ctx.content);
	if (histories.length === 0) return null;
	return [
		h1(ctx.t('report.section.reassessment'), 'reassessment'),
		para(ctx.t('report.assessment.reassessIntro')),
		...histories.flatMap((h) => modelHistory(ctx, h))
	];
};

export const assessmentSections: SectionRegistry = { assessment, assessmentDetail, reassessment };
