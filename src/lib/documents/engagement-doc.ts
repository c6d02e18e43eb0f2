import * as Y from 'yjs';
import {
	COMPANY_SIZES,
	TEAM_SIDES,
	blankProfile,
	type EngagementContent,
	type Profile,
	type ProfileField,
	type TeamMember
} from '../domain/engagement/profile.ts';
import { isLocale } from '../domain/locales.ts';
import { isOneOf, oneOf } from '../domain/one-of.ts';
import {
	NEED_MODES,
	type Segment,
	type SegmentNeed,
	type ChangePlan,
	type Channel,
	type ChannelConflict,
	type Initiative,
	type PorterView,
	type SevenSView,
	type ValueProposition,
	type VpItem
} from '../domain/strategy/model.ts';
import { POSITIONINGS, VP_KINDS } from '../domain/strategy/value-proposition.ts';
import { TIERS } from '../domain/strategy/segments.ts';
import { MANAGEMENT_MODELS, TACTICS } from '../domain/strategy/customer-strategy.ts';
import { CHANNEL_KINDS, readAssignmentKey, readMatrixKey } from '../domain/strategy/channels.ts';
import {
	INITIATIVE_STATUSES,
	LEVELS,
	PORTER_CONDITIONS,
	SEVEN_S,
	SUPPORTS,
	type PorterCondition,
	type SevenS,
	type Support
} from '../domain/strategy/change-plan.ts';
import {
	EDGE_KINDS,
	NODE_KINDS,
	SIDES,
	isRating,
	type FreeDiagram,
	type JourneyStage,
	type Side,
	type Touchpoint,
	type WorkflowEdge,
	type WorkflowNode
} from '../domain/journey/model.ts';
import {
	ASSESSMENT_TEMPLATE_KIND,
	CONFIDENCES,
	isIsoDay,
	templateKey,
	type Answer,
	type Assessment,
	type AssessmentTemplate,
	type Participant
} from '../domain/assessment/model.ts';
import {
	BENEFIT_DRIVERS,
	COST_CATEGORIES,
	DEFAULT_SETTINGS,
	LIMITS,
	type BenefitLine,
	type BusinessCase,
	type CaseOption,
	type CaseSettings,
	type CostLine,
	type Range
} from '../domain/business-case/model.ts';
import {
	GATE_DECISIONS,
	KPI_DIRECTIONS,
	PROJECT_ROLES,
	RACI,
	ROADMAP_LIMITS,
	TASK_STATUSES,
	type Baseline,
	type GateReview,
	type Kpi,
	type Phase,
	type ProjectRole,
	type Raci,
	type Roadmap,
	type RoadmapSettings,
	type RoadmapTask,
	blankRoadmap
} from '../domain/roadmap/model.ts';
import { isIsoDay as isDay } from '../domain/roadmap/calendar.ts';
import { findCycle, loopThrough } from '../domain/roadmap/schedule.ts';

/**
 * The engagement document: one Y.Doc per engagement.
 *
 *   meta     Y.Map    schemaVersion
 *   profile  Y.Map    the fields of Profile, as plain values
 *   team     Y.Array  of Y.Map, one per TeamMember
 *   segments Y.Array  of Y.Map, one per Segment; its `needs` is a nested Y.Array of Y.Map
 *   valueProposition  Y.Map    positioning, positioningRationale, brandPromise
 *   vpItems  Y.Array  of Y.Map, one per VpItem (jobs, pains, gains, offerings, relievers,
 *                     creators, proof points), in ranked order
 *   initiatives, channels, conflicts, stages, touchpoints, workflowNodes, workflowEdges,
 *   diagrams Y.Array  of Y.Map, one per record, in order
 *   assessments, participants (each with its assessmentId)
 *            Y.Array  of Y.Map, likewise
 *   changePlan, sevenS, porter, answers, channelPrefs, assignments
 *            Y.Map    flat maps of `element.field` (or `id:id`) keys
 *   assessmentAnswers  Y.Map  `assessmentId:participantId:questionId:field` → one answer field
 *                      (blank fields are not stored)
 *   assessmentRevealed Y.Map  `assessmentId:questionId` → true once revealed
 *   assessmentLinks    Y.Map  `assessmentId:ruleId` → the initiative a recommendation became
 *   assessmentTemplates Y.Map `templateId@version` → the pinned template, plain JSON, never edited
 *   caseOptions, caseCosts, caseBenefits  Y.Array of Y.Map: the business case's options and lines
 *   caseSettings       Y.Map  horizon, discountRate, currency, preferredOptionId
 *   roadmapPhases, roadmapTasks, roadmapKpis, roadmapGates, roadmapBaselines
 *            Y.Array of Y.Map: the roadmap's records (a task's dependsOn is a plain id list)
 *   roadmapSettings    Y.Map  start, excludeWeekends, holidays
 *   roadmapRoles       Y.Map  team member id → project role
 *   roadmapRaci        Y.Map  `phaseId:memberId` → R, A, C or I
 *   kpiActuals         Y.Map  `kpiId:YYYY-MM-DD` → the value measured for that period
 *
 * The UI never touches these types: it reads `readContent` (a typed plain snapshot) and changes
 * the document only through the commands below, each one transaction with LOCAL_ORIGIN, which
 * is what the undo manager tracks.
 */
export const DOCUMENT_SCHEMA_VERSION = 1;
export const LOCAL_ORIGIN = 'local-command';

export class DocumentTooNewError extends Error {
	readonly found: number;
	constructor(found: number) {
		super(
			`The engagement document has schema version ${found}; this app reads up to ${DOCUMENT_SCHEMA_VERSION}.`
		);
		this.found = found;
	}
}

const meta = (doc: Y.Doc) => doc.getMap<unknown>('meta');
const profileMap = (doc: Y.Doc) => doc.getMap<unknown>('profile');
const vpMap = (doc: Y.Doc) => doc.getMap<unknown>('valueProposition');
/** Flat maps of `element.field` keys: concurrent edits to different fields merge. */
const FLAT_MAPS = [
	'changePlan',
	'sevenS',
	'porter',
	'answers',
	'channelPrefs',
	'assignments',
	'assessmentAnswers',
	'assessmentRevealed',
	'assessmentLinks',
	'assessmentTemplates',
	'caseSettings',
	'roadmapSettings',
	'roadmapRoles',
	'roadmapRaci',
	'kpiActuals'
] as const;
type FlatMap = (typeof FLAT_MAPS)[number];
const flatMap = (doc: Y.Doc, name: FlatMap) => doc.getMap<unknown>(name);
type Records = Y.Array<Y.Map<unknown>>;
const ROOT_COLLECTIONS = [
	'team',
	'segments',
	'vpItems',
	'initiatives',
	'channels',
	'conflicts',
	'stages',
	'touchpoints',
	'workflowNodes',
	'workflowEdges',
	'diagrams',
	'assessments',
	'participants',
	'caseOptions',
	'caseCosts',
	'caseBenefits',
	'roadmapPhases',
	'roadmapTasks',
	'roadmapKpis',
	'roadmapGates',
	'roadmapBaselines'
] as const;
type RootCollection = (typeof ROOT_COLLECTIONS)[number];
const root = (doc: Y.Doc, name: RootCollection): Records => doc.getArray<Y.Map<unknown>>(name);

/** The shared types that undo/redo covers. */
export function trackedTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
	return [
		profileMap(doc),
		vpMap(doc),
		...FLAT_MAPS.map((name) => flatMap(doc, name)),
		...ROOT_COLLECTIONS.map((name) => root(doc, name))
	] as Y.AbstractType<unknown>[];
}

export function documentSchemaVersion(doc: Y.Doc): number {
	const v = meta(doc).get('schemaVersion');
	return typeof v === 'number' ? v : 0;
}

/* ---------- reading: normalise, never trust ---------- */

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
function num(v: unknown, min: number, max: number, integer = false): number {
	if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) return Math.max(min, 0);
	return integer ? Math.round(v) : v;
}
const MONEY_MAX = Number.MAX_SAFE_INTEGER;

/**
 * The records of a list, each id once. Two devices moving the same record at the same time
 * can leave two copies of it (a move is a delete and an insert); the first one wins.
 */
function readRecords<T extends { id: string }>(
	records: Records,
	read: (m: Y.Map<unknown>) => T
): T[] {
	const seen = new Set<string>();
	const out: T[] = [];
	for (const m of records) {
		const record = read(m);
		if (seen.has(record.id)) continue;
		seen.add(record.id);
		out.push(record);
	}
	return out;
}

function readMember(m: Y.Map<unknown>): TeamMember {
	return {
		id: str(m.get('id')),
		name: str(m.get('name')),
		role: str(m.get('role')),
		side: oneOf(TEAM_SIDES, m.get('side'), 'client'),
		email: str(m.get('email'))
	};
}

function readNeed(m: Y.Map<unknown>): SegmentNeed {
	return {
		id: str(m.get('id')),
		text: str(m.get('text')),
		mode: oneOf(NEED_MODES, m.get('mode'), 'pull')
	};
}

const strings = (v: unknown): string[] =>
	Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function readVpItem(m: Y.Map<unknown>): VpItem {
	const segmentId = m.get('segmentId');
	return {
		id: str(m.get('id')),
		kind: oneOf(VP_KINDS, m.get('kind'), 'job'),
		segmentId: typeof segmentId === 'string' ? segmentId : null,
		text: str(m.get('text')),
		addresses: strings(m.get('addresses'))
	};
}

function readValueProposition(doc: Y.Doc): ValueProposition {
	const m = vpMap(doc);
	const positioning = m.get('positioning');
	return {
		positioning: oneOf(POSITIONINGS, positioning, null),
		positioningRationale: str(m.get('positioningRationale')),
		brandPromise: str(m.get('brandPromise')),
		items: readRecords(root(doc, 'vpItems'), readVpItem)
	};
}

const flatText = (doc: Y.Doc, name: FlatMap, key: string) => str(flatMap(doc, name).get(key));
function flatRating(doc: Y.Doc, name: FlatMap, key: string): number | null {
	const v = flatMap(doc, name).get(key);
	return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5 ? v : null;
}

function readInitiative(m: Y.Map<unknown>): Initiative {
	const effort = m.get('effort');
	const impact = m.get('impact');
	return {
		id: str(m.get('id')),
		support: oneOf(SUPPORTS, m.get('support'), 'processes'),
		title: str(m.get('title')),
		description: str(m.get('description')),
		owner: str(m.get('owner')),
		effort: oneOf(LEVELS, effort, null),
		impact: oneOf(LEVELS, impact, null),
		status: oneOf(INITIATIVE_STATUSES, m.get('status'), 'idea')
	};
}

