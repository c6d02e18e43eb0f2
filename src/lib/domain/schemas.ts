import { z } from 'zod';
import { COMPANY_SIZES, TEAM_SIDES } from './engagement/profile.ts';
import { NEED_MODES } from './strategy/model.ts';
import { TIERS } from './strategy/segments.ts';
import { MANAGEMENT_MODELS, TACTICS } from './strategy/customer-strategy.ts';
import { CHANNEL_KINDS, readAssignmentKey, readMatrixKey } from './strategy/channels.ts';
import {
	BLANK_CHANGE_PLAN,
	BLANK_PORTER,
	BLANK_SEVEN_S,
	INITIATIVE_STATUSES,
	LEVELS,
	SUPPORTS
} from './strategy/change-plan.ts';
import { POSITIONINGS, VP_KINDS } from './strategy/value-proposition.ts';
import { LOCALES } from './locales.ts';
import type { RefProblem } from './formats/references.ts';
import {
	BENEFIT_DRIVERS,
	COST_CATEGORIES,
	LIMITS,
	blankBusinessCase
} from './business-case/model.ts';
import { EDGE_KINDS, NODE_KINDS, SIDES } from './journey/model.ts';
import {
	GATE_DECISIONS,
	KPI_DIRECTIONS,
	PROJECT_ROLES,
	RACI,
	ROADMAP_LIMITS,
	TASK_STATUSES,
	blankRoadmap
} from './roadmap/model.ts';
import { findCycle } from './roadmap/schedule.ts';
import { YEARS } from './roadmap/calendar.ts';
import {
	ASSESSMENT_TEMPLATE_FORMAT_VERSION,
	ASSESSMENT_TEMPLATE_KIND,
	CONFIDENCES,
	MEASURES,
	templateKey
} from './assessment/model.ts';

/**
 * The zod schemas of the data inside an engagement: the single source of its runtime
 * validation, of its TypeScript types (inferred, see profile.ts and locales.ts) and, through the
 * file formats that use them, of the published JSON Schemas. Only code that validates imports
 * this module, so the app shell does not load zod.
 */

// Zod compiles fast parsers with `new Function` when it may; the app's content security policy
// forbids eval, so it is told not to try (its checks stay the same, only a little slower).
z.config({ jitless: true });

export const localeSchema = z.enum(LOCALES);

/** A text written in each of the three languages (templates and starters carry these). */
export const localizedTextSchema = z.strictObject({
	'zh-CN': z.string(),
	'zh-TW': z.string(),
	en: z.string()
});

const shortText = z.string().max(300);

export const profileSchema = z.strictObject({
	/**
	 * Not blank, but kept as typed (not trimmed): an engagement comes back from its export or
	 * backup with exactly the name it had.
	 */
	name: z.string().max(200).regex(/\S/),
	client: shortText,
	industry: shortText,
	companySize: z.enum(COMPANY_SIZES).nullable(),
	region: shortText,
	currency: z.string().regex(/^[A-Z]{3}$/),
	reportLanguage: localeSchema,
	/** Month (1 = January) in which the client's fiscal year starts. */
	fiscalYearStartMonth: z.number().int().min(1).max(12),
	sponsor: shortText,
	consultant: shortText,
	notes: z.string().max(100_000)
});

export const teamMemberSchema = z.strictObject({
	id: z.string().min(1).max(64),
	name: z.string().max(200),
	role: shortText,
	side: z.enum(TEAM_SIDES),
	email: z.union([z.literal(''), z.email().max(254)])
});

/** The same check as the file format's, so that whatever the form accepts also imports. */
export function isValidEmail(value: string): boolean {
	return teamMemberSchema.shape.email.safeParse(value).success;
}

const id = z.string().min(1).max(64);
/** Money: integer minor units (fen, cents), never negative here. */
const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A rate as a decimal: 0.85 is 85 %. */
const rate = z.number().min(0).max(1);

export const segmentNeedSchema = z.strictObject({
	id,
	text: z.string().max(500),
	/** push: the company pushes it to the customer; pull: the customer asks for it. */
	mode: z.enum(NEED_MODES)
});

export const segmentSchema = z.strictObject({
	id,
	name: z.string().max(200),
	description: z.string().max(5000),
	customers: z.number().int().min(0).max(1e12),
	revenue: money,
	grossMargin: rate,
	retention: rate,
	acquisitionCost: money,
	costToServe: money,
	/** Yearly growth as a decimal, −100 % to +1000 %. */
	growth: z.number().min(-1).max(10),
	/** The tier the user chose over the suggested one, with the reason. */
	tierOverride: z.enum(TIERS).nullable(),
	tierOverrideReason: z.string().max(2000),
	needs: z.array(segmentNeedSchema).max(500),
	/* Customer strategy, its four elements (fields added after the first files: all default). */
	/** Understanding: what is known about these customers, and where it comes from. */
	understanding: z.string().max(5000).default(''),
	sources: z.string().max(2000).default(''),
	/** Competition: the share of these customers to keep, and the share-of-wallet goal. */
	shareToKeep: rate.nullable().default(null),
	walletGoal: rate.nullable().default(null),
	/** Affinity: the cross-selling and up-selling offers the bond makes possible. */
	crossSell: z.string().max(2000).default(''),
	upSell: z.string().max(2000).default(''),
	/** Management: who owns these customers. */
	management: z.enum(MANAGEMENT_MODELS).nullable().default(null),
	managementNotes: z.string().max(2000).default(''),
	/** Relationship tactics picked from the library. */
	tactics: z.array(z.enum(TACTICS)).max(TACTICS.length).default([])
});

