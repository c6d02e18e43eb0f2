import type { z } from 'zod';
import type {
	baselineSchema,
	gateReviewSchema,
	kpiSchema,
	phaseSchema,
	roadmapSchema,
	roadmapTaskSchema
} from '../schemas.ts';

/**
 * The roadmap of the CRM rollout: phases (each with its goal, dates, exit criteria, KPIs and
 * gate reviews), tasks and milestones with finish-to-start dependencies, the project team's
 * roles and RACI per phase, and saved baselines. Dates are calendar days (`YYYY-MM-DD`), never
 * instants, so that a plan reads the same in every time zone. A task's length is a number of
 * working days; its dates come from the schedule (see schedule.ts).
 */

export const TASK_STATUSES = ['notStarted', 'inProgress', 'blocked', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The roles of a CRM project team, as the source literature lists them. */
export const PROJECT_ROLES = [
	'sponsor',
	'management',
	'it',
	'users',
	'finance',
	'experts'
] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/** Responsible, accountable, consulted, informed. */
export const RACI = ['R', 'A', 'C', 'I'] as const;
export type Raci = (typeof RACI)[number];

/** What a gate review decided: go on, go on with conditions, hold, or stop. */
export const GATE_DECISIONS = ['go', 'conditional', 'hold', 'stop'] as const;
export type GateDecision = (typeof GATE_DECISIONS)[number];

/** Whether a KPI improves by going up (retention) or down (cost per contact). */
export const KPI_DIRECTIONS = ['up', 'down'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const ROADMAP_LIMITS = {
	title: 300,
	text: 5000,
	/** Working days; a milestone has none. */
	duration: { min: 0, max: 2000 },
	/** Person-days. */
	effort: { min: 0, max: 1_000_000 },
	kpiValue: { min: -1e12, max: 1e12 },
	holidays: 1000,
	tasks: 5000,
	phases: 100,
	baselines: 50
} as const;

// The types come from the zod schemas in schemas.ts (one definition for validation and types).
export type Roadmap = z.infer<typeof roadmapSchema>;
export type RoadmapSettings = Roadmap['settings'];
export type Phase = z.infer<typeof phaseSchema>;
export type RoadmapTask = z.infer<typeof roadmapTaskSchema>;
export type TaskOrigin = NonNullable<RoadmapTask['origin']>;
export type Kpi = z.infer<typeof kpiSchema>;
export type KpiActual = Kpi['actuals'][number];
export type GateReview = z.infer<typeof gateReviewSchema>;
export type Baseline = z.infer<typeof baselineSchema>;

/** An engagement's roadmap before anything is planned. */
export function blankRoadmap(): Roadmap {
	return {
		settings: { start: null, excludeWeekends: true, holidays: [] },
		phases: [],
		tasks: [],
		kpis: [],
		gates: [],
		roles: {},
		raci: {},
		baselines: []
	};
}

/** A new task with nothing planned yet: five working days, not started. */
export function blankTask(id: string, fields: Partial<Omit<RoadmapTask, 'id'>> = {}): RoadmapTask {
	const milestone = fields.milestone ?? false;
	return {
		id,
		phaseId: null,
		title: '',
		milestone,
		ownerId: null,
		role: null,
		start: null,
		duration: milestone ? 0 : 5,
		dependsOn: [],
		status: 'notStarted',
		percent: 0,
		effort: null,
		costLineId: null,
		origin: null,
		notes: '',
		...fields
	};
}