function readChannel(m: Y.Map<unknown>): Channel {
	return {
		id: str(m.get('id')),
		kind: oneOf(CHANNEL_KINDS, m.get('kind'), 'other'),
		name: str(m.get('name')),
		costPerContact: num(m.get('costPerContact'), 0, MONEY_MAX, true)
	};
}

function readConflict(m: Y.Map<unknown>): ChannelConflict {
	return {
		id: str(m.get('id')),
		description: str(m.get('description')),
		channelIds: strings(m.get('channelIds')),
		resolution: str(m.get('resolution'))
	};
}

function readStage(m: Y.Map<unknown>): JourneyStage {
	return { id: str(m.get('id')), name: str(m.get('name')) };
}

const idOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const ratingOrNull = (v: unknown) => (isRating(v) ? v : null);

function readTouchpoint(m: Y.Map<unknown>): Touchpoint {
	const segmentIds = m.get('segmentIds');
	return {
		id: str(m.get('id')),
		stageId: str(m.get('stageId')),
		channelId: idOrNull(m.get('channelId')),
		segmentIds: Array.isArray(segmentIds) ? strings(segmentIds) : null,
		name: str(m.get('name')),
		department: str(m.get('department')),
		description: str(m.get('description')),
		pains: str(m.get('pains')),
		momentOfTruth: m.get('momentOfTruth') === true,
		ratingToday: ratingOrNull(m.get('ratingToday')),
		ratingTarget: ratingOrNull(m.get('ratingTarget')),
		today: str(m.get('today')),
		target: str(m.get('target')),
		initiativeId: idOrNull(m.get('initiativeId'))
	};
}

function readNode(m: Y.Map<unknown>): WorkflowNode {
	return {
		id: str(m.get('id')),
		side: oneOf(SIDES, m.get('side'), 'today'),
		kind: oneOf(NODE_KINDS, m.get('kind'), 'department'),
		label: str(m.get('label'))
	};
}

function readEdge(m: Y.Map<unknown>): WorkflowEdge {
	return {
		id: str(m.get('id')),
		side: oneOf(SIDES, m.get('side'), 'today'),
		from: str(m.get('from')),
		to: str(m.get('to')),
		kind: oneOf(EDGE_KINDS, m.get('kind'), 'handoff'),
		label: str(m.get('label'))
	};
}

function readDiagram(m: Y.Map<unknown>): FreeDiagram {
	return { id: str(m.get('id')), title: str(m.get('title')), text: str(m.get('text')) };
}

const rateOrNull = (v: unknown): number | null =>
	typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? v : null;

function readSegment(m: Y.Map<unknown>): Segment {
	const needs = m.get('needs');
	const override = m.get('tierOverride');
	return {
		id: str(m.get('id')),
		name: str(m.get('name')),
		description: str(m.get('description')),
		customers: num(m.get('customers'), 0, 1e12, true),
		revenue: num(m.get('revenue'), 0, MONEY_MAX, true),
		grossMargin: num(m.get('grossMargin'), 0, 1),
		retention: num(m.get('retention'), 0, 1),
		acquisitionCost: num(m.get('acquisitionCost'), 0, MONEY_MAX, true),
		costToServe: num(m.get('costToServe'), 0, MONEY_MAX, true),
		growth: num(m.get('growth'), -1, 10),
		tierOverride: oneOf(TIERS, override, null),
		tierOverrideReason: str(m.get('tierOverrideReason')),
		needs: needs instanceof Y.Array ? readRecords(needs as Records, readNeed) : [],
		understanding: str(m.get('understanding')),
		sources: str(m.get('sources')),
		shareToKeep: rateOrNull(m.get('shareToKeep')),
		walletGoal: rateOrNull(m.get('walletGoal')),
		crossSell: str(m.get('crossSell')),
		upSell: str(m.get('upSell')),
		management: oneOf(MANAGEMENT_MODELS, m.get('management'), null),
		managementNotes: str(m.get('managementNotes')),
		tactics: strings(m.get('tactics')).filter((x) => isOneOf(TACTICS, x))
	};
}

/**
 * A typed plain copy of the document, with defaults filled in for anything missing or malformed
 * (a document written by another device or an older version is normalised, never trusted).
 */
