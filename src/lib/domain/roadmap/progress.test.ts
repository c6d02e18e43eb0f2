import { describe, expect, it } from 'vitest';
import {
	blankRoadmap,
	blankTask,
	type Baseline,
	type Kpi,
	type Roadmap,
	type RoadmapTask
} from './model.ts';
import {
	baselineTasks,
	completion,
	driftOf,
	isOverdue,
	kpiStatus,
	phaseProgress,
	type Plan
} from './progress.ts';
import { schedule } from './schedule.ts';

/** A one-day task titled by its id. */
function aTask(id: string, overrides: Partial<RoadmapTask> = {}): RoadmapTask {
	return blankTask(id, { title: id, duration: 1, ...overrides });
}

function planOf(roadmap: Roadmap): Plan {
	const result = schedule(roadmap.settings.start!, roadmap.settings, roadmap.tasks);
	if (!result.ok) throw new Error('cycle');
	return result.tasks;
}

/*
 * 2027-01-04 is a Monday; Friday 2027-01-08 is a holiday, so working days run
 * 0 Mon 4 · 1 Tue 5 · 2 Wed 6 · 3 Thu 7 · 4 Mon 11 · 5 Tue 12 · 6 Wed 13 · 7 Thu 14.
 *   a (3 d, done)           → 4 … 6            critical
 *   b (4 d, after a, 50 %)  → 7, 11, 12, 13    critical
 *   c (2 d, blocked)        → 4 … 5            slack 5
 *   m (milestone, after b c) → 13 (the end of b's last day)   critical
 *   u (1 d, no phase, 20 %) → 4                slack 6
 */
const roadmap: Roadmap = {
	...blankRoadmap(),
	settings: { start: '2027-01-04', excludeWeekends: true, holidays: ['2027-01-08'] },
	phases: [
		{ id: 'p1', title: 'Build', goal: '', start: null, end: null, exitCriteria: '' },
		{ id: 'p2', title: 'Launch', goal: '', start: null, end: null, exitCriteria: '' },
		{ id: 'p3', title: 'Later', goal: '', start: null, end: null, exitCriteria: '' }
	],
	tasks: [
		aTask('a', { phaseId: 'p1', duration: 3, status: 'done', percent: 80 }),
		aTask('b', {
			phaseId: 'p1',
			duration: 4,
			dependsOn: ['a'],
			status: 'inProgress',
			percent: 50
		}),
		aTask('c', { phaseId: 'p2', duration: 2, status: 'blocked' }),
		aTask('m', { phaseId: 'p2', milestone: true, duration: 0, dependsOn: ['b', 'c'] }),
		aTask('u', { duration: 1, percent: 20 })
	]
};
const plan = planOf(roadmap);

describe('the fixture schedule', () => {
	it('is the one worked out by hand', () => {
		const brief = [...plan.values()].map((t) => [t.id, t.start, t.finish, t.slack, t.critical]);
		expect(brief).toEqual([
			['a', '2027-01-04', '2027-01-06', 0, true],
			['b', '2027-01-07', '2027-01-13', 0, true],
			['c', '2027-01-04', '2027-01-05', 5, false],
			['m', '2027-01-13', '2027-01-13', 0, true],
			['u', '2027-01-04', '2027-01-04', 6, false]
		]);
	});
});

describe('completion', () => {
	it('weighs each task by its working days, a milestone by 1, a done task as 100 %', () => {
		// a 3 × 100 % (done, whatever its 80 says) + b 4 × 50 % + u 1 × 20 % = 5.2 of 3+4+2+1+1 = 11
		expect(completion(roadmap.tasks)).toBeCloseTo(5.2 / 11, 12);
		expect(completion(roadmap.tasks.slice(0, 2))).toBeCloseTo(5 / 7, 12);
	});

	it('is 0 for nothing, and 1 when all is done', () => {
		expect(completion([])).toBe(0);
		expect(
			completion([
				aTask('x', { status: 'done' }),
				aTask('y', { milestone: true, duration: 0, status: 'done' })
			])
		).toBe(1);
	});

	it('counts a milestone like one working day', () => {
		const tasks = [
			aTask('x', { duration: 3 }),
			aTask('m', { milestone: true, duration: 0, status: 'done' })
		];
		expect(completion(tasks)).toBe(1 / 4);
	});

	it('counts a task of no working days like a milestone, so it is never weightless', () => {
		expect(completion([aTask('z', { duration: 0, percent: 40 })])).toBeCloseTo(0.4, 12);
	});
});

