import { describe, expect, it } from 'vitest';
import { WorkCalendar, addDays, dayNumber, isIsoDay, isoDay, weekday } from './calendar.ts';
import { findCycle, loopThrough, schedule, type SchedulableTask } from './schedule.ts';

// Hand-worked calendar: 2027-01-04 is a Monday; Friday 2027-01-08 is a listed holiday.
const rules = { excludeWeekends: true, holidays: ['2027-01-08'] };
const task = (
	id: string,
	duration: number,
	dependsOn: string[] = [],
	start: string | null = null
): SchedulableTask => ({
	id,
	start,
	duration,
	milestone: false,
	dependsOn
});
const milestone = (id: string, dependsOn: string[]): SchedulableTask => ({
	...task(id, 0, dependsOn),
	milestone: true
});

describe('calendar days', () => {
	it('reads and writes ISO days with no time zone', () => {
		expect(dayNumber('1970-01-01')).toBe(0);
		expect(dayNumber('2027-01-04')).toBe(20_822); // 57 years of 365 days, 14 leap days, 3 more
		expect(isoDay(20_822)).toBe('2027-01-04');
		expect(weekday(dayNumber('2027-01-04'))).toBe(1); // Monday
		expect(weekday(dayNumber('2027-01-10'))).toBe(0); // Sunday
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29'); // a leap year
		expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
		expect(isIsoDay('2027-02-29')).toBe(false);
		expect(isIsoDay('2027-13-01')).toBe(false);
		expect(isIsoDay('27-01-01')).toBe(false);
	});

	it('gives the same days whatever the machine’s time zone', () => {
		const saved = process.env.TZ;
		const results = ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Shanghai'].map((tz) => {
			process.env.TZ = tz;
			const cal = new WorkCalendar(rules, '2027-01-04');
			return [dayNumber('2027-03-28'), cal.dayOf(10), cal.indexOf('2027-01-11')];
		});
		process.env.TZ = saved;
		expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
	});

	it('counts working days, skipping weekends and holidays', () => {
		const cal = new WorkCalendar(rules, '2027-01-04');
		expect(cal.dayOf(0)).toBe('2027-01-04');
		expect(cal.dayOf(4)).toBe('2027-01-11'); // Thu 7 is index 3; Fri 8 off, then the weekend
		expect(cal.indexOf('2027-01-09')).toBe(4); // a Saturday counts as the next working day
		expect(cal.workingDaysBetween('2027-01-04', '2027-01-11')).toBe(5);
		expect(cal.workingDaysBetween('2027-01-09', '2027-01-10')).toBe(0);
		expect(cal.workingDaysBetween('2027-01-11', '2027-01-04')).toBe(-1);
		const everyDay = new WorkCalendar({ excludeWeekends: false, holidays: [] }, '2027-01-04');
		expect(everyDay.workingDaysBetween('2027-01-04', '2027-01-10')).toBe(7);
	});
});