export function readContent(doc: Y.Doc): EngagementContent {
	const version = documentSchemaVersion(doc);
	if (version > DOCUMENT_SCHEMA_VERSION) throw new DocumentTooNewError(version);
	const p = profileMap(doc);
	const defaults = blankProfile('', 'en');
	const month = p.get('fiscalYearStartMonth');
	const lang = p.get('reportLanguage');
	const currency = p.get('currency');
	const profile: Profile = {
		name: str(p.get('name')),
		client: str(p.get('client')),
		industry: str(p.get('industry')),
		companySize: oneOf(COMPANY_SIZES, p.get('companySize'), null),
		region: str(p.get('region')),
		currency:
			typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : defaults.currency,
		reportLanguage: isLocale(lang) ? lang : defaults.reportLanguage,
		fiscalYearStartMonth:
			typeof month === 'number' && Number.isInteger(month) && month >= 1 && month <= 12 ? month : 1,
		sponsor: str(p.get('sponsor')),
		consultant: str(p.get('consultant')),
		notes: str(p.get('notes'))
	};
	const content: EngagementContent = {
		profile,
		team: readRecords(root(doc, 'team'), readMember),
		segments: readRecords(root(doc, 'segments'), readSegment),
		valueProposition: readValueProposition(doc),
		changePlan: {
			supports: Object.fromEntries(
				SUPPORTS.map((s) => [
					s,
					{
						today: flatText(doc, 'changePlan', `${s}.today`),
						target: flatText(doc, 'changePlan', `${s}.target`)
					}
				])
			) as ChangePlan['supports'],
			initiatives: readRecords(root(doc, 'initiatives'), readInitiative)
		},
		sevenS: Object.fromEntries(
			SEVEN_S.map((s) => [
				s,
				{
					today: flatText(doc, 'sevenS', `${s}.today`),
					target: flatText(doc, 'sevenS', `${s}.target`),
					alignment: flatRating(doc, 'sevenS', `${s}.alignment`)
				}
			])
		) as SevenSView,
		porter: Object.fromEntries(
			PORTER_CONDITIONS.map((c) => [
				c,
				{
					rating: flatRating(doc, 'porter', `${c}.rating`),
					notes: flatText(doc, 'porter', `${c}.notes`)
				}
			])
		) as PorterView,
		channels: {
			list: readRecords(root(doc, 'channels'), readChannel),
			preferences: Object.fromEntries(
				[...flatMap(doc, 'channelPrefs').entries()].filter(
					(e): e is [string, number] =>
						typeof e[1] === 'number' && Number.isInteger(e[1]) && e[1] >= 1 && e[1] <= 3
				)
			),
			assignments: [...flatMap(doc, 'assignments').entries()]
				.filter(([, v]) => v === true)
				.map(([k]) => k)
				.sort(),
			conflicts: readRecords(root(doc, 'conflicts'), readConflict)
		},
		answers: Object.fromEntries(
			[...flatMap(doc, 'answers').entries()].filter(
				(e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''
			)
		),
		journey: readJourney(doc),
		workflows: readWorkflows(doc),
		diagrams: readRecords(root(doc, 'diagrams'), readDiagram),
		...readAssessments(doc),
		businessCase: readBusinessCase(doc, profile.currency),
		roadmap: blankRoadmap()
	};
	content.roadmap = readRoadmap(doc, content);
	// A segment or channel removed (here, or on another device) leaves no dangling reference.
	const segmentIds = new Set(content.segments.map((x) => x.id));
	const channelIds = new Set(content.channels.list.map((x) => x.id));
	const known = (set: Set<string>, id: string | null) => (id !== null && set.has(id) ? id : null);
	content.businessCase.benefits = content.businessCase.benefits.map((l) => ({
		...l,
		segmentId: known(segmentIds, l.segmentId),
		fromChannelId: known(channelIds, l.fromChannelId),
		toChannelId: known(channelIds, l.toChannelId)
	}));
	withoutDanglingLinks(content, segmentIds, channelIds);
	return content;
}

/* Business case: every number held to the limits the forms and the file format use. */
const within = (v: unknown, limits: { min: number; max: number }, fallback: number) =>
	typeof v === 'number' && Number.isFinite(v) && v >= limits.min && v <= limits.max ? v : fallback;
const yearOf = (v: unknown, fallback: number) =>
	typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= LIMITS.horizon.max ? v : fallback;
function readRange(v: unknown): Range {
	const r = isObject(v) ? v : {};
	const low = within(r.low, { min: LIMITS.range.min, max: 1 }, 1);
	const high = within(r.high, { min: 1, max: LIMITS.range.max }, 1);
	return { low, high };
}

function readOption(m: Y.Map<unknown>): CaseOption {
	return {
		id: str(m.get('id')),
		name: str(m.get('name')),
		description: str(m.get('description')),
		baseline: m.get('baseline') === true
	};
}

function readCost(m: Y.Map<unknown>): CostLine {
	const startYear = yearOf(m.get('startYear'), 0);
	const end = m.get('endYear');
	return {
		id: str(m.get('id')),
		optionId: str(m.get('optionId')),
		category: oneOf(COST_CATEGORIES, m.get('category'), 'implementation'),
		label: str(m.get('label')),
		recurring: m.get('recurring') === true,
		startYear,
		endYear: end === null || end === undefined ? null : Math.max(yearOf(end, startYear), startYear),
		entry: m.get('entry') === 'unit' ? 'unit' : 'amount',
		amount: num(m.get('amount'), 0, MONEY_MAX, true),
		quantity: num(m.get('quantity'), 0, 1e9),
		unitPrice: num(m.get('unitPrice'), 0, MONEY_MAX, true),
		growth: within(m.get('growth'), LIMITS.growth, 0),
		listPrice: m.get('listPrice') === true,
		range: readRange(m.get('range'))
	};
}

function readBenefit(m: Y.Map<unknown>): BenefitLine {
	const ramp = m.get('rampUp');
	return {
		id: str(m.get('id')),
		optionId: str(m.get('optionId')),
		driver: oneOf(BENEFIT_DRIVERS, m.get('driver'), 'other'),
		label: str(m.get('label')),
		rationale: str(m.get('rationale')),
		segmentId: idOrNull(m.get('segmentId')),
		rate: within(m.get('rate'), { min: 0, max: 1 }, 0),
		unitValue: num(m.get('unitValue'), 0, MONEY_MAX, true),
		count: num(m.get('count'), 0, 1e9),
		fromChannelId: idOrNull(m.get('fromChannelId')),
		toChannelId: idOrNull(m.get('toChannelId')),
		amount: num(m.get('amount'), 0, MONEY_MAX, true),
		rampUp: Array.isArray(ramp)
			? ramp.slice(0, LIMITS.horizon.max).map((x) => within(x, { min: 0, max: 1 }, 0))
			: [],
		risk: within(m.get('risk'), LIMITS.risk, 0),
		range: readRange(m.get('range'))
	};
}

/**
 * Lines keep to the case's options (an option removed on another device takes its lines); one
 * baseline at most (the first); a preferred option that is gone is forgotten.
 */
function readBusinessCase(doc: Y.Doc, profileCurrency: string): BusinessCase {
	const settings = flatMap(doc, 'caseSettings');
	const currency = settings.get('currency');
	let baselineSeen = false;
	const options = readRecords(root(doc, 'caseOptions'), readOption).map((o) => {
		const baseline = o.baseline && !baselineSeen;
		baselineSeen ||= baseline;
		return { ...o, baseline };
	});
	const known = new Set(options.map((o) => o.id));
	const preferred = idOrNull(settings.get('preferredOptionId'));
	return {
		settings: {
			horizon: Math.round(
				within(settings.get('horizon'), LIMITS.horizon, DEFAULT_SETTINGS.horizon)
			),
			discountRate: within(
				settings.get('discountRate'),
				LIMITS.discountRate,
				DEFAULT_SETTINGS.discountRate
			),
			currency:
				typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : profileCurrency
		},
		options,
		costs: readRecords(root(doc, 'caseCosts'), readCost).filter((l) => known.has(l.optionId)),
		benefits: readRecords(root(doc, 'caseBenefits'), readBenefit).filter((l) =>
			known.has(l.optionId)
		),
		preferredOptionId: preferred !== null && known.has(preferred) ? preferred : null
	};
}

/* Roadmap: every record held to the limits of the file format; references that name nothing
   are dropped, and a dependency loop (two devices each adding one half) is cut. */
const dayOrNull = (v: unknown): string | null => (typeof v === 'string' && isDay(v) ? v : null);
const kpiNumber = (v: unknown): number | null =>
	typeof v === 'number' ? within(v, ROADMAP_LIMITS.kpiValue, NaN) : null;
const finiteOrNull = (v: number | null) => (v === null || Number.isNaN(v) ? null : v);
const cut = (v: unknown, max: number) => str(v).slice(0, max);

function readPhase(m: Y.Map<unknown>): Phase {
	const start = dayOrNull(m.get('start'));
	const end = dayOrNull(m.get('end'));
	return {
		id: str(m.get('id')),
		title: cut(m.get('title'), ROADMAP_LIMITS.title),
		goal: cut(m.get('goal'), ROADMAP_LIMITS.text),
		start,
		end: end !== null && start !== null && end < start ? start : end,
		exitCriteria: cut(m.get('exitCriteria'), ROADMAP_LIMITS.text)
	};
}

function readOrigin(v: unknown): RoadmapTask['origin'] {
	if (!isObject(v)) return null;
	if (v.kind === 'initiative' && typeof v.initiativeId === 'string' && v.initiativeId)
		return { kind: 'initiative', initiativeId: v.initiativeId };
	if (
		v.kind === 'recommendation' &&
		typeof v.assessmentId === 'string' &&
		v.assessmentId &&
		typeof v.ruleId === 'string' &&
		/^[a-z0-9][a-z0-9-]{0,62}$/.test(v.ruleId)
	)
		return { kind: 'recommendation', assessmentId: v.assessmentId, ruleId: v.ruleId };
	return null;
}

function readTask(m: Y.Map<unknown>): RoadmapTask {
	const milestone = m.get('milestone') === true;
	const status = oneOf(TASK_STATUSES, m.get('status'), 'notStarted');
	const effort = m.get('effort');
	return {
		id: str(m.get('id')),
		phaseId: idOrNull(m.get('phaseId')),
		title: cut(m.get('title'), ROADMAP_LIMITS.title),
		milestone,
		ownerId: idOrNull(m.get('ownerId')),
		role: oneOf(PROJECT_ROLES, m.get('role'), null),
		start: dayOrNull(m.get('start')),
		duration: milestone ? 0 : Math.round(within(m.get('duration'), ROADMAP_LIMITS.duration, 1)),
		dependsOn: strings(m.get('dependsOn')),
		status,
		percent:
			status === 'done' ? 100 : Math.round(within(m.get('percent'), { min: 0, max: 100 }, 0)),
		effort: typeof effort === 'number' ? within(effort, ROADMAP_LIMITS.effort, 0) : null,
		costLineId: idOrNull(m.get('costLineId')),
		origin: readOrigin(m.get('origin')),
		notes: cut(m.get('notes'), ROADMAP_LIMITS.text)
	};
}

function readKpi(m: Y.Map<unknown>): Kpi {
	return {
		id: str(m.get('id')),
		phaseId: str(m.get('phaseId')),
		metric: cut(m.get('metric'), ROADMAP_LIMITS.title),
		unit: cut(m.get('unit'), 50),
		direction: oneOf(KPI_DIRECTIONS, m.get('direction'), 'up'),
		baseline: finiteOrNull(kpiNumber(m.get('baseline'))),
		target: finiteOrNull(kpiNumber(m.get('target'))),
		actuals: []
	};
}

function readGate(m: Y.Map<unknown>): GateReview {
	return {
		id: str(m.get('id')),
		phaseId: str(m.get('phaseId')),
		date: dayOrNull(m.get('date')),
		decision: oneOf(GATE_DECISIONS, m.get('decision'), null),
		notes: cut(m.get('notes'), ROADMAP_LIMITS.text),
		assessmentId: idOrNull(m.get('assessmentId'))
	};
}

function readBaseline(m: Y.Map<unknown>): Baseline {
	const raw = m.get('tasks');
	// Built from entries, so that an id such as "__proto__" stays an ordinary key.
	const tasks: Baseline['tasks'] = Object.fromEntries(
		(isObject(raw) ? Object.entries(raw) : []).flatMap(([id, v]) => {
			const start = isObject(v) ? dayOrNull(v.start) : null;
			const finish = isObject(v) ? dayOrNull(v.finish) : null;
			return id && start && finish ? [[id, { start, finish }]] : [];
		})
	);
	const savedOn = dayOrNull(m.get('savedOn'));
	return {
		id: str(m.get('id')),
		name: cut(m.get('name'), 200),
		savedOn: savedOn ?? '2000-01-01',
		tasks
	};
}

/** Ids as the file format takes them: 1–64 characters; ids joined into keys hold no ':'. */
const isId = (id: string) => id.length > 0 && id.length <= 64;
const isKeyId = (id: string) => isId(id) && !id.includes(':');

function readRoadmap(
	doc: Y.Doc,
	content: Pick<EngagementContent, 'team' | 'assessments' | 'changePlan' | 'businessCase'>
): Roadmap {
	const settings = flatMap(doc, 'roadmapSettings');
	const holidays = settings.get('holidays');
	const phases = readRecords(root(doc, 'roadmapPhases'), readPhase).filter((p) => isKeyId(p.id));
	const phaseIds = new Set(phases.map((p) => p.id));
	const team = new Set(content.team.map((x) => x.id));
	const assessments = new Set(content.assessments.map((x) => x.id));
	const initiatives = new Set(content.changePlan.initiatives.map((x) => x.id));
	const costs = new Set(content.businessCase.costs.map((x) => x.id));
	const raw = readRecords(root(doc, 'roadmapTasks'), readTask).filter((t) => isKeyId(t.id));
	const taskIds = new Set(raw.map((t) => t.id));
	const tasks = raw.map((t) => {
		const o = t.origin;
		const originKnown =
			o === null ||
			(o.kind === 'initiative' ? initiatives.has(o.initiativeId) : assessments.has(o.assessmentId));
		return {
			...t,
			phaseId: t.phaseId !== null && phaseIds.has(t.phaseId) ? t.phaseId : null,
			ownerId: t.ownerId !== null && team.has(t.ownerId) ? t.ownerId : null,
			costLineId: t.costLineId !== null && costs.has(t.costLineId) ? t.costLineId : null,
			origin: originKnown ? o : null,
			dependsOn: [...new Set(t.dependsOn)].filter((d) => d !== t.id && taskIds.has(d))
		};
	});
	// Cut loops: drop the dependency that closes each one found.
	for (let cycle = findCycle(tasks); cycle; cycle = findCycle(tasks)) {
		const last = tasks.find((t) => t.id === cycle.at(-1))!;
		last.dependsOn = last.dependsOn.filter((d) => d !== cycle[0]);
	}
	const actuals = new Map<string, Kpi['actuals']>();
	for (const [key, value] of flatMap(doc, 'kpiActuals').entries()) {
		const at = key.lastIndexOf(':');
		const date = key.slice(at + 1);
		const v = kpiNumber(value);
		if (at < 0 || !isDay(date) || v === null || Number.isNaN(v)) continue;
		const id = key.slice(0, at);
		let list = actuals.get(id);
		if (!list) actuals.set(id, (list = []));
		list.push({ date, value: v });
	}
	const kpis = readRecords(root(doc, 'roadmapKpis'), readKpi)
		.filter((k) => isId(k.id) && phaseIds.has(k.phaseId))
		.map((k) => ({
			...k,
			actuals: (actuals.get(k.id) ?? []).sort((a, b) => a.date.localeCompare(b.date))
		}));
	const gates = readRecords(root(doc, 'roadmapGates'), readGate)
		.filter((g) => isId(g.id) && phaseIds.has(g.phaseId))
		.map((g) => ({
			...g,
			assessmentId:
				g.assessmentId !== null && assessments.has(g.assessmentId) ? g.assessmentId : null
		}));
	const roles: Record<string, ProjectRole> = Object.fromEntries(
		[...flatMap(doc, 'roadmapRoles').entries()].filter(
			(e): e is [string, ProjectRole] => team.has(e[0]) && isOneOf(PROJECT_ROLES, e[1])
		)
	);
	const raci: Record<string, Raci> = Object.fromEntries(
		[...flatMap(doc, 'roadmapRaci').entries()].filter((e): e is [string, Raci] => {
			const at = e[0].indexOf(':');
			return (
				at > 0 &&
				phaseIds.has(e[0].slice(0, at)) &&
				team.has(e[0].slice(at + 1)) &&
				isOneOf(RACI, e[1])
			);
		})
	);
	return {
		settings: {
			start: dayOrNull(settings.get('start')),
			excludeWeekends: settings.get('excludeWeekends') !== false,
			holidays: Array.isArray(holidays)
				? [...new Set(holidays.filter((h): h is string => typeof h === 'string' && isDay(h)))]
						.sort()
						.slice(0, ROADMAP_LIMITS.holidays)
				: []
		},
		phases,
		tasks,
		kpis,
		gates,
		roles,
		raci,
		baselines: readRecords(root(doc, 'roadmapBaselines'), readBaseline).filter((b) => isId(b.id))
	};
}

/**
 * A pinned template is kept as the plain JSON that passed the template schema when it was
 * added; here it gets a shape check deep enough that reading and scoring cannot trip over it
 * (the full schema lives with zod, which the app shell does not load; the assessments area
 * checks each copy in full before it scores with it).
 */
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
function isTemplateShaped(v: unknown): v is AssessmentTemplate {
	if (!isObject(v)) return false;
	const list = (x: unknown, item: (y: Record<string, unknown>) => boolean) =>
		Array.isArray(x) && x.length > 0 && x.every((y) => isObject(y) && item(y));
	return (
		v.kind === ASSESSMENT_TEMPLATE_KIND &&
		typeof v.id === 'string' &&
		typeof v.version === 'string' &&
		list(v.scale, (l) => typeof l.value === 'number') &&
		list(v.stages, (st) => typeof st.from === 'number') &&
		list(
			v.dimensions,
			(d) =>
				typeof d.id === 'string' &&
				typeof d.weight === 'number' &&
				list(d.questions, (q) => typeof q.id === 'string' && typeof q.weight === 'number')
		) &&
		Array.isArray(v.recommendations) &&
		v.recommendations.every(isObject)
	);
}

const level = (v: unknown): number | null =>
	typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10 ? v : null;

function readParticipant(m: Y.Map<unknown>): Participant & { assessmentId: string } {
	return {
		id: str(m.get('id')),
		assessmentId: str(m.get('assessmentId')),
		name: str(m.get('name')),
		role: str(m.get('role')),
		department: str(m.get('department'))
	};
}

/** The fields of an answer, each kept under its own key so that edits of different fields merge. */
const ANSWER_FIELDS = [
	'current',
	'target',
	'intention',
	'na',
	'naReason',
	'evidence',
	'confidence'
] as const;
type AnswerField = (typeof ANSWER_FIELDS)[number];
const answerKey = (aid: string, pid: string, qid: string, field: AnswerField) =>
	`${aid}:${pid}:${qid}:${field}`;
/** A field at its blank value is not stored. */
const isBlankField = (v: unknown) => v === null || v === undefined || v === '' || v === false;

/** Groups the entries of a flat map whose keys are `assessmentId:…`, by assessment id. */
function byAssessment(doc: Y.Doc, name: FlatMap): Map<string, Array<[string[], unknown]>> {
	const out = new Map<string, Array<[string[], unknown]>>();
	for (const [key, value] of flatMap(doc, name).entries()) {
		const [aid, ...rest] = key.split(':');
		if (!aid) continue;
		let list = out.get(aid);
		if (!list) out.set(aid, (list = []));
		list.push([rest, value]);
	}
	return out;
}

/**
 * Runs whose template copy is missing or malformed are dropped; answers keep to the run's
 * participants, its template's questions and scale, in the order of both; "not applicable"
 * counts only with a reason.
 */
function readAssessments(
	doc: Y.Doc
): Pick<EngagementContent, 'assessmentTemplates' | 'assessments'> {
	const templates = new Map<string, AssessmentTemplate>();
	for (const [key, value] of flatMap(doc, 'assessmentTemplates').entries())
		if (isTemplateShaped(value) && key === templateKey(value.id, value.version))
			templates.set(key, value);
	const participants = new Map<string, Participant[]>();
	for (const { assessmentId, ...p } of readRecords(root(doc, 'participants'), readParticipant)) {
		let list = participants.get(assessmentId);
		if (!list) participants.set(assessmentId, (list = []));
		list.push(p);
	}
	const answerFields = byAssessment(doc, 'assessmentAnswers');
	const revealedKeys = byAssessment(doc, 'assessmentRevealed');
	const linkKeys = byAssessment(doc, 'assessmentLinks');
	const used = new Set<string>();
	const assessments: Assessment[] = [];
	for (const m of root(doc, 'assessments')) {
		const id = str(m.get('id'));
		const templateId = str(m.get('templateId'));
		const templateVersion = str(m.get('templateVersion'));
		const template = templates.get(templateKey(templateId, templateVersion));
		if (!id || !template || assessments.some((a) => a.id === id)) continue;
		used.add(templateKey(templateId, templateVersion));
		const people = participants.get(id) ?? [];
		const personAt = new Map(people.map((p, i) => [p.id, i]));
		const questionIds = template.dimensions.flatMap((d) => d.questions.map((q) => q.id));
		const questionAt = new Map(questionIds.map((q, i) => [q, i]));
		const levels = new Set(template.scale.map((l) => l.value));
		const onScale = (v: unknown) => {
			const x = level(v);
			return x !== null && levels.has(x) ? x : null;
		};
		// Gather each answer's fields.
		const raw = new Map<string, Partial<Record<AnswerField, unknown>> & { p: string; q: string }>();
		for (const [[pid, qid, field], value] of answerFields.get(id) ?? []) {
			if (!pid || !qid || !personAt.has(pid) || !questionAt.has(qid)) continue;
			if (!isOneOf(ANSWER_FIELDS, field)) continue;
			const k = `${pid}:${qid}`;
			let a = raw.get(k);
			if (!a) raw.set(k, (a = { p: pid, q: qid }));
			a[field] = value;
		}
		const answers = [...raw.values()]
			.map((a): Answer => {
				const naReason = str(a.naReason);
				return {
					participantId: a.p,
					questionId: a.q,
					current: onScale(a.current),
					target: onScale(a.target),
					intention: onScale(a.intention),
					na: a.na === true && naReason.trim() !== '',
					naReason,
					evidence: str(a.evidence),
					confidence: oneOf(CONFIDENCES, a.confidence, null)
				};
			})
			.sort(
				(x, y) =>
					personAt.get(x.participantId)! - personAt.get(y.participantId)! ||
					questionAt.get(x.questionId)! - questionAt.get(y.questionId)!
			);
		const revealed = new Set(
			(revealedKeys.get(id) ?? []).flatMap(([[qid], v]) => (v === true && qid ? [qid] : []))
		);
		const date = str(m.get('date'));
		assessments.push({
			id,
			title: str(m.get('title')),
			templateId,
			templateVersion,
			date: isIsoDay(date) ? date : '2000-01-01',
			notes: str(m.get('notes')),
			participants: people,
			answers,
			revealed: questionIds.filter((q) => revealed.has(q)),
			initiatives: Object.fromEntries(
				(linkKeys.get(id) ?? []).flatMap(([[rule], v]) =>
					rule && typeof v === 'string' && v !== '' ? [[rule, v]] : []
				)
			)
		});
	}
	return {
		assessmentTemplates: [...templates.values()].filter((t) =>
			used.has(templateKey(t.id, t.version))
		),
		assessments
	};
}

/**
 * The strategy areas' links to a segment, channel, item or initiative that is gone (removed on
 * another device at the same time) are dropped, as the commands that remove one drop them: a
 * segment's jobs, pains and gains go with it, every other link is cut. The file format refuses
 * such links, so whatever is read here also exports and imports again.
 */
function withoutDanglingLinks(
	content: EngagementContent,
	segmentIds: ReadonlySet<string>,
	channelIds: ReadonlySet<string>
): void {
	const vp = content.valueProposition;
	vp.items = vp.items.filter((x) => x.segmentId === null || segmentIds.has(x.segmentId));
	const itemIds = new Set(vp.items.map((x) => x.id));
	vp.items = vp.items.map((x) => ({ ...x, addresses: x.addresses.filter((a) => itemIds.has(a)) }));
	const initiativeIds = new Set(content.changePlan.initiatives.map((x) => x.id));
	content.journey.touchpoints = content.journey.touchpoints.map((t) => ({
		...t,
		channelId: t.channelId !== null && channelIds.has(t.channelId) ? t.channelId : null,
		initiativeId:
			t.initiativeId !== null && initiativeIds.has(t.initiativeId) ? t.initiativeId : null,
		segmentIds: t.segmentIds && t.segmentIds.filter((s) => segmentIds.has(s))
	}));
	const ch = content.channels;
	ch.conflicts = ch.conflicts.map((c) => ({
		...c,
		channelIds: c.channelIds.filter((id) => channelIds.has(id))
	}));
	ch.preferences = Object.fromEntries(
		Object.entries(ch.preferences).filter(([key]) => {
			const { segmentId, channelId } = readMatrixKey(key);
			return segmentIds.has(segmentId) && channelIds.has(channelId);
		})
	);
	ch.assignments = ch.assignments.filter((key) => {
		const { offeringId, channelId, segmentId } = readAssignmentKey(key);
		return itemIds.has(offeringId) && channelIds.has(channelId) && segmentIds.has(segmentId);
	});
}

/** Touchpoints whose stage is gone are dropped (a stage removed on another device at the same time). */
function readJourney(doc: Y.Doc): EngagementContent['journey'] {
	const stages = readRecords(root(doc, 'stages'), readStage);
	const known = new Set(stages.map((s) => s.id));
	const touchpoints = readRecords(root(doc, 'touchpoints'), readTouchpoint).filter((t) =>
		known.has(t.stageId)
	);
	return { stages, touchpoints };
}

/** Edges keep to the nodes of their own side; an edge whose node is gone is dropped. */
function readWorkflows(doc: Y.Doc): EngagementContent['workflows'] {
	const nodes = readRecords(root(doc, 'workflowNodes'), readNode);
	const sideOf = new Map(nodes.map((n) => [n.id, n.side]));
	const edges = readRecords(root(doc, 'workflowEdges'), readEdge).filter(
		(e) => sideOf.get(e.from) === e.side && sideOf.get(e.to) === e.side
	);
	return { nodes, edges };
}

/* ---------- writing ---------- */

/**
 * A plain record as a Y.Map. Lists of records inside it become nested Y.Arrays of Y.Maps (edited
 * item by item); lists of plain values (ids) stay plain arrays, replaced as a whole.
 */
/** Nested lists of records, kept as Y.Arrays even while empty (so two devices adding the first item both keep theirs). */
const RECORD_LISTS = new Set(['needs']);

function toYMap(record: object): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	for (const [key, value] of Object.entries(record)) {
		if (
			Array.isArray(value) &&
			(RECORD_LISTS.has(key) || value.some((v) => typeof v === 'object' && v !== null))
		) {
			const nested = new Y.Array<Y.Map<unknown>>();
			nested.push(value.map((item: object) => toYMap(item)));
			map.set(key, nested);
		} else map.set(key, value);
	}
	return map;
}