describe('overdue tasks', () => {
	const today = '2027-01-12';
	const task = (id: string) => roadmap.tasks.find((t) => t.id === id)!;

	it('are the unfinished ones whose finish is before today', () => {
		expect(roadmap.tasks.filter((t) => isOverdue(t, plan, today)).map((t) => t.id)).toEqual([
			'c',
			'u'
		]);
	});

	it('never include a done task, a task finishing today, or one not scheduled', () => {
		expect(isOverdue(task('a'), plan, '2027-02-01')).toBe(false);
		expect(isOverdue(task('u'), plan, '2027-01-04')).toBe(false);
		expect(isOverdue(task('u'), plan, '2027-01-05')).toBe(true);
		expect(isOverdue(aTask('ghost'), plan, '2099-01-01')).toBe(false);
	});
});

describe('phase progress', () => {
	it('gives one entry per phase, then one for the tasks without a phase', () => {
		expect(phaseProgress(roadmap, plan, '2027-01-12')).toEqual([
			{
				phaseId: 'p1',
				total: 2,
				done: 1,
				blocked: 0,
				overdue: 0,
				completion: 5 / 7,
				start: '2027-01-04',
				finish: '2027-01-13'
			},
			{
				phaseId: 'p2',
				total: 2,
				done: 0,
				blocked: 1,
				overdue: 1,
				completion: 0,
				start: '2027-01-04',
				finish: '2027-01-13'
			},
			{
				phaseId: 'p3',
				total: 0,
				done: 0,
				blocked: 0,
				overdue: 0,
				completion: 0,
				start: null,
				finish: null
			},
			{
				phaseId: null,
				total: 1,
				done: 0,
				blocked: 0,
				overdue: 1,
				completion: 0.2,
				start: '2027-01-04',
				finish: '2027-01-04'
			}
		]);
	});

	it('has no entry for loose tasks when every task has a phase', () => {
		const phased = { ...roadmap, tasks: roadmap.tasks.filter((t) => t.phaseId !== null) };
		expect(phaseProgress(phased, plan, '2027-01-12').map((p) => p.phaseId)).toEqual([
			'p1',
			'p2',
			'p3'
		]);
	});

	it('leaves the span open when no task of the phase is scheduled', () => {
		const [p1] = phaseProgress(roadmap, new Map(), '2027-01-12');
		expect(p1).toMatchObject({ total: 2, overdue: 0, start: null, finish: null });
	});

	it('counts a task whose phase does not exist as having none', () => {
		const orphan = { ...roadmap, tasks: [aTask('o', { phaseId: 'gone' })] };
		expect(phaseProgress(orphan, plan, '2027-01-12').at(-1)).toMatchObject({
			phaseId: null,
			total: 1
		});
	});
});

