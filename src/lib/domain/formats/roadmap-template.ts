import { z } from 'zod';
import type { Locale } from '../locales.ts';
import { semver, templateRef, templateText } from '../schemas.ts';
import {
	KPI_DIRECTIONS,
	PROJECT_ROLES,
	ROADMAP_LIMITS,
	type Roadmap,
	type RoadmapTask
} from '../roadmap/model.ts';
import { findCycle, schedule } from '../roadmap/schedule.ts';
import { problemsFromZod, type Problem } from './problems.ts';
import { errorMap, type RefProblem } from './references.ts';

/**
 * Roadmap templates (templates/roadmaps/*.json): the phases of a CRM rollout, each with its
 * goal, exit criteria, KPIs and typical tasks and milestones, written in the three languages.
 * Tasks name the tasks they wait for by `ref` (finish-to-start), across phases too. A new
 * roadmap takes the texts of one language and dates from the day the user starts it.
 */
export const ROADMAP_TEMPLATE_KIND = 'crm-strategy-workbench/roadmap-template';
export const ROADMAP_TEMPLATE_FORMAT_VERSION = 1;

const text = templateText;
const L = ROADMAP_LIMITS;
const kpiValue = z.number().min(L.kpiValue.min).max(L.kpiValue.max);

export const roadmapTaskTemplateSchema = z.strictObject({
	ref: templateRef,
	title: text(L.title),
	milestone: z.boolean().default(false),
	role: z.enum(PROJECT_ROLES).nullable().default(null),
	/** Working days; 0 for a milestone. */
	duration: z.number().int().min(L.duration.min).max(L.duration.max),
	/** Person-days. */
	effort: z.number().min(L.effort.min).max(L.effort.max).nullable().default(null),
	/** The `ref`s of the tasks that must finish first. */
	dependsOn: z.array(templateRef).max(50).default([])
});

export const roadmapBodySchema = z.strictObject({
	phases: z
		.array(
			z.strictObject({
				ref: templateRef,
				title: text(L.title),
				goal: text(),
				exitCriteria: text(),
				kpis: z
					.array(
						z.strictObject({
							ref: templateRef,
							metric: text(L.title),
							unit: text(50),
							direction: z.enum(KPI_DIRECTIONS),
							baseline: kpiValue.nullable().default(null),
							target: kpiValue.nullable().default(null)
						})
					)
					.max(10)
					.default([]),
				tasks: z.array(roadmapTaskTemplateSchema).max(100)
			})
		)
		.min(1)
		.max(50)
});
export type RoadmapBody = z.infer<typeof roadmapBodySchema>;

/** Refs are unique, dependencies name tasks that exist and make no loop, milestones take no time. */
export function checkRoadmapRefs(
	body: RoadmapBody,
	ctx: z.RefinementCtx,
	at: (string | number)[] = []
) {
	const issue = (path: (string | number)[], problem: RefProblem, ref: string) =>
		ctx.addIssue({ code: 'custom', path: [...at, ...path], params: { problem, ref } });
	const phases = new Set<string>();
	const tasks = new Set<string>();
	const kpis = new Set<string>();
	body.phases.forEach((p, i) => {
		if (phases.has(p.ref)) issue(['phases', i, 'ref'], 'duplicateId', p.ref);
		phases.add(p.ref);
		p.kpis.forEach((k, j) => {
			if (kpis.has(k.ref)) issue(['phases', i, 'kpis', j, 'ref'], 'duplicateId', k.ref);
			kpis.add(k.ref);
		});
		p.tasks.forEach((t, j) => {
			if (tasks.has(t.ref)) issue(['phases', i, 'tasks', j, 'ref'], 'duplicateId', t.ref);
			tasks.add(t.ref);
			if (t.milestone && t.duration !== 0)
				issue(['phases', i, 'tasks', j, 'duration'], 'milestoneDuration', '');
		});
	});
	body.phases.forEach((p, i) =>
		p.tasks.forEach((t, j) =>
			t.dependsOn.forEach((d, k) => {
				if (!tasks.has(d)) issue(['phases', i, 'tasks', j, 'dependsOn', k], 'unknownTask', d);
			})
		)
	);
	// With a ref given twice the loop check would merge two tasks: the duplicate is reported alone.
	const all = body.phases.flatMap((p) =>
		p.tasks.map((t) => ({ id: t.ref, dependsOn: t.dependsOn }))
	);
	const cycle = all.length === tasks.size ? findCycle(all) : null;
	if (cycle) issue(['phases'], 'dependencyCycle', [...cycle, cycle[0]].join(' → '));
}