function fill(doc: Y.Doc, content: EngagementContent): void {
	meta(doc).set('schemaVersion', DOCUMENT_SCHEMA_VERSION);
	const p = profileMap(doc);
	for (const [key, value] of Object.entries(content.profile)) p.set(key, value);
	const { items, ...vp } = content.valueProposition;
	const v = vpMap(doc);
	for (const [key, value] of Object.entries(vp)) v.set(key, value);
	for (const s of SUPPORTS) {
		flatMap(doc, 'changePlan').set(`${s}.today`, content.changePlan.supports[s].today);
		flatMap(doc, 'changePlan').set(`${s}.target`, content.changePlan.supports[s].target);
	}
	for (const s of SEVEN_S) {
		for (const field of ['today', 'target', 'alignment'] as const)
			flatMap(doc, 'sevenS').set(`${s}.${field}`, content.sevenS[s][field]);
	}
	for (const c of PORTER_CONDITIONS) {
		flatMap(doc, 'porter').set(`${c}.rating`, content.porter[c].rating);
		flatMap(doc, 'porter').set(`${c}.notes`, content.porter[c].notes);
	}
	for (const [question, answer] of Object.entries(content.answers))
		flatMap(doc, 'answers').set(question, answer);
	for (const [key, p] of Object.entries(content.channels.preferences)) {
		flatMap(doc, 'channelPrefs').set(key, p);
	}
	for (const key of content.channels.assignments) flatMap(doc, 'assignments').set(key, true);
	for (const t of content.assessmentTemplates)
		flatMap(doc, 'assessmentTemplates').set(templateKey(t.id, t.version), t);
	const caseSettings = flatMap(doc, 'caseSettings');
	for (const [key, value] of Object.entries(content.businessCase.settings))
		caseSettings.set(key, value);
	caseSettings.set('preferredOptionId', content.businessCase.preferredOptionId);
	for (const a of content.assessments) {
		for (const { participantId, questionId, ...answer } of a.answers)
			for (const field of ANSWER_FIELDS)
				if (!isBlankField(answer[field]))
					flatMap(doc, 'assessmentAnswers').set(
						answerKey(a.id, participantId, questionId, field),
						answer[field]
					);
		for (const q of a.revealed) flatMap(doc, 'assessmentRevealed').set(`${a.id}:${q}`, true);
		for (const [rule, initiative] of Object.entries(a.initiatives))
			flatMap(doc, 'assessmentLinks').set(`${a.id}:${rule}`, initiative);
	}
	const r = content.roadmap;
	for (const [key, value] of Object.entries(r.settings))
		flatMap(doc, 'roadmapSettings').set(key, value);
	for (const [member, role] of Object.entries(r.roles))
		flatMap(doc, 'roadmapRoles').set(member, role);
	for (const [key, value] of Object.entries(r.raci)) flatMap(doc, 'roadmapRaci').set(key, value);
	for (const k of r.kpis)
		for (const a of k.actuals) flatMap(doc, 'kpiActuals').set(`${k.id}:${a.date}`, a.value);
	const lists: Record<RootCollection, readonly object[]> = {
		team: content.team,
		segments: content.segments,
		vpItems: items,
		initiatives: content.changePlan.initiatives,
		channels: content.channels.list,
		conflicts: content.channels.conflicts,
		stages: content.journey.stages,
		touchpoints: content.journey.touchpoints,
		workflowNodes: content.workflows.nodes,
		workflowEdges: content.workflows.edges,
		diagrams: content.diagrams,
		assessments: content.assessments.map(assessmentRecord),
		participants: content.assessments.flatMap((a) =>
			a.participants.map((p) => ({ ...p, assessmentId: a.id }))
		),
		caseOptions: content.businessCase.options,
		caseCosts: content.businessCase.costs,
		caseBenefits: content.businessCase.benefits,
		roadmapPhases: r.phases,
		roadmapTasks: r.tasks,
		roadmapKpis: r.kpis.map(({ actuals: _a, ...k }) => k),
		roadmapGates: r.gates,
		roadmapBaselines: r.baselines
	};
	for (const name of ROOT_COLLECTIONS) root(doc, name).push(lists[name].map(toYMap));
}

