import { describe, expect, it } from 'vitest';
import { backupDue } from './backup-reminder.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.parse('2026-11-23T09:00:00Z');

describe('backupDue', () => {
	it('never reminds an empty device', () => {
		expect(backupDue(null, [], now)).toBe(false);
	});

	it('reminds when nothing was ever backed up and the oldest engagement is a week old', () => {
		expect(backupDue(null, [{ createdAt: now - 6 * DAY, updatedAt: now }], now)).toBe(false);
		expect(
			backupDue(
				null,
				[
					{ createdAt: now - 2 * DAY, updatedAt: now },
					{ createdAt: now - 7 * DAY, updatedAt: now - 7 * DAY }
				],
				now
			)
		).toBe(true);
	});

	it('reminds a week after the last backup, only if something changed since', () => {
		const backedUp = now - 8 * DAY;
		expect(backupDue(backedUp, [{ createdAt: now - 30 * DAY, updatedAt: backedUp - 1 }], now)).toBe(
			false
		);
		expect(backupDue(backedUp, [{ createdAt: now - 30 * DAY, updatedAt: now - DAY }], now)).toBe(
			true
		);
		expect(
			backupDue(now - 6 * DAY, [{ createdAt: now - 30 * DAY, updatedAt: now - DAY }], now)
		).toBe(false);
	});
});
