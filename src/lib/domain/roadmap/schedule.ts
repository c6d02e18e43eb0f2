import { WorkCalendar, dayNumber, isoDay, type CalendarRules } from './calendar.ts';

/**
 * The schedule of a roadmap: a forward pass (each task starts on the first working day after
 * all its predecessors finish, and not before its own earliest start), a backward pass (the
 * latest each task may start without moving the end of the plan), and the critical path (the
 * tasks with no slack). Dependencies are finish-to-start with no lag.
 *
 * Time runs in working days, half-open: a task of duration d that starts on working day s
 * occupies days s … s + d − 1 and frees its successors on day s + d. A milestone (d = 0) that
 * waits for other tasks marks the end of their last day (as in the usual Gantt convention: the
 * gate is on the Friday the work ends, the next phase starts on Monday); one that waits for
 * nothing sits at the start of its day. Either way its successors may start on day s.
 */

export interface SchedulableTask {
	id: string;
	/** The earliest day it may start (a "start no earlier than" date), or null: as soon as it can. */
	start: string | null;
	/** Working days; ignored (0) for a milestone. */
	duration: number;
	milestone: boolean;
	/** Ids of the tasks that must finish first. */
	dependsOn: readonly string[];
}

export interface ScheduledTask {
	id: string;
	/** First and last working day (a milestone: its day, twice). */
	start: string;
	finish: string;
	/** Working days it can slip without moving the end of the plan. */
	slack: number;
	critical: boolean;
	/** Working-day indices of the start and of the day its successors are freed. */
	es: number;
	ef: number;
}

export type ScheduleResult =
	| { ok: true; tasks: Map<string, ScheduledTask>; start: string; finish: string }
	/**
	 * The tasks of one dependency loop, each depending on the next and the last on the first;
	 * or null when the plan runs past the calendar's limit (centuries: a mistyped date).
	 */
	| { ok: false; cycle: string[] | null };

/**
 * One dependency loop among the tasks, or null. The loop is given so that each task depends on
 * the next, and the last on the first (a task that depends on itself is a loop of one).
 */
export function findCycle(
	tasks: readonly { id: string; dependsOn: readonly string[] }[]
): string[] | null {
	const deps = new Map(tasks.map((t) => [t.id, t.dependsOn]));
	const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: finished
	for (const t of tasks) {
		if (state.has(t.id)) continue;
		// Iterative depth-first search: the path and, for each step, the next dependency to try.
		const path: string[] = [t.id];
		const next: number[] = [0];
		state.set(t.id, 1);
		while (path.length > 0) {
			const id = path.at(-1)!;
			const list = deps.get(id) ?? [];
			const i = next[next.length - 1]!;
			if (i >= list.length) {
				state.set(id, 2);
				path.pop();
				next.pop();
				continue;
			}
			next[next.length - 1] = i + 1;
			const dep = list[i]!;
			if (!deps.has(dep)) continue;
			const s = state.get(dep);
			if (s === 1) return path.slice(path.indexOf(dep));
			if (s === undefined) {
				state.set(dep, 1);
				path.push(dep);
				next.push(0);
			}
		}
	}
	return null;
}

/**
 * The loop that `taskId` would be in if it waited for `dependsOn`: [taskId, d1, …, dk] where
 * each waits for the next and dk waits for taskId; null when there is none. Loops elsewhere in
 * the plan (say, left by two devices) do not count: only this task's edit is judged.
 */
export function loopThrough(
	tasks: readonly { id: string; dependsOn: readonly string[] }[],
	taskId: string,
	dependsOn: readonly string[]
): string[] | null {
	const deps = new Map(tasks.map((t) => [t.id, t.id === taskId ? dependsOn : t.dependsOn]));
	// Breadth-first from taskId's new predecessors, remembering how each task was reached.
	const cameFrom = new Map<string, string>();
	const queue: string[] = [];
	for (const d of dependsOn)
		if (!cameFrom.has(d)) {
			cameFrom.set(d, taskId);
			queue.push(d);
		}
	for (let i = 0; i < queue.length; i++) {
		const id = queue[i]!;
		if (id === taskId) {
			const path: string[] = [];
			for (let at = cameFrom.get(taskId)!; at !== taskId; at = cameFrom.get(at)!) path.push(at);
			return [taskId, ...path.reverse()];
		}
		for (const d of deps.get(id) ?? [])
			if (!cameFrom.has(d)) {
				cameFrom.set(d, id);
				queue.push(d);
			}
	}
	return null;
}