/** What the `assessments` list keeps of a run (people, answers, reveals and links live apart). */
function assessmentRecord({
	participants: _p,
	answers: _a,
	revealed: _r,
	initiatives: _i,
	...record
}: Assessment) {
	return record;
}

/**
 * The update of a document with nothing in it: an engagement joined to a shared room starts
 * so, and takes everything from the room (no defaults that could overwrite what it holds).
 */
export function encodeEmpty(): Uint8Array {
	return Y.encodeStateAsUpdateV2(new Y.Doc());
}

/** A document update that holds `content`, for creating a new engagement in one write. */
export function encodeContent(content: EngagementContent): Uint8Array {
	const doc = new Y.Doc();
	fill(doc, content);
	const update = Y.encodeStateAsUpdateV2(doc);
	doc.destroy();
	return update;
}

function indexOf(records: Records, id: string): number {
	for (let i = 0; i < records.length; i++) if (records.get(i).get('id') === id) return i;
	return -1;
}

function find(records: Records, id: string): Y.Map<unknown> | undefined {
	const i = indexOf(records, id);
	return i >= 0 ? records.get(i) : undefined;
}

function needsOf(doc: Y.Doc, segmentId: string): Records | undefined {
	const segment = find(root(doc, 'segments'), segmentId);
	if (!segment) return undefined;
	let needs = segment.get('needs');
	if (!(needs instanceof Y.Array)) {
		needs = new Y.Array<Y.Map<unknown>>();
		segment.set('needs', needs);
	}
	return needs as Records;
}

/* Collection edits, shared by every list in the document. */
function insertRecord(records: Records | undefined, record: object, index?: number) {
	records?.insert(Math.min(index ?? records.length, records.length), [toYMap(record)]);
}
/** Sets the fields that changed (lists of ids compare by value). */
function patchRecord(records: Records | undefined, id: string, patch: object) {
	const m = records && find(records, id);
	if (!m) return;
	for (const [key, value] of Object.entries(patch)) {
		const same = Array.isArray(value)
			? JSON.stringify(m.get(key)) === JSON.stringify(value)
			: m.get(key) === value;
		if (!same) m.set(key, value);
	}
}
function deleteRecord(records: Records | undefined, id: string) {
	const i = records ? indexOf(records, id) : -1;
	if (i >= 0) records!.delete(i, 1);
}
/** Moves a record to `toIndex` (its position after the move). */
function moveRecord<T extends object>(
	records: Records,
	id: string,
	toIndex: number,
	read: (m: Y.Map<unknown>) => T
) {
	const from = indexOf(records, id);
	if (from < 0) return;
	const target = Math.max(0, Math.min(toIndex, records.length - 1));
	if (target === from) return;
	const copy = read(records.get(from));
	records.delete(from, 1);
	records.insert(target, [toYMap(copy)]);
}

const command = (doc: Y.Doc, fn: () => void) => doc.transact(fn, LOCAL_ORIGIN);

/* ---------- commands: each one transaction, tracked for undo ---------- */

export function setProfileField<K extends ProfileField>(
	doc: Y.Doc,
	field: K,
	value: Profile[K]
): void {
	command(doc, () => {
		const p = profileMap(doc);
		if (p.get(field) !== value) p.set(field, value);
	});
}

export function addTeamMember(doc: Y.Doc, member: TeamMember, index?: number): void {
	command(doc, () => insertRecord(root(doc, 'team'), member, index));
}

export function updateTeamMember(
	doc: Y.Doc,
	id: string,
	patch: Partial<Omit<TeamMember, 'id'>>
): void {
	command(doc, () => patchRecord(root(doc, 'team'), id, patch));
}

export function removeTeamMember(doc: Y.Doc, id: string): void {
	command(doc, () => deleteRecord(root(doc, 'team'), id));
}

export type SegmentPatch = Partial<Omit<Segment, 'id' | 'needs'>>;

export function addSegment(doc: Y.Doc, segment: Segment, index?: number): void {
	command(doc, () => insertRecord(root(doc, 'segments'), segment, index));
}

export function updateSegment(doc: Y.Doc, id: string, patch: SegmentPatch): void {
	command(doc, () => patchRecord(root(doc, 'segments'), id, patch));
}

/** Removes a segment with its jobs, pains and gains (one undo step brings all back). */
export function removeSegment(doc: Y.Doc, id: string): void {
	command(doc, () => {
		deleteRecord(root(doc, 'segments'), id);
		const items = root(doc, 'vpItems');
		const gone = new Set<string>();
		for (let i = items.length - 1; i >= 0; i--) {
			if (items.get(i).get('segmentId') === id) {
				gone.add(str(items.get(i).get('id')));
				items.delete(i, 1);
			}
		}
		unlink(items, 'addresses', gone);
		dropKeys(doc, 'channelPrefs', (parts) => parts[0] === id);
		dropKeys(doc, 'assignments', (parts) => parts[2] === id);
		for (const m of root(doc, 'touchpoints')) {
			const ids = m.get('segmentIds');
			if (Array.isArray(ids) && ids.includes(id))
				m.set(
					'segmentIds',
					strings(ids).filter((s) => s !== id)
				);
		}
	});
}

/* Change plan, 7-S and Porter */

export function setSupportText(
	doc: Y.Doc,
	support: Support,
	side: 'today' | 'target',
	text: string
): void {
	command(doc, () => setFlat(doc, 'changePlan', `${support}.${side}`, text));
}