describe('schedule', () => {
	// A (3 d) → B (2 d) and C (1 d); milestone M after B and C.
	const plan = [task('A', 3), task('B', 2, ['A']), task('C', 1, ['A']), milestone('M', ['B', 'C'])];

	it('runs the forward pass over working days', () => {
		const r = schedule('2027-01-04', rules, plan);
		if (!r.ok) throw new Error('cycle');
		const at = (id: string) => r.tasks.get(id)!;
		expect([at('A').start, at('A').finish]).toEqual(['2027-01-04', '2027-01-06']);
		// B starts Thursday 7 and, with Friday off, finishes Monday 11.
		expect([at('B').start, at('B').finish]).toEqual(['2027-01-07', '2027-01-11']);
		expect([at('C').start, at('C').finish]).toEqual(['2027-01-07', '2027-01-07']);
		// The milestone marks the end of B's last day; its successors could start on Tuesday.
		expect([at('M').start, at('M').finish]).toEqual(['2027-01-11', '2027-01-11']);
		expect(at('M').ef).toBe(at('B').ef);
		expect([r.start, r.finish]).toEqual(['2027-01-04', '2027-01-11']);
	});

	it('finds the critical path and each task’s slack', () => {
		const r = schedule('2027-01-04', rules, plan);
		if (!r.ok) throw new Error('cycle');
		expect([...r.tasks.values()].map((t) => [t.id, t.slack, t.critical])).toEqual([
			['A', 0, true],
			['B', 0, true],
			['C', 1, false],
			['M', 0, true]
		]);
	});

	it('moves the dependants when a task grows', () => {
		const longer = plan.map((t) => (t.id === 'A' ? { ...t, duration: 5 } : t));
		const r = schedule('2027-01-04', rules, longer);
		if (!r.ok) throw new Error('cycle');
		expect(r.tasks.get('A')!.finish).toBe('2027-01-11');
		expect(r.tasks.get('B')!.start).toBe('2027-01-12');
		expect(r.tasks.get('B')!.finish).toBe('2027-01-13');
		expect(r.tasks.get('M')!.start).toBe('2027-01-13');
	});

	it('keeps an earliest start, moved to a working day', () => {
		const r = schedule('2027-01-04', rules, [...plan, task('D', 1, [], '2027-01-09')]);
		if (!r.ok) throw new Error('cycle');
		expect(r.tasks.get('D')!.start).toBe('2027-01-11');
		// A start before the plan's own start extends the calendar back.
		const early = schedule('2027-01-04', rules, [task('E', 2, [], '2026-12-31')]);
		if (!early.ok) throw new Error('cycle');
		expect([early.tasks.get('E')!.start, early.tasks.get('E')!.finish]).toEqual([
			'2026-12-31',
			'2027-01-01'
		]);
	});

	it('works every day when weekends are not excluded', () => {
		const r = schedule('2027-01-04', { excludeWeekends: false, holidays: ['2027-01-08'] }, plan);
		if (!r.ok) throw new Error('cycle');
		expect(r.tasks.get('B')!.finish).toBe('2027-01-09');
	});

	it('refuses a loop and names its tasks in order', () => {
		const loop = [task('A', 1, ['C']), task('B', 1, ['A']), task('C', 1, ['B'])];
		const r = schedule('2027-01-04', rules, loop);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		// Each depends on the next: A waits for C, C for B, B for A.
		expect(r.cycle).toEqual(['A', 'C', 'B']);
		expect(findCycle([task('X', 1, ['X'])])).toEqual(['X']);
		expect(findCycle(plan)).toBeNull();
		expect(loopThrough(plan, 'A', ['M'])).toEqual(['A', 'M', 'B']);
		expect(loopThrough(plan, 'C', ['A', 'B'])).toBeNull();
		expect(loopThrough(plan, 'B', ['B'])).toEqual(['B']);
		// A loop elsewhere (left by two devices) does not block an edit that makes none.
		const elsewhere = [...plan, task('X', 1, ['Y']), task('Y', 1, ['X'])];
		expect(loopThrough(elsewhere, 'C', ['A'])).toBeNull();
	});

	it('reports a plan that runs past the calendar instead of failing', () => {
		const r = schedule(
			'1900-01-01',
			rules,
			[task('A', 2000), task('B', 2000, ['A'])].concat(
				Array.from({ length: 60 }, (_, i) => task(`L${i}`, 2000, [i === 0 ? 'B' : `L${i - 1}`]))
			)
		);
		expect(r).toEqual({ ok: false, cycle: null });
	});

	it('ignores dependencies on tasks that are not there', () => {
		const r = schedule('2027-01-04', rules, [task('A', 2, ['gone'])]);
		expect(r.ok && r.tasks.get('A')!.start).toBe('2027-01-04');
	});

	it('schedules an empty plan on its start day', () => {
		const r = schedule('2027-01-09', rules, []);
		expect(r.ok && [r.start, r.finish]).toEqual(['2027-01-11', '2027-01-11']);
	});
});
