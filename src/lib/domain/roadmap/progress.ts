import { dayNumber, isIsoDay } from './calendar.ts';
import type { Baseline, Kpi, Roadmap, RoadmapTask } from './model.ts';
import type { ScheduledTask } from './schedule.ts';

/**
 * How far the roadmap has come: the share of the work done, per phase and in all; which tasks are
 * late; where each KPI stands against its baseline and target; and how far the plan has moved
 * since a saved baseline. Pure: "today" is passed in (see calendar.ts, `localToday`).
 */

/** The scheduled tasks, by task id (`schedule(…).tasks`). */
export type Plan = ReadonlyMap<string, ScheduledTask>;

/** A task's weight: its working days; a milestone (or a task of no working days) weighs 1. */
const weightOf = (t: RoadmapTask) => (t.milestone ? 1 : Math.max(1, Math.round(t.duration)));

/** Its percent complete, 0..100 (a done task is complete whatever its percent says). */
const percentOf = (t: RoadmapTask) =>
	t.status === 'done'
		? 100
		: Math.min(100, Math.max(0, Number.isFinite(t.percent) ? t.percent : 0));

/**
 * Share of the work done: each task weighs its duration in working days (a milestone weighs 1),
 * and counts its percent complete (a done task counts 100 %). 0..1; 0 when there is nothing.
 */
export function completion(tasks: readonly RoadmapTask[]): number {
	let weight = 0;
	let done = 0;
	for (const t of tasks) {
		const w = weightOf(t);
		weight += w;
		done += (w * percentOf(t)) / 100;
	}
	return weight === 0 ? 0 : Math.min(1, done / weight);
}

/** A task is overdue when it is not done and its scheduled finish is before today (ISO days compare as strings). */
export function isOverdue(task: RoadmapTask, plan: Plan, today: string): boolean {
	if (task.status === 'done') return false;
	const scheduled = plan.get(task.id);
	return scheduled !== undefined && scheduled.finish < today;
}

export interface PhaseProgress {
	phaseId: string | null;
	total: number;
	done: number;
	blocked: number;
	overdue: number;
	completion: number;
	/** scheduled span of its tasks, or null when it has none */
	start: string | null;
	finish: string | null;
}

/**
 * The tasks of each phase, in roadmap order, then those without a phase (key null). A task whose
 * phase does not exist (the schema refuses one) counts as having none.
 */
function tasksByPhase(roadmap: Roadmap): Map<string | null, RoadmapTask[]> {
	const groups = new Map<string | null, RoadmapTask[]>(roadmap.phases.map((p) => [p.id, []]));
	const loose: RoadmapTask[] = [];
	for (const t of roadmap.tasks) {
		const group = t.phaseId === null ? undefined : groups.get(t.phaseId);
		(group ?? loose).push(t);
	}
	if (loose.length > 0) groups.set(null, loose);
	return groups;
}

/** One entry per phase in roadmap order, then one for tasks without a phase (phaseId null) if any exist. */
export function phaseProgress(roadmap: Roadmap, plan: Plan, today: string): PhaseProgress[] {
	return [...tasksByPhase(roadmap)].map(([phaseId, tasks]) => {
		let start: string | null = null;
		let finish: string | null = null;
		for (const t of tasks) {
			const s = plan.get(t.id);
			if (!s) continue;
			if (start === null || s.start < start) start = s.start;
			if (finish === null || s.finish > finish) finish = s.finish;
		}
		return {
			phaseId,
			total: tasks.length,
			done: tasks.filter((t) => t.status === 'done').length,
			blocked: tasks.filter((t) => t.status === 'blocked').length,
			overdue: tasks.filter((t) => isOverdue(t, plan, today)).length,
			completion: completion(tasks),
			start,
			finish
		};
	});
}

export interface KpiStatus {
	latest: { date: string; value: number } | null;
	/** (latest − baseline) / (target − baseline), clamped to [0, 1]; null when baseline, target or an actual is missing, or target equals baseline */
	progress: number | null;
	/** the latest actual reaches the target in the KPI's direction (up: ≥ target, down: ≤ target); null when either is missing */
	met: boolean | null;
}

/** Where a KPI stands. Its latest actual is the one with the greatest date (of two on the same date, the later listed). */
export function kpiStatus(kpi: Kpi): KpiStatus {
	let latest: KpiStatus['latest'] = null;
	for (const a of kpi.actuals)
		if (latest === null || a.date >= latest.date) latest = { date: a.date, value: a.value };
	const { baseline, target } = kpi;
	let progress: number | null = null;
	if (latest !== null && baseline !== null && target !== null && target !== baseline) {
		const p = (latest.value - baseline) / (target - baseline);
		progress = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : null;
	}
	const met =
		latest === null || target === null
			? null
			: kpi.direction === 'up'
				? latest.value >= target
				: latest.value <= target;
	return { latest, progress, met };
}

export interface Drift {
	/** calendar days the scheduled start/finish moved against the baseline (positive = later) */
	start: number;
	finish: number;
	baselineStart: string;
	baselineFinish: string;
}

/** null when the task is not in the baseline (added since) or not scheduled. */
export function driftOf(taskId: string, plan: Plan, baseline: Baseline | null): Drift | null {
	if (!baseline || !Object.hasOwn(baseline.tasks, taskId)) return null;
	const saved = baseline.tasks[taskId]!;
	const now = plan.get(taskId);
	if (!now || !isIsoDay(saved.start) || !isIsoDay(saved.finish)) return null;
	return {
		start: dayNumber(now.start) - dayNumber(saved.start),
		finish: dayNumber(now.finish) - dayNumber(saved.finish),
		baselineStart: saved.start,
		baselineFinish: saved.finish
	};
}

/** The baseline record for the current plan: every scheduled task's start and finish. */
export function baselineTasks(plan: Plan): Baseline['tasks'] {
	// fromEntries defines own properties, so an id such as `__proto__` is kept as a key.
	return Object.fromEntries(
		[...plan.values()].map((t) => [t.id, { start: t.start, finish: t.finish }])
	);
}