export function addInitiative(doc: Y.Doc, initiative: Initiative, index?: number): void {
	command(doc, () => insertRecord(root(doc, 'initiatives'), initiative, index));
}

export function updateInitiative(
	doc: Y.Doc,
	id: string,
	patch: Partial<Omit<Initiative, 'id'>>
): void {
	command(doc, () => patchRecord(root(doc, 'initiatives'), id, patch));
}

/** Removes an initiative; touchpoints that linked to it keep their text and lose the link. */
export function removeInitiative(doc: Y.Doc, id: string): void {
	command(doc, () => {
		deleteRecord(root(doc, 'initiatives'), id);
		clearLinks(doc, 'initiativeId', id);
	});
}

/** Sets `field` to null on every touchpoint where it is `id`. */
function clearLinks(doc: Y.Doc, field: 'initiativeId' | 'channelId', id: string) {
	for (const m of root(doc, 'touchpoints')) if (m.get(field) === id) m.set(field, null);
}

export function setSevenS(
	doc: Y.Doc,
	element: SevenS,
	field: 'today' | 'target' | 'alignment',
	value: string | number | null
): void {
	command(doc, () => setFlat(doc, 'sevenS', `${element}.${field}`, value));
}

export function setPorter(
	doc: Y.Doc,
	condition: PorterCondition,
	field: 'rating' | 'notes',
	value: string | number | null
): void {
	command(doc, () => setFlat(doc, 'porter', `${condition}.${field}`, value));
}

/* Channels and products */

export function addChannel(doc: Y.Doc, channel: Channel, index?: number): void {
	command(doc, () => insertRecord(root(doc, 'channels'), channel, index));
}

/** Adds several channels as one step (the standard list). */
export function addChannels(doc: Y.Doc, channels: readonly Channel[]): void {
	command(doc, () => root(doc, 'channels').push(channels.map(toYMap)));
}

export function updateChannel(doc: Y.Doc, id: string, patch: Partial<Omit<Channel, 'id'>>): void {
	command(doc, () => patchRecord(root(doc, 'channels'), id, patch));
}

/** Removes a channel with its preferences, assignments and its place in conflicts. */
export function removeChannel(doc: Y.Doc, id: string): void {
	command(doc, () => {
		deleteRecord(root(doc, 'channels'), id);
		dropKeys(doc, 'channelPrefs', (parts) => parts[1] === id);
		dropKeys(doc, 'assignments', (parts) => parts[1] === id);
		clearLinks(doc, 'channelId', id);
		for (const m of root(doc, 'conflicts')) {
			const ids = strings(m.get('channelIds'));
			if (ids.includes(id))
				m.set(
					'channelIds',
					ids.filter((c) => c !== id)
				);
		}
	});
}

/** Sets how much a segment prefers a channel; 0 removes the preference. */
export function setPreference(
	doc: Y.Doc,
	segmentId: string,
	channelId: string,
	preference: number
): void {
	command(doc, () => {
		const key = `${segmentId}:${channelId}`;
		if (preference === 0) flatMap(doc, 'channelPrefs').delete(key);
		else setFlat(doc, 'channelPrefs', key, preference);
	});
}

/** Whether a product or service goes through a channel to a segment. */
export function setAssignment(
	doc: Y.Doc,
	offeringId: string,
	channelId: string,
	segmentId: string,
	on: boolean
): void {
	command(doc, () => {
		const key = `${offeringId}:${channelId}:${segmentId}`;
		if (on) setFlat(doc, 'assignments', key, true);
		else flatMap(doc, 'assignments').delete(key);
	});
}

export function addConflict(doc: Y.Doc, conflict: ChannelConflict): void {
	command(doc, () => insertRecord(root(doc, 'conflicts'), conflict));
}

export function updateConflict(
	doc: Y.Doc,
	id: string,
	patch: Partial<Omit<ChannelConflict, 'id'>>
): void {
	command(doc, () => patchRecord(root(doc, 'conflicts'), id, patch));
}

export function removeConflict(doc: Y.Doc, id: string): void {
	command(doc, () => deleteRecord(root(doc, 'conflicts'), id));
}

/** Deletes the keys of a flat map whose `:`-separated parts match. */
function dropKeys(doc: Y.Doc, name: FlatMap, match: (parts: string[]) => boolean) {
	const m = flatMap(doc, name);
	for (const key of [...m.keys()]) if (match(key.split(':'))) m.delete(key);
}

/** The answer to a workshop question; an empty answer removes it. */
export function setAnswer(doc: Y.Doc, questionId: string, answer: string): void {
	command(doc, () => {
		const m = flatMap(doc, 'answers');
		if (answer === '') m.delete(questionId);
		else if (m.get(questionId) !== answer) m.set(questionId, answer);
	});
}

function setFlat(doc: Y.Doc, name: FlatMap, key: string, value: unknown) {
	const m = flatMap(doc, name);
	if (m.get(key) !== value) m.set(key, value);
}

/** Sets a flat key, or removes it for null. */
function setOrDelete(doc: Y.Doc, name: FlatMap, key: string, value: unknown) {
	if (value === null) flatMap(doc, name).delete(key);
	else setFlat(doc, name, key, value);
}

/** Takes `gone` out of the id list `field` of every record (the links to removed records). */
function unlink(records: Records, field: string, gone: ReadonlySet<string>) {
	for (const m of records) {
		const ids = strings(m.get(field));
		if (ids.some((x) => gone.has(x)))
			m.set(
				field,
				ids.filter((x) => !gone.has(x))
			);
	}
}

/* Value proposition */

export type ValuePropositionField = Exclude<keyof ValueProposition, 'items'>;

export function setValueProposition<K extends ValuePropositionField>(
	doc: Y.Doc,
	field: K,
	value: ValueProposition[K]
): void {
	command(doc, () => {
		const m = vpMap(doc);
		if (m.get(field) !== value) m.set(field, value);
	});
}

export function addVpItem(doc: Y.Doc, item: VpItem, index?: number): void {
	command(doc, () => insertRecord(root(doc, 'vpItems'), item, index));
}

export function updateVpItem(doc: Y.Doc, id: string, patch: Partial<Omit<VpItem, 'id'>>): void {
	command(doc, () => patchRecord(root(doc, 'vpItems'), id, patch));
}

/** Removes an item, and the links to it from relievers and creators. */
export function removeVpItem(doc: Y.Doc, id: string): void {
	command(doc, () => {
		const items = root(doc, 'vpItems');
		deleteRecord(items, id);
		dropKeys(doc, 'assignments', (parts) => parts[0] === id);
		unlink(items, 'addresses', new Set([id]));
	});
}

/** Moves an item to `toIndex` in the whole list (ranking is the order within a segment and kind). */
export function moveVpItem(doc: Y.Doc, id: string, toIndex: number): void {
	command(doc, () => moveRecord(root(doc, 'vpItems'), id, toIndex, readVpItem));
}

export function moveSegment(doc: Y.Doc, id: string, toIndex: number): void {
	command(doc, () => moveRecord(root(doc, 'segments'), id, toIndex, readSegment));
}

export function addNeed(doc: Y.Doc, segmentId: string, need: SegmentNeed, index?: number): void {
	command(doc, () => insertRecord(needsOf(doc, segmentId), need, index));
}

export function updateNeed(
	doc: Y.Doc,
	segmentId: string,
	needId: string,
	patch: Partial<Omit<SegmentNeed, 'id'>>
): void {
	command(doc, () => patchRecord(needsOf(doc, segmentId), needId, patch));
}

export function removeNeed(doc: Y.Doc, segmentId: string, needId: string): void {
	command(doc, () => deleteRecord(needsOf(doc, segmentId), needId));
}

/* Touchpoint map */

/** Adds stages at the end, in order, as one step. */
export function addStages(doc: Y.Doc, stages: readonly JourneyStage[]): void {
	command(doc, () => root(doc, 'stages').push(stages.map(toYMap)));
}

export function renameStage(doc: Y.Doc, id: string, name: string): void {
	command(doc, () => patchRecord(root(doc, 'stages'), id, { name }));
}

export function moveStage(doc: Y.Doc, id: string, toIndex: number): void {
	command(doc, () => moveRecord(root(doc, 'stages'), id, toIndex, readStage));
}

/** Removes a stage with its touchpoints (one undo step brings all back). */
export function removeStage(doc: Y.Doc, id: string): void {
	command(doc, () => {
		deleteRecord(root(doc, 'stages'), id);
		const touchpoints = root(doc, 'touchpoints');
		for (let i = touchpoints.length - 1; i >= 0; i--)
			if (touchpoints.get(i).get('stageId') === id) touchpoints.delete(i, 1);
	});
}

export type TouchpointPatch = Partial<Omit<Touchpoint, 'id'>>;

export function addTouchpoint(doc: Y.Doc, touchpoint: Touchpoint, index?: number): void {
	command(doc, () => insertRecord(root(doc, 'touchpoints'), touchpoint, index));
}

export function updateTouchpoint(doc: Y.Doc, id: string, patch: TouchpointPatch): void {
	command(doc, () => patchRecord(root(doc, 'touchpoints'), id, patch));
}

export function removeTouchpoint(doc: Y.Doc, id: string): void {
	command(doc, () => deleteRecord(root(doc, 'touchpoints'), id));
}

/* Workflow and internal relationships */

export function addWorkflowNode(doc: Y.Doc, node: WorkflowNode): void {
	command(doc, () => insertRecord(root(doc, 'workflowNodes'), node));
}

export function updateWorkflowNode(
	doc: Y.Doc,
	id: string,
	patch: Partial<Pick<WorkflowNode, 'kind' | 'label'>>
): void {
	command(doc, () => patchRecord(root(doc, 'workflowNodes'), id, patch));
}

/** Removes a node with the edges that start or end at it. */
export function removeWorkflowNode(doc: Y.Doc, id: string): void {
	command(doc, () => {
		deleteRecord(root(doc, 'workflowNodes'), id);
		const edges = root(doc, 'workflowEdges');
		for (let i = edges.length - 1; i >= 0; i--) {
			const e = edges.get(i);
			if (e.get('from') === id || e.get('to') === id) edges.delete(i, 1);
		}
	});
}

export function addWorkflowEdge(doc: Y.Doc, edge: WorkflowEdge): void {
	command(doc, () => insertRecord(root(doc, 'workflowEdges'), edge));
}