export const vpItemSchema = z.strictObject({
	id,
	kind: z.enum(VP_KINDS),
	/** The segment of a job, pain or gain; null for the company side. */
	segmentId: id.nullable(),
	text: z.string().max(1000),
	/** Relievers: the pains they relieve; creators: the gains they create (item ids). */
	addresses: z.array(id).max(200)
});

export const valuePropositionSchema = z.strictObject({
	/** Porter's generic strategy. */
	positioning: z.enum(POSITIONINGS).nullable(),
	positioningRationale: z.string().max(5000),
	brandPromise: z.string().max(2000),
	/** In ranked order: within a segment and kind, earlier means more important. */
	items: z.array(vpItemSchema).max(5_000)
});

const side = z.strictObject({ today: z.string().max(5000), target: z.string().max(5000) });

export const initiativeSchema = z.strictObject({
	id,
	support: z.enum(SUPPORTS),
	title: z.string().max(300),
	description: z.string().max(5000),
	owner: z.string().max(200),
	effort: z.enum(LEVELS).nullable(),
	impact: z.enum(LEVELS).nullable(),
	status: z.enum(INITIATIVE_STATUSES)
});

/** The five supports of the change plan, today and target, and the initiatives between them. */
export const changePlanSchema = z.strictObject({
	supports: z.strictObject({
		processes: side,
		organisation: side,
		locations: side,
		dataFlows: side,
		technology: side
	}),
	initiatives: z.array(initiativeSchema).max(2_000)
});

/** A 1–5 rating, or null when not rated. */
const rating = z.number().int().min(1).max(5).nullable();
const sElement = z.strictObject({
	today: z.string().max(5000),
	target: z.string().max(5000),
	alignment: rating
});

/** McKinsey 7-S: each element today and as targeted, and how well it is aligned (1–5). */
export const sevenSSchema = z.strictObject({
	strategy: sElement,
	structure: sElement,
	systems: sElement,
	style: sElement,
	staff: sElement,
	skills: sElement,
	sharedValues: sElement
});

const condition = z.strictObject({ rating, notes: z.string().max(2000) });

/** Porter's favourable conditions for the client's market, each rated 1–5 (5: most favourable). */
export const porterSchema = z.strictObject({
	entryBarriers: condition,
	rivals: condition,
	substitutes: condition,
	buyers: condition,
	suppliers: condition
});

export const channelSchema = z.strictObject({
	id,
	kind: z.enum(CHANNEL_KINDS),
	name: z.string().max(200),
	/** What one contact through this channel costs, in minor units. */
	costPerContact: money
});

export const channelConflictSchema = z.strictObject({
	id,
	description: z.string().max(2000),
	channelIds: z.array(id).max(100),
	resolution: z.string().max(2000)
});

/** Channels and products: the channel list, the matrices and the conflicts. */
export const channelsSchema = z.strictObject({
	list: z.array(channelSchema).max(500),
	/** `segmentId:channelId` → 1 (low), 2 (medium) or 3 (high); absent means not used. */
	preferences: z.record(z.string().max(140), z.number().int().min(1).max(3)),
	/** `offeringId:channelId:segmentId` for each product or service sold through a channel to a segment. */
	assignments: z.array(z.string().max(210)).max(100_000),
	conflicts: z.array(channelConflictSchema).max(500)
});

/** An experience rating, −2 (very poor) to +2 (excellent), or null when not rated. */
const experience = z.number().int().min(-2).max(2).nullable();

export const journeyStageSchema = z.strictObject({ id, name: z.string().max(200) });

export const touchpointSchema = z.strictObject({
	id,
	stageId: id,
	/** null: not tied to a channel yet. */
	channelId: id.nullable(),
	/** The segments that meet this touchpoint; null: every segment. */
	segmentIds: z.array(id).max(2_000).nullable(),
	name: z.string().max(200),
	/** The department that owns the touchpoint. */
	department: z.string().max(200),
	description: z.string().max(5000),
	pains: z.string().max(5000),
	/** A moment of truth: the contact that makes or breaks the relationship. */
	momentOfTruth: z.boolean(),
	ratingToday: experience,
	ratingTarget: experience,
	/** What happens today, and what should happen. */
	today: z.string().max(5000),
	target: z.string().max(5000),
	/** The change-plan initiative that moves it from today to target. */
	initiativeId: id.nullable()
});

/** The touchpoint map: journey stages in order, and the touchpoints (in order within a stage). */
export const journeySchema = z.strictObject({
	stages: z.array(journeyStageSchema).max(100),
	touchpoints: z.array(touchpointSchema).max(5_000)
});

export const workflowNodeSchema = z.strictObject({
	id,
	/** Today's workflow or the target one. */
	side: z.enum(SIDES),
	kind: z.enum(NODE_KINDS),
	label: z.string().max(200)
});

