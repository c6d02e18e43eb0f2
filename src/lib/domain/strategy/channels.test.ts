import { describe, expect, it } from 'vitest';
import { matrixKey, nextPreference, preferredChannels, weightedContactCost } from './channels.ts';

const channels = [
	{ id: 'branch', costPerContact: 6_000 }, // ¥60 a visit
	{ id: 'phone', costPerContact: 1_200 }, // ¥12 a call
	{ id: 'app', costPerContact: 50 } // ¥0.50 a session
];

describe('channels', () => {
	it('weights the cost per contact by preference', () => {
		// Wealth: branch high (3), phone low (1) → (3 × 6,000 + 1 × 1,200) ÷ 4 = 4,800.
		// Mass: app high (3), phone medium (2) → (3 × 50 + 2 × 1,200) ÷ 5 = 510.
		const prefs = {
			[matrixKey('wealth', 'branch')]: 3,
			[matrixKey('wealth', 'phone')]: 1,
			[matrixKey('mass', 'app')]: 3,
			[matrixKey('mass', 'phone')]: 2
		};
		expect(weightedContactCost(channels, prefs, 'wealth')).toBe(4_800);
		expect(weightedContactCost(channels, prefs, 'mass')).toBe(510);
		expect(weightedContactCost(channels, prefs, 'sme')).toBeNull();
		expect(
			preferredChannels(channels, prefs, 'mass').map((x) => [x.channel.id, x.preference])
		).toEqual([
			['app', 3],
			['phone', 2]
		]);
	});

	it('cycles a preference through none, low, medium, high', () => {
		expect([nextPreference(0), nextPreference(1), nextPreference(2), nextPreference(3)]).toEqual([
			1, 2, 3, 0
		]);
	});
});