describe('KPI status', () => {
	const kpi = (overrides: Partial<Kpi>): Kpi => ({
		id: 'k',
		phaseId: 'p1',
		metric: 'Retention',
		unit: '%',
		direction: 'up',
		baseline: 40,
		target: 60,
		actuals: [],
		...overrides
	});

	it('reads the latest actual by date, not by position', () => {
		const status = kpiStatus(
			kpi({
				actuals: [
					{ date: '2027-03-31', value: 45 },
					{ date: '2027-01-31', value: 70 }
				]
			})
		);
		// (45 − 40) / (60 − 40)
		expect(status).toEqual({
			latest: { date: '2027-03-31', value: 45 },
			progress: 0.25,
			met: false
		});
	});

	it('works the same way for a KPI that should go down', () => {
		const down = (value: number) =>
			kpiStatus(
				kpi({
					direction: 'down',
					baseline: 10,
					target: 6,
					actuals: [{ date: '2027-01-31', value }]
				})
			);
		expect(down(7)).toMatchObject({ progress: 0.75, met: false }); // (7 − 10) / (6 − 10)
		expect(down(6)).toMatchObject({ progress: 1, met: true });
		expect(down(5)).toMatchObject({ progress: 1, met: true }); // 1.25, clamped
		expect(down(12)).toMatchObject({ progress: 0, met: false }); // −0.5, clamped
	});

	it('meets an upward target at or above it', () => {
		const up = (value: number) => kpiStatus(kpi({ actuals: [{ date: '2027-01-31', value }] })).met;
		expect([up(59.9), up(60), up(61)]).toEqual([false, true, true]);
	});

	it('has no progress without a baseline, a target, an actual, or a gap between them', () => {
		const one = [{ date: '2027-01-31', value: 50 }];
		expect(kpiStatus(kpi({ baseline: null, actuals: one }))).toMatchObject({
			progress: null,
			met: false
		});
		expect(kpiStatus(kpi({ target: null, actuals: one }))).toMatchObject({
			progress: null,
			met: null
		});
		expect(kpiStatus(kpi({ baseline: 60, actuals: one }))).toMatchObject({
			progress: null,
			met: false
		});
		expect(kpiStatus(kpi({}))).toEqual({ latest: null, progress: null, met: null });
	});
});

describe('drift against a baseline', () => {
	const baseline: Baseline = {
		id: 'b1',
		name: 'Kick-off',
		savedOn: '2027-01-01',
		tasks: {
			a: { start: '2027-01-04', finish: '2027-01-06' },
			b: { start: '2027-01-07', finish: '2027-01-11' },
			m: { start: '2027-01-12', finish: '2027-01-12' },
			gone: { start: '2027-01-04', finish: '2027-01-04' }
		}
	};

	it('counts calendar days, later being positive', () => {
		expect(driftOf('a', plan, baseline)).toEqual({
			start: 0,
			finish: 0,
			baselineStart: '2027-01-04',
			baselineFinish: '2027-01-06'
		});
		// 11 → 13 January
		expect(driftOf('b', plan, baseline)).toMatchObject({ start: 0, finish: 2 });
		// 12 → 13 January
		expect(driftOf('m', plan, baseline)).toMatchObject({ start: 1, finish: 1 });
		const early: Baseline = {
			...baseline,
			tasks: { a: { start: '2027-01-11', finish: '2027-01-13' } }
		};
		expect(driftOf('a', plan, early)).toMatchObject({ start: -7, finish: -7 });
	});

	it('is null for a task added since, one not scheduled, or no baseline', () => {
		expect(driftOf('c', plan, baseline)).toBeNull();
		expect(driftOf('gone', plan, baseline)).toBeNull();
		expect(driftOf('a', plan, null)).toBeNull();
	});

	it('does not mistake an object property for a task', () => {
		const odd = new Map([['constructor', plan.get('a')!]]);
		expect(driftOf('constructor', odd, baseline)).toBeNull();
		expect(driftOf('toString', odd, baseline)).toBeNull();
	});

	it('records every scheduled task for a new baseline', () => {
		const tasks = baselineTasks(plan);
		expect(tasks).toEqual({
			a: { start: '2027-01-04', finish: '2027-01-06' },
			b: { start: '2027-01-07', finish: '2027-01-13' },
			c: { start: '2027-01-04', finish: '2027-01-05' },
			m: { start: '2027-01-13', finish: '2027-01-13' },
			u: { start: '2027-01-04', finish: '2027-01-04' }
		});
		const now: Baseline = { ...baseline, tasks };
		for (const t of roadmap.tasks)
			expect(driftOf(t.id, plan, now)).toMatchObject({ start: 0, finish: 0 });
	});

	it('keeps any id as a key, even __proto__', () => {
		const odd = planOf({ ...roadmap, tasks: [aTask('__proto__')] });
		const tasks = baselineTasks(odd);
		expect(Object.keys(tasks)).toEqual(['__proto__']);
		expect(Object.getPrototypeOf(tasks)).toBe(Object.prototype);
		const saved: Baseline = { id: 'x', name: '', savedOn: '2027-01-01', tasks };
		expect(driftOf('__proto__', odd, saved)).toMatchObject({ start: 0, finish: 0 });
	});
});