export function updateWorkflowEdge(
	doc: Y.Doc,
	id: string,
	patch: Partial<Pick<WorkflowEdge, 'from' | 'to' | 'kind' | 'label'>>
): void {
	command(doc, () => patchRecord(root(doc, 'workflowEdges'), id, patch));
}

export function removeWorkflowEdge(doc: Y.Doc, id: string): void {
	command(doc, () => deleteRecord(root(doc, 'workflowEdges'), id));
}

/**
 * Replaces one side's workflow with the given nodes and edges (for example the target started
 * from a copy of today's), as one step.
 */
export function replaceWorkflow(
	doc: Y.Doc,
	side: Side,
	nodes: readonly WorkflowNode[],
	edges: readonly WorkflowEdge[]
): void {
	command(doc, () => {
		for (const name of ['workflowEdges', 'workflowNodes'] as const) {
			const records = root(doc, name);
			for (let i = records.length - 1; i >= 0; i--)
				if (records.get(i).get('side') === side) records.delete(i, 1);
		}
		root(doc, 'workflowNodes').push(nodes.map(toYMap));
		root(doc, 'workflowEdges').push(edges.map(toYMap));
	});
}

/* Free diagrams */

export function addDiagram(doc: Y.Doc, diagram: FreeDiagram): void {
	command(doc, () => insertRecord(root(doc, 'diagrams'), diagram));
}

export function updateDiagram(
	doc: Y.Doc,
	id: string,
	patch: Partial<Pick<FreeDiagram, 'title' | 'text'>>
): void {
	command(doc, () => patchRecord(root(doc, 'diagrams'), id, patch));
}

export function removeDiagram(doc: Y.Doc, id: string): void {
	command(doc, () => deleteRecord(root(doc, 'diagrams'), id));
}

/* ---------- assessments ---------- */

export type NewAssessment = Omit<Assessment, 'answers' | 'revealed' | 'initiatives'>;

/** Starts a run: pins its template version (kept once per engagement) and adds its people. */
export function startAssessment(
	doc: Y.Doc,
	assessment: NewAssessment,
	template: AssessmentTemplate
): void {
	command(doc, () => {
		const key = templateKey(template.id, template.version);
		const templates = flatMap(doc, 'assessmentTemplates');
		if (!templates.has(key)) templates.set(key, template);
		const { participants, ...record } = assessment;
		insertRecord(root(doc, 'assessments'), record);
		for (const p of participants)
			insertRecord(root(doc, 'participants'), { ...p, assessmentId: assessment.id });
	});
}

export function updateAssessment(
	doc: Y.Doc,
	id: string,
	patch: Partial<Pick<Assessment, 'title' | 'date' | 'notes'>>
): void {
	command(doc, () => patchRecord(root(doc, 'assessments'), id, patch));
}

/** Deletes the keys of flat maps that start with `prefix` (a run's or a person's). */
function dropPrefixed(doc: Y.Doc, names: readonly FlatMap[], prefix: string) {
	for (const name of names) {
		const map = flatMap(doc, name);
		for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key);
	}
}

/** Removes a run with its people, answers, reveals and links; its template copy goes when no run uses it. */
export function removeAssessment(doc: Y.Doc, id: string): void {
	command(doc, () => {
		const list = root(doc, 'assessments');
		const record = find(list, id);
		if (!record) return;
		const key = templateKey(str(record.get('templateId')), str(record.get('templateVersion')));
		deleteRecord(list, id);
		const people = root(doc, 'participants');
		for (let i = people.length - 1; i >= 0; i--)
			if (people.get(i).get('assessmentId') === id) people.delete(i, 1);
		dropPrefixed(doc, ['assessmentAnswers', 'assessmentRevealed', 'assessmentLinks'], `${id}:`);
		const stillUsed = list
			.toArray()
			.some((m) => templateKey(str(m.get('templateId')), str(m.get('templateVersion'))) === key);
		if (!stillUsed) flatMap(doc, 'assessmentTemplates').delete(key);
	});
}

export function addParticipant(doc: Y.Doc, assessmentId: string, participant: Participant): void {
	command(doc, () => insertRecord(root(doc, 'participants'), { ...participant, assessmentId }));
}

export function updateParticipant(
	doc: Y.Doc,
	id: string,
	patch: Partial<Omit<Participant, 'id'>>
): void {
	command(doc, () => patchRecord(root(doc, 'participants'), id, patch));
}

/** Removes a participant and every answer they gave. */
export function removeParticipant(doc: Y.Doc, assessmentId: string, id: string): void {
	command(doc, () => {
		deleteRecord(root(doc, 'participants'), id);
		dropPrefixed(doc, ['assessmentAnswers'], `${assessmentId}:${id}:`);
	});
}

export type AnswerPatch = Partial<Omit<Answer, 'participantId' | 'questionId'>>;

/** Changes fields of one answer; each field is its own key, a blank field is removed. */
export function setAssessmentAnswer(
	doc: Y.Doc,
	assessmentId: string,
	participantId: string,
	questionId: string,
	patch: AnswerPatch
): void {
	command(doc, () => {
		const answers = flatMap(doc, 'assessmentAnswers');
		for (const field of ANSWER_FIELDS) {
			if (!(field in patch)) continue;
			const key = answerKey(assessmentId, participantId, questionId, field);
			const value = patch[field];
			if (isBlankField(value)) {
				if (answers.has(key)) answers.delete(key);
			} else if (answers.get(key) !== value) answers.set(key, value);
		}
	});
}

/** Shows (or hides again) a question's scores in the facilitator view. */
export function setRevealed(
	doc: Y.Doc,
	assessmentId: string,
	questionId: string,
	on: boolean
): void {
	command(doc, () => {
		const marks = flatMap(doc, 'assessmentRevealed');
		const key = `${assessmentId}:${questionId}`;
		if (on && marks.get(key) !== true) marks.set(key, true);
		if (!on && marks.has(key)) marks.delete(key);
	});
}

/**
 * Takes a question's votes from a workshop vote into the run, in one step (one undo): each
 * voter becomes a participant of the run (by the id they voted with) if they are not one yet,
 * their levels become their answer, and the question is marked revealed.
 */
export function recordVotes(
	doc: Y.Doc,
	assessmentId: string,
	questionId: string,
	votes: ReadonlyArray<{
		participantId: string;
		name: string;
		patch: Partial<Pick<Answer, 'current' | 'target' | 'intention'>>;
	}>
): void {
	command(doc, () => {
		if (!find(root(doc, 'assessments'), assessmentId)) return;
		const participants = root(doc, 'participants');
		const known = new Set(
			participants
				.toArray()
				.filter((m) => m.get('assessmentId') === assessmentId)
				.map((m) => m.get('id'))
		);
		for (const vote of votes) {
			if (!known.has(vote.participantId)) {
				insertRecord(participants, {
					id: vote.participantId,
					name: vote.name,
					role: '',
					department: '',
					assessmentId
				});
				known.add(vote.participantId);
			}
			setAssessmentAnswer(doc, assessmentId, vote.participantId, questionId, {
				...vote.patch,
				na: false,
				naReason: ''
			});
		}
		setRevealed(doc, assessmentId, questionId, true);
	});
}

/** Adds a recommendation's initiative to the change plan and remembers the link, in one step. */
export function addRecommendedInitiative(
	doc: Y.Doc,
	assessmentId: string,
	ruleId: string,
	initiative: Initiative
): void {
	command(doc, () => {
		if (!find(root(doc, 'assessments'), assessmentId)) return;
		insertRecord(root(doc, 'initiatives'), initiative);
		flatMap(doc, 'assessmentLinks').set(`${assessmentId}:${ruleId}`, initiative.id);
	});
}

/* ---------- business case ---------- */

export function setCaseSetting<K extends keyof CaseSettings>(
	doc: Y.Doc,
	key: K,
	value: CaseSettings[K]
): void {
	command(doc, () => setFlat(doc, 'caseSettings', key, value));
}

export function setPreferredOption(doc: Y.Doc, optionId: string | null): void {
	command(doc, () => setFlat(doc, 'caseSettings', 'preferredOptionId', optionId));
}

export function addCaseOption(doc: Y.Doc, option: CaseOption): void {
	command(doc, () => insertRecord(root(doc, 'caseOptions'), option));
}

/** Renames or describes an option; making one the baseline makes it the only one. */
export function updateCaseOption(
	doc: Y.Doc,
	id: string,
	patch: Partial<Omit<CaseOption, 'id'>>
): void {
	command(doc, () => {
		const options = root(doc, 'caseOptions');
		if (patch.baseline === true)
			for (const m of options)
				if (m.get('id') !== id && m.get('baseline') === true) m.set('baseline', false);
		patchRecord(options, id, patch);
	});
}

/** Removes an option with its cost and benefit lines. */
export function removeCaseOption(doc: Y.Doc, id: string): void {
	command(doc, () => {
		deleteRecord(root(doc, 'caseOptions'), id);
		for (const name of ['caseCosts', 'caseBenefits'] as const) {
			const lines = root(doc, name);
			for (let i = lines.length - 1; i >= 0; i--)
				if (lines.get(i).get('optionId') === id) lines.delete(i, 1);
		}
		if (flatMap(doc, 'caseSettings').get('preferredOptionId') === id)
			flatMap(doc, 'caseSettings').set('preferredOptionId', null);
	});
}

export function addCostLine(doc: Y.Doc, line: CostLine): void {
	command(doc, () => insertRecord(root(doc, 'caseCosts'), line));
}

export function updateCostLine(doc: Y.Doc, id: string, patch: Partial<Omit<CostLine, 'id'>>): void {
	command(doc, () => patchRecord(root(doc, 'caseCosts'), id, patch));
}

export function removeCostLine(doc: Y.Doc, id: string): void {
	command(doc, () => deleteRecord(root(doc, 'caseCosts'), id));
}

export function addBenefitLine(doc: Y.Doc, line: BenefitLine): void {
	command(doc, () => insertRecord(root(doc, 'caseBenefits'), line));
}

export function updateBenefitLine(
	doc: Y.Doc,
	id: string,
	patch: Partial<Omit<BenefitLine, 'id'>>
): void {
	command(doc, () => patchRecord(root(doc, 'caseBenefits'), id, patch));
}

export function removeBenefitLine(doc: Y.Doc, id: string): void {
	command(doc, () => deleteRecord(root(doc, 'caseBenefits'), id));
}

