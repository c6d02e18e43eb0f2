import { toPercent } from '../../assessment/scoring.ts';
import { DEFAULT_DISCOUNT_RATE } from '../../strategy/segments.ts';
import {
	bullets,
	facts,
	h1,
	h2,
	keyFigures,
	note,
	para,
	type Figure,
	type PdfNode
} from '../blocks.ts';
import type { ReportContext } from '../context.ts';
import type { SectionRegistry } from '../sections.ts';
import { gapsByPriority, latestRuns, type ScoredRun } from './assessment.ts';
import {
	caseMoney,
	casePayback,
	casePercent,
	optionLabel,
	preferredOption
} from './business-case.ts';
import { roadmapHeadline } from './roadmap.ts';

/**
 * The executive summary (key figures first: maturity, the preferred option's NPV, ROI and
 * payback, the roadmap's span and next milestones) and the appendix of assumptions and methods.
 * Both quote the other sections' own calculations, so the summary can never disagree with them.
 */

const scoreText = (ctx: ReportContext, r: ScoredRun) => {
	const { current } = r.score.overall;
	if (current === null) return '–';
	return ctx.t('report.summary.scoreOf', {
		score: ctx.number(current, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
		max: ctx.number(r.score.max)
	});
};

const percent100 = (ctx: ReportContext, r: ScoredRun) => {
	const { current } = r.score.overall;
	if (current === null) return '';
	const value = toPercent(current, r.score.min, r.score.max);
	return ctx.t('report.summary.outOf100', {
		value: ctx.number(value, { maximumFractionDigits: 0 })
	});
};

function maturityFigures(ctx: ReportContext, runs: ScoredRun[]): Figure[] {
	return runs.map((r) => ({
		label: ctx.localized(r.template.title),
		value: r.score.stage ? ctx.localized(r.score.stage.name) : scoreText(ctx, r),
		detail: [r.score.stage ? scoreText(ctx, r) : '', percent100(ctx, r)].filter(Boolean).join(' · ')
	}));
}

function caseFigures(ctx: ReportContext): Figure[] {
	const preferred = preferredOption(ctx.content);
	if (!preferred) return [];
	const c = ctx.content.businessCase;
	const name = optionLabel(ctx, c, preferred.option.id);
	const basis = preferred.againstBaseline
		? ctx.t('report.summary.againstBaseline', { option: name })
		: name;
	return [
		{
			label: ctx.t('report.summary.npv'),
			value: caseMoney(ctx, preferred.npv, c.settings.currency),
			detail: basis
		},
		{ label: ctx.t('report.summary.roi'), value: casePercent(ctx, preferred.roi), detail: basis },
		{
			label: ctx.t('report.summary.payback'),
			value: casePayback(ctx, preferred.payback),
			detail: basis
		}
	];
}

function roadmapFigures(ctx: ReportContext): {
	figures: Figure[];
	milestones: string[];
	overdue: number;
} {
	const headline = roadmapHeadline(ctx.content, ctx.options.date, (n) =>
		ctx.t('roadmap.task.untitled', { n })
	);
	if (!headline) return { figures: [], milestones: [], overdue: 0 };
	return {
		figures: [
			{
				label: ctx.t('report.summary.span'),
				value: ctx.t('report.summary.range', {
					start: ctx.day(headline.start),
					finish: ctx.day(headline.finish)
				})
			},
			{
				label: ctx.t('report.summary.complete'),
				value: ctx.percent(headline.percentComplete),
				detail: ctx.t('report.summary.asOf', { date: ctx.day(ctx.options.date) })
			}
		],
		milestones: headline.nextMilestones.map((m) =>
			ctx.t('report.summary.milestone', { title: m.title, date: ctx.day(m.date) })
		),
		overdue: headline.overdue
	};
}

function summary(ctx: ReportContext): PdfNode[] | null {
	const { kind } = ctx.options;
	const { profile, valueProposition } = ctx.content;
	const runs = kind === 'executive' || kind === 'assessment' ? latestRuns(ctx.content) : [];
	const shownRuns = kind === 'executive' ? runs.slice(0, 2) : runs;
	const money = kind === 'executive' || kind === 'businessCase' ? caseFigures(ctx) : [];
	const plan =
		kind === 'executive' || kind === 'projectPlan'
			? roadmapFigures(ctx)
			: { figures: [], milestones: [], overdue: 0 };
	const accent = ctx.options.branding.accent;

	const out: PdfNode[] = [h1(ctx.t('report.section.summary'), 'summary')];
	out.push(
		facts([
			[ctx.t('report.cover.client'), profile.client],
			[ctx.t('report.summary.industry'), profile.industry],
			[ctx.t('report.summary.region'), profile.region],
			[ctx.t('report.cover.sponsor'), profile.sponsor]
		])
	);
	const figures = [...maturityFigures(ctx, shownRuns), ...money, ...plan.figures];
	out.push(keyFigures(figures, accent));

	if (kind === 'executive') {
		const positioning = valueProposition.positioning
			? ctx.t(`positioning.${valueProposition.positioning}`)
			: '';
		if (positioning || valueProposition.brandPromise.trim()) {
			out.push(h2(ctx.t('report.summary.strategy')));
			if (positioning) out.push(para(ctx.t('report.summary.positioning', { positioning })));
			if (valueProposition.brandPromise.trim())
				out.push(
					para(ctx.t('report.summary.promise', { promise: valueProposition.brandPromise.trim() }))
				);
		}
	}
	for (const r of shownRuns) {
		const gaps = gapsByPriority(r.score).slice(0, 3);
		if (gaps.length === 0) continue;
		const titles = new Map(r.template.dimensions.map((d) => [d.id, ctx.localized(d.title)]));
		out.push(h2(ctx.t('report.summary.topGaps', { model: ctx.localized(r.template.title) })));
		out.push(
			bullets(
				gaps.map((d) =>
					ctx.t('report.summary.gap', {
						dimension: titles.get(d.id) ?? d.id,
						gap: ctx.number(d.gap ?? 0, { maximumFractionDigits: 1, minimumFractionDigits: 1 })
					})
				)
			)
		);
	}
	if (plan.milestones.length) {
		out.push(h2(ctx.t('report.summary.nextMilestones')));
		out.push(bullets(plan.milestones));
	}
	if (plan.overdue > 0) out.push(note(ctx.t('report.summary.overdue', { count: plan.overdue })));
	// Nothing but the profile (which the cover already gives): the summary has nothing to sum up.
	const said = out.filter((node) => !(Array.isArray(node) && node.length === 0));
	return said.length > 2 || figures.length > 0 ? said : null;
}

function appendix(ctx: ReportContext): PdfNode[] | null {
	const { content, options } = ctx;
	const parts: PdfNode[] = [];
	const sections = new Set(options.sections);
	const wants = (...ids: string[]) => ids.some((id) => sections.has(id as never));

	if (wants('segments') && content.segments.length > 0) {
		parts.push(h2(ctx.t('report.appendix.segments')));
		parts.push(para(ctx.t('segments.formula', { rate: ctx.percent(DEFAULT_DISCOUNT_RATE) })));
	}
	const runs = latestRuns(content);
	if (wants('assessment', 'assessmentDetail', 'reassessment') && runs.length > 0) {
		parts.push(h2(ctx.t('report.appendix.assessment')));
		parts.push(para(ctx.t('res.method')));
		parts.push(
			bullets(
				runs.map((r) =>
					ctx.t('report.appendix.model', {
						model: ctx.localized(r.template.title),
						version: r.template.version,
						date: ctx.day(r.run.date),
						people: r.run.participants.length
					})
				)
			)
		);
	}
	const c = content.businessCase;
	if (wants('businessCase', 'businessCaseDetail') && preferredOption(content)) {
		parts.push(h2(ctx.t('report.appendix.businessCase')));
		parts.push(
			facts([
				[
					ctx.t('report.appendix.horizon'),
					ctx.t('report.appendix.years', { n: c.settings.horizon })
				],
				[ctx.t('report.appendix.discountRate'), casePercent(ctx, c.settings.discountRate)],
				[ctx.t('report.appendix.currency'), c.settings.currency]
			])
		);
		parts.push(para(ctx.t('report.appendix.yearZero')));
		parts.push(para(ctx.t('case.method')));
	}
	return parts.length
		? [
				h1(ctx.t('report.section.appendix'), 'appendix'),
				...parts,
				note(ctx.t('report.appendix.madeWith', { date: ctx.day(options.date) }))
			]
		: null;
}

export const summarySections: SectionRegistry = { summary, appendix };