export const workflowEdgeSchema = z.strictObject({
	id,
	side: z.enum(SIDES),
	from: id,
	to: id,
	kind: z.enum(EDGE_KINDS),
	label: z.string().max(200)
});

/** The workflow and internal relationships, today and as targeted. */
export const workflowsSchema = z.strictObject({
	nodes: z.array(workflowNodeSchema).max(2_000),
	edges: z.array(workflowEdgeSchema).max(5_000)
});

/** A diagram written directly in Mermaid. */
export const freeDiagramSchema = z.strictObject({
	id,
	title: z.string().max(200),
	text: z.string().max(50_000)
});

/* ---------- assessments ---------- */

/** A text a template must give in each of the three languages (none left empty). */
const filledText = (max: number) => z.string().trim().min(1).max(max);
export const templateText = (max = 2000) =>
	z.strictObject({ 'zh-CN': filledText(max), 'zh-TW': filledText(max), en: filledText(max) });
/** Ids inside a template: lower-case letters, digits and hyphens, stable across its versions. */
export const templateRef = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
export const semver = z.string().regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/);
/** A weight: any positive number; only the ratios between weights matter. */
const weight = z.number().gt(0).max(1000);
const levelValue = z.number().int().min(0).max(10);

const questionSchema = z.strictObject({
	id: templateRef,
	text: templateText(),
	/** What to look for, shown under the question. */
	help: templateText().optional(),
	weight: weight.default(1),
	/** Descriptors for this question's levels, where the scale's general ones are not enough. */
	levels: z
		.array(z.strictObject({ value: levelValue, descriptor: templateText() }))
		.max(11)
		.optional()
});

const dimensionSchema = z.strictObject({
	id: templateRef,
	title: templateText(200),
	description: templateText().optional(),
	weight: weight.default(1),
	questions: z.array(questionSchema).min(1).max(500)
});

const recommendationRuleSchema = z.strictObject({
	id: templateRef,
	/** The dimension or the question whose aggregate score the rule reads (exactly one). */
	dimension: templateRef.optional(),
	question: templateRef.optional(),
	/** The current level (default), or the gap from current to target, in levels. */
	measure: z.enum(MEASURES).default('current'),
	/** The rule fires when the measure lies within [min, max] (either may be left out). */
	min: z.number().min(-10).max(10).optional(),
	max: z.number().min(-10).max(10).optional(),
	text: templateText(),
	/** An initiative the recommendation suggests for the change plan or the roadmap. */
	initiative: z
		.strictObject({
			support: z.enum(SUPPORTS),
			title: templateText(300),
			description: templateText().optional()
		})
		.optional()
});

export const assessmentTemplateSchema = z
	.strictObject({
		kind: z.literal(ASSESSMENT_TEMPLATE_KIND),
		formatVersion: z.literal(ASSESSMENT_TEMPLATE_FORMAT_VERSION),
		id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
		/** A published version is never edited: a change gets a new version. */
		version: semver,
		title: templateText(200),
		description: templateText(),
		/** Where the model comes from, and under which licence the file may be used. */
		source: z.string().trim().min(1).max(1000),
		licence: z.string().trim().min(1).max(300),
		/** Score the plan (intention) and the practice in use (reality) apart. */
		dualScoring: z.boolean().default(false),
		/** The levels, lowest first, consecutive whole numbers (for example 1 to 5). */
		scale: z
			.array(
				z.strictObject({ value: levelValue, label: templateText(100), descriptor: templateText() })
			)
			.min(2)
			.max(11),
		dimensions: z.array(dimensionSchema).min(1).max(50),
		/** Maturity stages, lowest first; a stage starts at `from` on the level scale. */
		stages: z
			.array(
				z.strictObject({
					id: templateRef,
					from: z.number().min(0).max(10),
					name: templateText(100),
					description: templateText()
				})
			)
			.min(1)
			.max(11),
		recommendations: z.array(recommendationRuleSchema).max(2000).default([])
	})
	.superRefine((t, ctx) => {
		const problem = (path: (string | number)[], problem: RefProblem, ref = '') =>
			ctx.addIssue({ code: 'custom', path, params: { problem, ref } });
		t.scale.forEach((l, i) => {
			if (i > 0 && l.value !== t.scale[i - 1]!.value + 1)
				problem(['scale', i, 'value'], 'levelsNotConsecutive', String(l.value));
		});
		const min = t.scale[0]!.value;
		const max = t.scale[t.scale.length - 1]!.value;
		const levels = new Set(t.scale.map((l) => l.value));
		const dimensions = new Set<string>();
		const questions = new Set<string>();
		t.dimensions.forEach((d, i) => {
			if (dimensions.has(d.id)) problem(['dimensions', i, 'id'], 'duplicateId', d.id);
			dimensions.add(d.id);
			d.questions.forEach((q, j) => {
				const at = ['dimensions', i, 'questions', j];
				if (questions.has(q.id)) problem([...at, 'id'], 'duplicateId', q.id);
				questions.add(q.id);
				const seen = new Set<number>();
				q.levels?.forEach((l, k) => {
					if (!levels.has(l.value) || seen.has(l.value))
						problem([...at, 'levels', k, 'value'], 'levelNotOnScale', String(l.value));
					seen.add(l.value);
				});
			});
		});
		const stages = new Set<string>();
		t.stages.forEach((s, i) => {
			if (stages.has(s.id)) problem(['stages', i, 'id'], 'duplicateId', s.id);
			stages.add(s.id);
			if (i === 0 ? s.from !== min : s.from <= t.stages[i - 1]!.from || s.from > max)
				problem(['stages', i, 'from'], 'thresholdOrder', String(s.from));
		});
		const rules = new Set<string>();
		t.recommendations.forEach((r, i) => {
			const at = ['recommendations', i];
			if (rules.has(r.id)) problem([...at, 'id'], 'duplicateId', r.id);
			rules.add(r.id);
			if ((r.dimension === undefined) === (r.question === undefined)) problem(at, 'oneScope');
			if (r.dimension !== undefined && !dimensions.has(r.dimension))
				problem([...at, 'dimension'], 'unknownDimension', r.dimension);
			if (r.question !== undefined && !questions.has(r.question))
				problem([...at, 'question'], 'unknownQuestion', r.question);
			if (r.min !== undefined && r.max !== undefined && r.min > r.max)
				problem([...at, 'max'], 'rangeOrder', String(r.max));
		});
	})
	.meta({
		title: 'CRM Strategy Workbench assessment template',
		description:
			'A maturity or readiness model: a level scale, weighted dimensions of questions, stages and recommendation rules, with texts in zh-CN, zh-TW and en.'
	});