export const roadmapTemplateSchema = roadmapBodySchema
	.extend({
		kind: z.literal(ROADMAP_TEMPLATE_KIND),
		formatVersion: z.literal(ROADMAP_TEMPLATE_FORMAT_VERSION),
		id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
		/** A published version is never edited: a change gets a new version. */
		version: semver,
		title: text(200),
		description: text(),
		/** Where the plan comes from, and under which licence the file may be used. */
		source: z.string().trim().min(1).max(1000),
		licence: z.string().trim().min(1).max(300)
	})
	.superRefine((t, ctx) => checkRoadmapRefs(t, ctx))
	.meta({
		title: 'CRM Strategy Workbench roadmap template',
		description:
			'The phases of a CRM rollout with their goals, exit criteria, KPIs, tasks, milestones and finish-to-start dependencies, texts in zh-CN, zh-TW and en.'
	});
export type RoadmapTemplate = z.infer<typeof roadmapTemplateSchema>;

export type RoadmapTemplateResult =
	{ ok: true; template: RoadmapTemplate } | { ok: false; problems: Problem[] };

export function checkRoadmapTemplate(data: unknown, locale: Locale): RoadmapTemplateResult {
	const result = roadmapTemplateSchema.safeParse(data, { error: errorMap(locale) });
	if (!result.success) return { ok: false, problems: problemsFromZod(result.error) };
	return { ok: true, template: result.data };
}

export interface Instantiated {
	roadmap: Roadmap;
	/** Template task ref → the new task's id (starters attach progress through it). */
	taskIds: Map<string, string>;
	phaseIds: Map<string, string>;
	kpiIds: Map<string, string>;
}

/**
 * A roadmap from a template body, in one language, starting on `start`, with new ids. Each
 * phase's planned window is the span its tasks are scheduled over on that day.
 */
export function instantiateRoadmap(
	body: RoadmapBody,
	locale: Locale,
	start: string,
	newId: () => string,
	calendar: { excludeWeekends: boolean; holidays: string[] } = {
		excludeWeekends: true,
		holidays: []
	}
): Instantiated {
	const phaseIds = new Map(body.phases.map((p) => [p.ref, newId()]));
	const taskIds = new Map(body.phases.flatMap((p) => p.tasks.map((t) => [t.ref, newId()])));
	const kpiIds = new Map(body.phases.flatMap((p) => p.kpis.map((k) => [k.ref, newId()])));
	const tasks: RoadmapTask[] = body.phases.flatMap((p) =>
		p.tasks.map((t) => ({
			id: taskIds.get(t.ref)!,
			phaseId: phaseIds.get(p.ref)!,
			title: t.title[locale],
			milestone: t.milestone,
			ownerId: null,
			role: t.role,
			start: null,
			duration: t.milestone ? 0 : t.duration,
			dependsOn: t.dependsOn.map((d) => taskIds.get(d)!),
			status: 'notStarted' as const,
			percent: 0,
			effort: t.effort,
			costLineId: null,
			origin: null,
			notes: ''
		}))
	);
	const planned = schedule(start, calendar, tasks);
	const span = (phaseId: string) => {
		if (!planned.ok) return { start: null, end: null };
		const own = tasks.filter((t) => t.phaseId === phaseId).map((t) => planned.tasks.get(t.id)!);
		if (own.length === 0) return { start: null, end: null };
		return {
			start: own.map((t) => t.start).sort()[0]!,
			end: own
				.map((t) => t.finish)
				.sort()
				.at(-1)!
		};
	};
	const roadmap: Roadmap = {
		settings: { start, excludeWeekends: calendar.excludeWeekends, holidays: calendar.holidays },
		phases: body.phases.map((p) => ({
			id: phaseIds.get(p.ref)!,
			title: p.title[locale],
			goal: p.goal[locale],
			...span(phaseIds.get(p.ref)!),
			exitCriteria: p.exitCriteria[locale]
		})),
		tasks,
		kpis: body.phases.flatMap((p) =>
			p.kpis.map((k) => ({
				id: kpiIds.get(k.ref)!,
				phaseId: phaseIds.get(p.ref)!,
				metric: k.metric[locale],
				unit: k.unit[locale],
				direction: k.direction,
				baseline: k.baseline,
				target: k.target,
				actuals: []
			}))
		),
		gates: [],
		roles: {},
		raci: {},
		baselines: []
	};
	return { roadmap, taskIds, phaseIds, kpiIds };
}