export function schedule(
	projectStart: string,
	rules: CalendarRules,
	tasks: readonly SchedulableTask[]
): ScheduleResult {
	const cycle = findCycle(tasks);
	if (cycle) return { ok: false, cycle };
	try {
		return forwardAndBack(projectStart, rules, tasks);
	} catch (e) {
		if (e instanceof RangeError) return { ok: false, cycle: null };
		throw e;
	}
}

function forwardAndBack(
	projectStart: string,
	rules: CalendarRules,
	tasks: readonly SchedulableTask[]
): ScheduleResult {
	const byId = new Map(tasks.map((t) => [t.id, t]));
	// The calendar starts at the earliest date anyone names, so every index is ≥ 0.
	let origin = dayNumber(projectStart);
	for (const t of tasks) if (t.start !== null) origin = Math.min(origin, dayNumber(t.start));
	const calendar = new WorkCalendar(rules, isoDay(origin));
	const projectIndex = calendar.indexOf(projectStart);
	const length = (t: SchedulableTask) => (t.milestone ? 0 : Math.max(0, Math.round(t.duration)));

	// Topological order (Kahn), keeping the given order among tasks that are free at once.
	const successors = new Map<string, string[]>(tasks.map((t) => [t.id, []]));
	const waiting = new Map<string, number>();
	for (const t of tasks) {
		const preds = new Set(t.dependsOn.filter((d) => byId.has(d)));
		waiting.set(t.id, preds.size);
		for (const p of preds) successors.get(p)!.push(t.id);
	}
	const order: string[] = tasks.filter((t) => waiting.get(t.id) === 0).map((t) => t.id);
	for (let i = 0; i < order.length; i++)
		for (const s of successors.get(order[i]!)!) {
			const left = waiting.get(s)! - 1;
			waiting.set(s, left);
			if (left === 0) order.push(s);
		}

	const es = new Map<string, number>();
	const ef = new Map<string, number>();
	/** Milestones that mark the end of their predecessors' last day (shown on that day). */
	const atEndOfDay = new Set<string>();
	for (const id of order) {
		const t = byId.get(id)!;
		const bound = t.start !== null ? calendar.indexOf(t.start) : projectIndex;
		let start = bound;
		for (const p of t.dependsOn) {
			const f = ef.get(p);
			if (f !== undefined) start = Math.max(start, f);
		}
		if (t.milestone && start > 0 && t.dependsOn.some((p) => ef.get(p) === start))
			atEndOfDay.add(id);
		es.set(id, start);
		ef.set(id, start + length(t));
	}
	let end = projectIndex;
	for (const f of ef.values()) end = Math.max(end, f);
	const lf = new Map<string, number>();
	for (let i = order.length - 1; i >= 0; i--) {
		const id = order[i]!;
		let latest = end;
		for (const s of successors.get(id)!)
			latest = Math.min(latest, lf.get(s)! - length(byId.get(s)!));
		lf.set(id, latest);
	}
	const out = new Map<string, ScheduledTask>();
	let first = Infinity;
	let last = -Infinity;
	for (const t of tasks) {
		const s = es.get(t.id)!;
		const f = ef.get(t.id)!;
		const slack = lf.get(t.id)! - f;
		// A task's last day; a milestone's one day (the end of its predecessors' last day, or
		// the start of its own day when nothing before it holds it back).
		const lastDay = f > s ? f - 1 : atEndOfDay.has(t.id) ? s - 1 : s;
		const firstDay = f > s ? s : lastDay;
		first = Math.min(first, firstDay);
		last = Math.max(last, lastDay);
		out.set(t.id, {
			id: t.id,
			start: calendar.dayOf(firstDay),
			finish: calendar.dayOf(lastDay),
			slack,
			critical: slack === 0,
			es: s,
			ef: f
		});
	}
	return {
		ok: true,
		tasks: out,
		start: calendar.dayOf(Number.isFinite(first) ? first : projectIndex),
		finish: calendar.dayOf(Number.isFinite(last) ? last : projectIndex)
	};
}