/** Ids that the engagement document joins with ':' into keys may not hold one. */
const keyId = id.regex(/^[^:]+$/);

export const assessmentParticipantSchema = z.strictObject({
	id: keyId,
	/** Empty for an anonymous participant. */
	name: z.string().max(200),
	role: z.string().max(200),
	department: z.string().max(200)
});

const answerLevel = levelValue.nullable();

export const assessmentAnswerSchema = z.strictObject({
	participantId: id,
	questionId: templateRef,
	/** Today's level (in a dual-scored template: the practice in use, its reality). */
	current: answerLevel,
	target: answerLevel,
	/** Dual-scored templates only: the level the plans describe (intention). */
	intention: answerLevel,
	/** Not applicable, which needs a reason; the answer's levels then count for nothing. */
	na: z.boolean(),
	naReason: z.string().max(2000),
	evidence: z.string().max(5000),
	confidence: z.enum(CONFIDENCES).nullable()
});

export const assessmentSchema = z.strictObject({
	id: keyId,
	title: z.string().max(200),
	/** The template version this run was started with (kept in assessmentTemplates). */
	templateId: templateRef,
	templateVersion: semver,
	/** The day of the workshop, YYYY-MM-DD. */
	date: z.iso.date(),
	notes: z.string().max(10_000),
	participants: z.array(assessmentParticipantSchema).max(500),
	answers: z.array(assessmentAnswerSchema).max(200_000),
	/** Questions whose scores have been revealed in the facilitator view. */
	revealed: z.array(templateRef).max(5_000),
	/** Recommendation rule → the initiative it was added as. */
	initiatives: z.record(templateRef, id)
});

/* ---------- business case ---------- */

const between = (limits: { min: number; max: number }) =>
	z.number().min(limits.min).max(limits.max);
const yearIndex = z.number().int().min(0).max(LIMITS.horizon.max);
/** Low and high as multiples of the likely value; low ≤ 1 ≤ high. */
const rangeSchema = z
	.strictObject({ low: between(LIMITS.range), high: between(LIMITS.range) })
	.refine((r) => r.low <= 1 && r.high >= 1, {
		path: ['low'],
		params: { problem: 'rangeAroundOne' }
	});

export const caseOptionSchema = z.strictObject({
	id,
	name: z.string().max(200),
	description: z.string().max(2000),
	baseline: z.boolean()
});

export const costLineSchema = z.strictObject({
	id,
	optionId: id,
	category: z.enum(COST_CATEGORIES),
	label: z.string().max(300),
	recurring: z.boolean(),
	startYear: yearIndex,
	endYear: yearIndex.nullable(),
	entry: z.enum(['amount', 'unit']),
	amount: money,
	quantity: z.number().min(0).max(1e9),
	unitPrice: money,
	growth: between(LIMITS.growth),
	listPrice: z.boolean(),
	range: rangeSchema
});

export const benefitLineSchema = z.strictObject({
	id,
	optionId: id,
	driver: z.enum(BENEFIT_DRIVERS),
	label: z.string().max(300),
	rationale: z.string().max(2000),
	segmentId: id.nullable(),
	rate: z.number().min(0).max(1),
	unitValue: money,
	count: z.number().min(0).max(1e9),
	fromChannelId: id.nullable(),
	toChannelId: id.nullable(),
	amount: money,
	rampUp: z.array(z.number().min(0).max(1)).max(LIMITS.horizon.max),
	risk: between(LIMITS.risk),
	range: rangeSchema
});