/** Replaces the whole business case (from a template); one undoable step. */
export function replaceBusinessCase(doc: Y.Doc, c: BusinessCase): void {
	command(doc, () => {
		for (const name of ['caseOptions', 'caseCosts', 'caseBenefits'] as const)
			root(doc, name).delete(0, root(doc, name).length);
		flatMap(doc, 'caseSettings').clear();
		for (const [key, value] of Object.entries(c.settings))
			flatMap(doc, 'caseSettings').set(key, value);
		flatMap(doc, 'caseSettings').set('preferredOptionId', c.preferredOptionId);
		root(doc, 'caseOptions').push(c.options.map(toYMap));
		root(doc, 'caseCosts').push(c.costs.map(toYMap));
		root(doc, 'caseBenefits').push(c.benefits.map(toYMap));
	});
}

/* ---------- roadmap ---------- */

export function setRoadmapSetting<K extends keyof RoadmapSettings>(
	doc: Y.Doc,
	key: K,
	value: RoadmapSettings[K]
): void {
	command(doc, () => {
		const m = flatMap(doc, 'roadmapSettings');
		const same = Array.isArray(value)
			? JSON.stringify(m.get(key)) === JSON.stringify(value)
			: m.get(key) === value;
		if (!same) m.set(key, value);
	});
}

/** Replaces the whole roadmap (started from a template, or cleared); one undoable step. */
export function replaceRoadmap(doc: Y.Doc, r: Roadmap): void {
	command(doc, () => {
		for (const name of ROADMAP_COLLECTIONS) root(doc, name).delete(0, root(doc, name).length);
		for (const name of ['roadmapSettings', 'roadmapRoles', 'roadmapRaci', 'kpiActuals'] as const)
			flatMap(doc, name).clear();
		for (const [key, value] of Object.entries(r.settings))
			flatMap(doc, 'roadmapSettings').set(key, value);
		for (const [member, role] of Object.entries(r.roles))
			flatMap(doc, 'roadmapRoles').set(member, role);
		for (const [key, value] of Object.entries(r.raci)) flatMap(doc, 'roadmapRaci').set(key, value);
		for (const k of r.kpis)
			for (const a of k.actuals) flatMap(doc, 'kpiActuals').set(`${k.id}:${a.date}`, a.value);
		root(doc, 'roadmapPhases').push(r.phases.map(toYMap));
		root(doc, 'roadmapTasks').push(r.tasks.map(toYMap));
		root(doc, 'roadmapKpis').push(r.kpis.map(({ actuals: _a, ...k }) => toYMap(k)));
		root(doc, 'roadmapGates').push(r.gates.map(toYMap));
		root(doc, 'roadmapBaselines').push(r.baselines.map(toYMap));
	});
}
const ROADMAP_COLLECTIONS = [
	'roadmapPhases',
	'roadmapTasks',
	'roadmapKpis',
	'roadmapGates',
	'roadmapBaselines'
] as const;

export function addPhase(doc: Y.Doc, phase: Phase, index?: number): void {
	command(doc, () => insertRecord(root(doc, 'roadmapPhases'), phase, index));
}

export function updatePhase(doc: Y.Doc, id: string, patch: Partial<Omit<Phase, 'id'>>): void {
	command(doc, () => patchRecord(root(doc, 'roadmapPhases'), id, patch));
}

export function movePhase(doc: Y.Doc, id: string, toIndex: number): void {
	command(doc, () => moveRecord(root(doc, 'roadmapPhases'), id, toIndex, readPhase));
}

/**
 * Removes a phase with its KPIs, gate reviews and RACI; its tasks stay, without a phase (so
 * that no task, and no dependency through it, is lost).
 */
export function removePhase(doc: Y.Doc, id: string): void {
	command(doc, () => {
		deleteRecord(root(doc, 'roadmapPhases'), id);
		for (const m of root(doc, 'roadmapTasks')) if (m.get('phaseId') === id) m.set('phaseId', null);
		for (const name of ['roadmapKpis', 'roadmapGates'] as const) {
			const list = root(doc, name);
			for (let i = list.length - 1; i >= 0; i--) {
				const m = list.get(i);
				if (m.get('phaseId') !== id) continue;
				if (name === 'roadmapKpis') dropPrefixed(doc, ['kpiActuals'], `${str(m.get('id'))}:`);
				list.delete(i, 1);
			}
		}
		dropPrefixed(doc, ['roadmapRaci'], `${id}:`);
	});
}

export type TaskPatch = Partial<Omit<RoadmapTask, 'id' | 'dependsOn'>>;

/** Adds a task; its dependencies must not close a loop (the UI checks with loopThrough first). */
export function addTask(doc: Y.Doc, task: RoadmapTask, index?: number): void {
	command(doc, () => insertRecord(root(doc, 'roadmapTasks'), task, index));
}

/**
 * Changes a task's fields. Done means 100 %; a done task set below 100 % is in progress again;
 * not started means 0 %; a milestone takes no time.
 */
export function updateTask(doc: Y.Doc, id: string, patch: TaskPatch): void {
	command(doc, () => {
		const full: TaskPatch = { ...patch };
		if (patch.status === 'done') full.percent = 100;
		else if (patch.status === 'notStarted' && patch.percent === undefined) full.percent = 0;
		else if (patch.percent !== undefined) {
			const m = find(root(doc, 'roadmapTasks'), id);
			const status = patch.status ?? m?.get('status');
			if (patch.percent === 100 && patch.status === undefined) full.status = 'done';
			else if (patch.percent < 100 && status === 'done') full.status = 'inProgress';
		}
		if (patch.milestone === true) full.duration = 0;
		patchRecord(root(doc, 'roadmapTasks'), id, full);
	});
}

/** Removes a task and every dependency on it. */
export function removeTask(doc: Y.Doc, id: string): void {
	command(doc, () => {
		const tasks = root(doc, 'roadmapTasks');
		deleteRecord(tasks, id);
		unlink(tasks, 'dependsOn', new Set([id]));
	});
}

export function moveTask(doc: Y.Doc, id: string, toIndex: number): void {
	command(doc, () => moveRecord(root(doc, 'roadmapTasks'), id, toIndex, readTask));
}

/**
 * Sets the tasks `taskId` waits for (finish-to-start). Refused, with nothing written, when it
 * would make a loop: returns the loop then (each task waiting for the next), otherwise null.
 * Ids of tasks that do not exist, and the task itself, are left out.
 */
export function setDependencies(
	doc: Y.Doc,
	taskId: string,
	dependsOn: readonly string[]
): string[] | null {
	const tasks = root(doc, 'roadmapTasks')
		.toArray()
		.map((m) => ({ id: str(m.get('id')), dependsOn: strings(m.get('dependsOn')) }));
	const known = new Set(tasks.map((x) => x.id));
	const wanted = [...new Set(dependsOn)].filter((d) => d !== taskId && known.has(d));
	const loop = loopThrough(tasks, taskId, wanted);
	if (loop) return loop;
	command(doc, () => patchRecord(root(doc, 'roadmapTasks'), taskId, { dependsOn: wanted }));
	return null;
}

export function addKpi(doc: Y.Doc, kpi: Kpi): void {
	const { actuals, ...record } = kpi;
	command(doc, () => {
		insertRecord(root(doc, 'roadmapKpis'), record);
		for (const a of actuals) flatMap(doc, 'kpiActuals').set(`${kpi.id}:${a.date}`, a.value);
	});
}

export function updateKpi(
	doc: Y.Doc,
	id: string,
	patch: Partial<Omit<Kpi, 'id' | 'actuals'>>
): void {
	command(doc, () => patchRecord(root(doc, 'roadmapKpis'), id, patch));
}

export function removeKpi(doc: Y.Doc, id: string): void {
	command(doc, () => {
		deleteRecord(root(doc, 'roadmapKpis'), id);
		dropPrefixed(doc, ['kpiActuals'], `${id}:`);
	});
}

/** Records the value measured for a period (dated by its last day); null removes it. */
export function setKpiActual(doc: Y.Doc, kpiId: string, date: string, value: number | null): void {
	command(doc, () => setOrDelete(doc, 'kpiActuals', `${kpiId}:${date}`, value));
}

export function addGate(doc: Y.Doc, gate: GateReview): void {
	command(doc, () => insertRecord(root(doc, 'roadmapGates'), gate));
}

export function updateGate(doc: Y.Doc, id: string, patch: Partial<Omit<GateReview, 'id'>>): void {
	command(doc, () => patchRecord(root(doc, 'roadmapGates'), id, patch));
}

export function removeGate(doc: Y.Doc, id: string): void {
	command(doc, () => deleteRecord(root(doc, 'roadmapGates'), id));
}

/** The role a team member plays in the project; null removes it. */
export function setProjectRole(doc: Y.Doc, memberId: string, role: ProjectRole | null): void {
	command(doc, () => setOrDelete(doc, 'roadmapRoles', memberId, role));
}

/** A member's part in a phase (responsible, accountable, consulted, informed); null removes it. */
export function setRaci(doc: Y.Doc, phaseId: string, memberId: string, value: Raci | null): void {
	command(doc, () => setOrDelete(doc, 'roadmapRaci', `${phaseId}:${memberId}`, value));
}

export function saveBaseline(doc: Y.Doc, baseline: Baseline): void {
	command(doc, () => insertRecord(root(doc, 'roadmapBaselines'), baseline));
}

export function renameBaseline(doc: Y.Doc, id: string, name: string): void {
	command(doc, () => patchRecord(root(doc, 'roadmapBaselines'), id, { name }));
}

export function removeBaseline(doc: Y.Doc, id: string): void {
	command(doc, () => deleteRecord(root(doc, 'roadmapBaselines'), id));
}

/** Replaces everything in the document (import over an engagement); one undoable step. */
export function replaceContent(doc: Y.Doc, content: EngagementContent): void {
	command(doc, () => {
		const p = profileMap(doc);
		for (const key of [...p.keys()]) if (!(key in content.profile)) p.delete(key);
		vpMap(doc).clear();
		for (const name of FLAT_MAPS) flatMap(doc, name).clear();
		for (const name of ROOT_COLLECTIONS) root(doc, name).delete(0, root(doc, name).length);
		fill(doc, content);
	});
}

export function createUndoManager(doc: Y.Doc): Y.UndoManager {
	return new Y.UndoManager(trackedTypes(doc), {
		trackedOrigins: new Set([LOCAL_ORIGIN]),
		captureTimeout: 600
	});
}
