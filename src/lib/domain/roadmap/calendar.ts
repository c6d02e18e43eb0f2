/**
 * Calendar days and working days, with no time zone anywhere: a day is its ISO text
 * (`YYYY-MM-DD`) or its number of days since 1970-01-01, both computed with UTC arithmetic, so a
 * plan gives the same dates on every machine whatever its clock or zone says.
 */

import { isIsoDay as isRealDay } from '../assessment/model.ts';

const MS_PER_DAY = 86_400_000;

/** The years a plan may use: wide enough for any programme, narrow enough to schedule quickly. */
export const YEARS = { min: 1900, max: 2199 } as const;

/** A real calendar day written as YYYY-MM-DD (2026-02-30 is not one), within YEARS. */
export function isIsoDay(v: string): boolean {
	const year = Number(v.slice(0, 4));
	return isRealDay(v) && year >= YEARS.min && year <= YEARS.max;
}

/** Days since 1970-01-01 of a valid ISO day. */
export function dayNumber(iso: string): number {
	const y = Number(iso.slice(0, 4));
	const m = Number(iso.slice(5, 7));
	const d = Number(iso.slice(8, 10));
	// setUTCFullYear, unlike Date.UTC, reads years 0–99 as themselves.
	const date = new Date(0);
	date.setUTCFullYear(y, m - 1, d);
	return Math.round(date.getTime() / MS_PER_DAY);
}

/** The ISO day of a day number. */
export function isoDay(n: number): string {
	return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
	return isoDay(dayNumber(iso) + days);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(n: number): number {
	return (((n + 4) % 7) + 7) % 7;
}

/** Today's date where the user is (the one place a clock and a zone come in). */
export function localToday(now = new Date()): string {
	const pad = (x: number) => String(x).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface CalendarRules {
	/** Saturdays and Sundays are not worked. */
	excludeWeekends: boolean;
	/** Listed days off (ISO days); invalid entries are ignored. */
	holidays: readonly string[];
}

/** No plan spans more than this many calendar days (the whole of YEARS): a guard against runaway input. */
const MAX_SPAN = 110_000;

/**
 * Working days numbered from an origin: index 0 is the first working day on or after the
 * origin. Built lazily, so a plan pays only for the span it uses.
 */
export class WorkCalendar {
	readonly origin: number;
	private readonly excludeWeekends: boolean;
	private readonly holidays: Set<number>;
	private readonly days: number[] = [];
	private next: number;

	constructor(rules: CalendarRules, originIso: string) {
		this.origin = dayNumber(originIso);
		this.excludeWeekends = rules.excludeWeekends;
		this.holidays = new Set(rules.holidays.filter(isIsoDay).map(dayNumber));
		this.next = this.origin;
	}

	isWorking(n: number): boolean {
		if (this.holidays.has(n)) return false;
		if (!this.excludeWeekends) return true;
		const w = weekday(n);
		return w !== 0 && w !== 6;
	}

	private extendTo(predicate: () => boolean) {
		while (!predicate()) {
			if (this.next - this.origin > MAX_SPAN)
				throw new RangeError(`The plan runs past the calendar’s limit of ${MAX_SPAN} days.`);
			if (this.isWorking(this.next)) this.days.push(this.next);
			this.next++;
		}
	}

	/** The index of the first working day on or after `iso` (days before the origin count as the origin). */
	indexOf(iso: string): number {
		const n = dayNumber(iso);
		this.extendTo(() => this.next > n && this.days.length > 0 && this.days.at(-1)! >= n);
		let lo = 0;
		let hi = this.days.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.days[mid]! >= n) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}

	/** The ISO day of working day `index`. */
	dayOf(index: number): string {
		this.extendTo(() => this.days.length > index);
		return isoDay(this.days[Math.max(0, index)]!);
	}

	/** Working days from `start` to `end`, both included; −1 when `end` is before `start`. */
	workingDaysBetween(start: string, end: string): number {
		if (dayNumber(end) < dayNumber(start)) return -1;
		return this.indexOf(addDays(end, 1)) - this.indexOf(start);
	}
}