export const businessCaseSchema = z.strictObject({
	settings: z.strictObject({
		horizon: z.number().int().min(LIMITS.horizon.min).max(LIMITS.horizon.max),
		discountRate: between(LIMITS.discountRate),
		currency: z.string().regex(/^[A-Z]{3}$/)
	}),
	options: z.array(caseOptionSchema).max(20),
	costs: z.array(costLineSchema).max(2_000),
	benefits: z.array(benefitLineSchema).max(2_000),
	preferredOptionId: id.nullable()
});

/* ---------- roadmap ---------- */

/** A calendar day, YYYY-MM-DD (a date, never an instant). */
const isoDay = z.iso.date().refine(
	// The year only: a date that is not a real one already has zod's own message.
	(v) => Number(v.slice(0, 4)) >= YEARS.min && Number(v.slice(0, 4)) <= YEARS.max,
	{ params: { problem: 'dateOutOfRange' } }
);
const L = ROADMAP_LIMITS;

export const phaseSchema = z.strictObject({
	id: keyId,
	title: z.string().max(L.title),
	goal: z.string().max(L.text),
	/** The planned window of the phase (its tasks' dates come from the schedule). */
	start: isoDay.nullable(),
	end: isoDay.nullable(),
	exitCriteria: z.string().max(L.text)
});

export const kpiSchema = z.strictObject({
	id,
	phaseId: id,
	metric: z.string().max(L.title),
	unit: z.string().max(50),
	direction: z.enum(KPI_DIRECTIONS),
	baseline: between(L.kpiValue).nullable(),
	target: between(L.kpiValue).nullable(),
	/** Measured values, one per period (dated by the period's last day). */
	actuals: z.array(z.strictObject({ date: isoDay, value: between(L.kpiValue) })).max(1000)
});

export const gateReviewSchema = z.strictObject({
	id,
	phaseId: id,
	date: isoDay.nullable(),
	decision: z.enum(GATE_DECISIONS).nullable(),
	notes: z.string().max(L.text),
	/** The re-assessment run for this gate, if one was. */
	assessmentId: id.nullable()
});

export const roadmapTaskSchema = z.strictObject({
	id: keyId,
	/** null: not in a phase yet. */
	phaseId: id.nullable(),
	title: z.string().max(L.title),
	milestone: z.boolean(),
	/** A member of the engagement's team. */
	ownerId: id.nullable(),
	role: z.enum(PROJECT_ROLES).nullable(),
	/** The earliest day it may start; null: as soon as its predecessors allow. */
	start: isoDay.nullable(),
	/** Working days (0 for a milestone). */
	duration: z.number().int().min(L.duration.min).max(L.duration.max),
	/** Finish-to-start: the tasks that must finish before this one starts. */
	dependsOn: z.array(keyId).max(200),
	status: z.enum(TASK_STATUSES),
	percent: z.number().int().min(0).max(100),
	/** Person-days. */
	effort: between(L.effort).nullable(),
	/** The business-case cost line this task spends. */
	costLineId: id.nullable(),
	/** Where the task came from. */
	origin: z
		.discriminatedUnion('kind', [
			z.strictObject({ kind: z.literal('initiative'), initiativeId: id }),
			z.strictObject({ kind: z.literal('recommendation'), assessmentId: id, ruleId: templateRef })
		])
		.nullable(),
	notes: z.string().max(L.text)
});

export const baselineSchema = z.strictObject({
	id,
	name: z.string().max(200),
	savedOn: isoDay,
	/** Each task's scheduled first and last day when the baseline was saved. */
	tasks: z.record(id, z.strictObject({ start: isoDay, finish: isoDay }))
});

export const roadmapSchema = z.strictObject({
	settings: z.strictObject({
		/** The day the plan starts; null until one is set. */
		start: isoDay.nullable(),
		excludeWeekends: z.boolean(),
		holidays: z.array(isoDay).max(L.holidays)
	}),
	phases: z.array(phaseSchema).max(L.phases),
	tasks: z.array(roadmapTaskSchema).max(L.tasks),
	kpis: z.array(kpiSchema).max(1000),
	gates: z.array(gateReviewSchema).max(1000),
	/** Team member id → the role they play in the project. */
	roles: z.record(id, z.enum(PROJECT_ROLES)),
	/** `phaseId:memberId` → responsible, accountable, consulted or informed. */
	raci: z.record(z.string().max(130), z.enum(RACI)),
	baselines: z.array(baselineSchema).max(L.baselines)
});

/** Everything an engagement holds. Later areas add their parts here. */
export const engagementContentSchema = z
	.strictObject({
		profile: profileSchema,
		team: z.array(teamMemberSchema).max(10_000),
		/** Added after the first files were written; a file without it has no segments. */
		segments: z.array(segmentSchema).max(2_000).default([]),
		valueProposition: valuePropositionSchema.default({
			positioning: null,
			positioningRationale: '',
			brandPromise: '',
			items: []
		}),
		changePlan: changePlanSchema.default(() => structuredClone(BLANK_CHANGE_PLAN)),
		sevenS: sevenSSchema.default(() => structuredClone(BLANK_SEVEN_S)),
		porter: porterSchema.default(() => structuredClone(BLANK_PORTER)),
		channels: channelsSchema.default({ list: [], preferences: {}, assignments: [], conflicts: [] }),
		/** Workshop answers, by question id (see domain/strategy/questions.ts). */
		answers: z.record(z.string().regex(/^[a-z0-9-]{1,64}$/), z.string().max(10_000)).default({}),
		/* Touchpoint maps and diagrams (added after the first files: all default to empty). */
		journey: journeySchema.default({ stages: [], touchpoints: [] }),
		workflows: workflowsSchema.default({ nodes: [], edges: [] }),
		diagrams: z.array(freeDiagramSchema).max(200).default([]),
		/* Assessments (added after the first files: default to none). Each run pins its
		   template version, kept here so that the engagement travels with it. */
		assessmentTemplates: z.array(assessmentTemplateSchema).max(200).default([]),
		assessments: z.array(assessmentSchema).max(500).default([]),
		/* The business case (added after the first files: defaults to an empty one in USD;
		   files written since carry it). */
		businessCase: businessCaseSchema.default(() => blankBusinessCase('USD')),
		/* The roadmap (added after the first files: defaults to an empty one). */
		roadmap: roadmapSchema.default(() => blankRoadmap())
	})
	.superRefine((content, ctx) => {
		// A touchpoint without its stage, or an edge without its nodes, would vanish on reading:
		// refuse the file instead, naming the place.
		const stages = new Set(content.journey.stages.map((s) => s.id));
		content.journey.touchpoints.forEach((t, i) => {
			if (!stages.has(t.stageId))
				ctx.addIssue({
					code: 'custom',
					path: ['journey', 'touchpoints', i, 'stageId'],
					params: { problem: 'unknownStage', ref: t.stageId }
				});
		});
		const sideOf = new Map(content.workflows.nodes.map((n) => [n.id, n.side]));
		content.workflows.edges.forEach((e, i) => {
			for (const end of ['from', 'to'] as const)
				if (sideOf.get(e[end]) !== e.side)
					ctx.addIssue({
						code: 'custom',
						path: ['workflows', 'edges', i, end],
						params: { problem: 'unknownNode', ref: e[end] }
					});
		});
		checkLinks(content, ctx);
		checkAssessments(content, ctx);
		checkBusinessCase(content, ctx);
		checkRoadmap(content, ctx);
	});

/**
 * The strategy areas' links name records that exist, and each list holds an id once: the
 * document keeps one record per id and drops links that name nothing, so a file with either
 * would lose part of itself on import without a word.
 */
function checkLinks(
	content: {
		team: { id: string }[];
		segments: z.infer<typeof segmentSchema>[];
		valueProposition: z.infer<typeof valuePropositionSchema>;
		changePlan: { initiatives: { id: string }[] };
		channels: z.infer<typeof channelsSchema>;
		journey: z.infer<typeof journeySchema>;
		workflows: z.infer<typeof workflowsSchema>;
		diagrams: { id: string }[];
		assessments: z.infer<typeof assessmentSchema>[];
		businessCase: z.infer<typeof businessCaseSchema>;
		roadmap: z.infer<typeof roadmapSchema>;
	},
	ctx: z.RefinementCtx
) {
	const issue = (path: (string | number)[], problem: RefProblem, ref: string) =>
		ctx.addIssue({ code: 'custom', path, params: { problem, ref } });
	const unique = (list: readonly { id: string }[], path: (string | number)[]) => {
		const seen = new Set<string>();
		list.forEach((x, i) => {
			if (seen.has(x.id)) issue([...path, i, 'id'], 'duplicateId', x.id);
			seen.add(x.id);
		});
		return seen;
	};
	const vp = content.valueProposition;
	unique(content.team, ['team']);
	const segments = unique(content.segments, ['segments']);
	content.segments.forEach((s, i) => unique(s.needs, ['segments', i, 'needs']));
	const items = unique(vp.items, ['valueProposition', 'items']);
	const initiatives = unique(content.changePlan.initiatives, ['changePlan', 'initiatives']);
	const channels = unique(content.channels.list, ['channels', 'list']);
	unique(content.channels.conflicts, ['channels', 'conflicts']);
	unique(content.journey.stages, ['journey', 'stages']);
	unique(content.journey.touchpoints, ['journey', 'touchpoints']);
	unique(content.workflows.nodes, ['workflows', 'nodes']);
	unique(content.workflows.edges, ['workflows', 'edges']);
	unique(content.diagrams, ['diagrams']);
	unique(content.assessments, ['assessments']);
	// The people of all runs are kept in one list: an id once in the whole engagement.
	const people = new Set<string>();
	content.assessments.forEach((a, i) =>
		a.participants.forEach((p, j) => {
			if (people.has(p.id)) issue(['assessments', i, 'participants', j, 'id'], 'duplicateId', p.id);
			people.add(p.id);
		})
	);
	const c = content.businessCase;
	unique(c.options, ['businessCase', 'options']);
	unique(c.costs, ['businessCase', 'costs']);
	unique(c.benefits, ['businessCase', 'benefits']);
	unique(content.roadmap.kpis, ['roadmap', 'kpis']);
	unique(content.roadmap.gates, ['roadmap', 'gates']);
	unique(content.roadmap.baselines, ['roadmap', 'baselines']);

	const known = (set: Set<string>, ref: string, path: (string | number)[], problem: RefProblem) => {
		if (!set.has(ref)) issue(path, problem, ref);
	};
	vp.items.forEach((item, i) => {
		const at = ['valueProposition', 'items', i];
		if (item.segmentId !== null)
			known(segments, item.segmentId, [...at, 'segmentId'], 'unknownSegment');
		item.addresses.forEach((a, j) => known(items, a, [...at, 'addresses', j], 'unknownItem'));
	});
	content.channels.conflicts.forEach((conflict, i) =>
		conflict.channelIds.forEach((ch, j) =>
			known(channels, ch, ['channels', 'conflicts', i, 'channelIds', j], 'unknownChannel')
		)
	);
	for (const key of Object.keys(content.channels.preferences)) {
		const { segmentId, channelId } = readMatrixKey(key);
		const at = ['channels', 'preferences', key];
		if (!segments.has(segmentId)) issue(at, 'unknownSegment', segmentId);
		else known(channels, channelId, at, 'unknownChannel');
	}
	content.channels.assignments.forEach((key, i) => {
		const { offeringId, channelId, segmentId } = readAssignmentKey(key);
		const at = ['channels', 'assignments', i];
		if (!items.has(offeringId)) issue(at, 'unknownItem', offeringId);
		else if (!channels.has(channelId)) issue(at, 'unknownChannel', channelId);
		else known(segments, segmentId, at, 'unknownSegment');
	});
	content.journey.touchpoints.forEach((t, i) => {
		const at = ['journey', 'touchpoints', i];
		if (t.channelId !== null) known(channels, t.channelId, [...at, 'channelId'], 'unknownChannel');
		if (t.initiativeId !== null)
			known(initiatives, t.initiativeId, [...at, 'initiativeId'], 'unknownInitiative');
		t.segmentIds?.forEach((s, j) => known(segments, s, [...at, 'segmentIds', j], 'unknownSegment'));
	});
}

/** Every reference in the roadmap names something that exists; dependencies make no loop. */
function checkRoadmap(
	content: {
		roadmap: z.infer<typeof roadmapSchema>;
		team: { id: string }[];
		assessments: { id: string }[];
		changePlan: { initiatives: { id: string }[] };
		businessCase: { costs: { id: string }[] };
	},
	ctx: z.RefinementCtx
) {
	const r = content.roadmap;
	const issue = (path: (string | number)[], problem: RefProblem, ref: string) =>
		ctx.addIssue({ code: 'custom', path: ['roadmap', ...path], params: { problem, ref } });
	const ids = (list: { id: string }[]) => new Set(list.map((x) => x.id));
	const phases = ids(r.phases);
	const tasks = ids(r.tasks);
	const team = ids(content.team);
	const assessments = ids(content.assessments);
	const initiatives = ids(content.changePlan.initiatives);
	const costs = ids(content.businessCase.costs);
	const unique = (list: { id: string }[], name: string) =>
		list.forEach((x, i) => {
			if (list.findIndex((y) => y.id === x.id) !== i) issue([name, i, 'id'], 'duplicateId', x.id);
		});
	unique(r.phases, 'phases');
	unique(r.tasks, 'tasks');
	r.phases.forEach((p, i) => {
		if (p.start !== null && p.end !== null && p.end < p.start)
			issue(['phases', i, 'end'], 'endBeforeStart', p.end);
	});
	r.tasks.forEach((t, i) => {
		const at = ['tasks', i];
		if (t.phaseId !== null && !phases.has(t.phaseId))
			issue([...at, 'phaseId'], 'unknownPhase', t.phaseId);
		if (t.ownerId !== null && !team.has(t.ownerId))
			issue([...at, 'ownerId'], 'unknownMember', t.ownerId);
		if (t.costLineId !== null && !costs.has(t.costLineId))
			issue([...at, 'costLineId'], 'unknownCostLine', t.costLineId);
		if (t.milestone && t.duration !== 0) issue([...at, 'duration'], 'milestoneDuration', '');
		t.dependsOn.forEach((d, j) => {
			if (!tasks.has(d)) issue([...at, 'dependsOn', j], 'unknownTask', d);
		});
		const o = t.origin;
		if (o?.kind === 'initiative' && !initiatives.has(o.initiativeId))
			issue([...at, 'origin', 'initiativeId'], 'unknownInitiative', o.initiativeId);
		if (o?.kind === 'recommendation' && !assessments.has(o.assessmentId))
			issue([...at, 'origin', 'assessmentId'], 'unknownAssessment', o.assessmentId);
	});
	const cycle = tasks.size === r.tasks.length ? findCycle(r.tasks) : null;
	if (cycle) {
		const names = cycle.map((id) => r.tasks.find((t) => t.id === id)?.title.trim() || id);
		issue(['tasks'], 'dependencyCycle', [...names, names[0]].join(' → '));
	}
	r.kpis.forEach((k, i) => {
		if (!phases.has(k.phaseId)) issue(['kpis', i, 'phaseId'], 'unknownPhase', k.phaseId);
		// One value per period: the document keeps one per date.
		const dates = new Set<string>();
		k.actuals.forEach((a, j) => {
			if (dates.has(a.date)) issue(['kpis', i, 'actuals', j, 'date'], 'duplicateId', a.date);
			dates.add(a.date);
		});
	});
	r.gates.forEach((g, i) => {
		if (!phases.has(g.phaseId)) issue(['gates', i, 'phaseId'], 'unknownPhase', g.phaseId);
		if (g.assessmentId !== null && !assessments.has(g.assessmentId))
			issue(['gates', i, 'assessmentId'], 'unknownAssessment', g.assessmentId);
	});
	for (const member of Object.keys(r.roles))
		if (!team.has(member)) issue(['roles', member], 'unknownMember', member);
	for (const key of Object.keys(r.raci)) {
		const cut = key.indexOf(':');
		const phase = cut < 0 ? key : key.slice(0, cut);
		const member = cut < 0 ? '' : key.slice(cut + 1);
		if (!phases.has(phase)) issue(['raci', key], 'unknownPhase', phase);
		else if (!team.has(member)) issue(['raci', key], 'unknownMember', member);
	}
}

/** Lines belong to an option of the case; drivers name segments and channels that exist. */
function checkBusinessCase(
	content: {
		businessCase: z.infer<typeof businessCaseSchema>;
		segments: { id: string }[];
		channels: { list: { id: string }[] };
	},
	ctx: z.RefinementCtx
) {
	const c = content.businessCase;
	const issue = (path: (string | number)[], problem: RefProblem, ref: string) =>
		ctx.addIssue({ code: 'custom', path: ['businessCase', ...path], params: { problem, ref } });
	const options = new Set(c.options.map((o) => o.id));
	const segments = new Set(content.segments.map((s) => s.id));
	const channels = new Set(content.channels.list.map((ch) => ch.id));
	if (c.options.filter((o) => o.baseline).length > 1) issue(['options'], 'oneBaseline', '');
	if (c.preferredOptionId !== null && !options.has(c.preferredOptionId))
		issue(['preferredOptionId'], 'unknownOption', c.preferredOptionId);
	c.costs.forEach((l, i) => {
		if (!options.has(l.optionId)) issue(['costs', i, 'optionId'], 'unknownOption', l.optionId);
		if (l.endYear !== null && l.endYear < l.startYear)
			issue(['costs', i, 'endYear'], 'rangeOrder', String(l.endYear));
	});
	c.benefits.forEach((l, i) => {
		if (!options.has(l.optionId)) issue(['benefits', i, 'optionId'], 'unknownOption', l.optionId);
		if (l.segmentId !== null && !segments.has(l.segmentId))
			issue(['benefits', i, 'segmentId'], 'unknownSegment', l.segmentId);
		for (const end of ['fromChannelId', 'toChannelId'] as const) {
			const ref = l[end];
			if (ref !== null && !channels.has(ref)) issue(['benefits', i, end], 'unknownChannel', ref);
		}
	});
}

/** Each run's template is kept, and its answers name its participants and its questions. */
function checkAssessments(
	content: {
		assessmentTemplates: z.infer<typeof assessmentTemplateSchema>[];
		assessments: z.infer<typeof assessmentSchema>[];
	},
	ctx: z.RefinementCtx
) {
	const templates = new Map<string, z.infer<typeof assessmentTemplateSchema>>();
	content.assessmentTemplates.forEach((t, i) => {
		const key = templateKey(t.id, t.version);
		// One copy per version: a second one would be dropped on reading.
		if (templates.has(key))
			ctx.addIssue({
				code: 'custom',
				path: ['assessmentTemplates', i, 'version'],
				params: { problem: 'duplicateId', ref: key }
			});
		templates.set(key, t);
	});
	content.assessments.forEach((a, i) => {
		const at = ['assessments', i];
		const template = templates.get(templateKey(a.templateId, a.templateVersion));
		if (!template) {
			ctx.addIssue({
				code: 'custom',
				path: [...at, 'templateVersion'],
				params: { problem: 'unknownTemplate', ref: templateKey(a.templateId, a.templateVersion) }
			});
			return;
		}
		const questions = new Set(template.dimensions.flatMap((d) => d.questions.map((q) => q.id)));
		const participants = new Set(a.participants.map((p) => p.id));
		const levels = new Set(template.scale.map((l) => l.value));
		const seen = new Set<string>();
		a.answers.forEach((answer, j) => {
			const where = [...at, 'answers', j];
			const issue = (field: string, problem: RefProblem, ref: string) =>
				ctx.addIssue({ code: 'custom', path: [...where, field], params: { problem, ref } });
			if (!participants.has(answer.participantId))
				issue('participantId', 'unknownParticipant', answer.participantId);
			if (!questions.has(answer.questionId))
				issue('questionId', 'unknownQuestion', answer.questionId);
			const key = `${answer.participantId}:${answer.questionId}`;
			if (seen.has(key)) issue('questionId', 'duplicateId', answer.questionId);
			seen.add(key);
			for (const field of ['current', 'target', 'intention'] as const) {
				const v = answer[field];
				if (v !== null && !levels.has(v)) issue(field, 'levelNotOnScale', String(v));
			}
			if (answer.na && answer.naReason.trim() === '') issue('naReason', 'naWithoutReason', '');
		});
	});
}
