import { describe, expect, it } from 'vitest';
import {
	strategyCompleteness,
	suggestedManagement,
	tacticsFor,
	TACTICS
} from './customer-strategy.ts';

describe('customer strategy', () => {
	const empty = {
		understanding: '',
		shareToKeep: null,
		walletGoal: null,
		crossSell: '',
		upSell: '',
		management: null,
		tactics: []
	};

	it('counts the four elements and the tactics towards completeness', () => {
		expect(strategyCompleteness(empty)).toBe(0);
		expect(strategyCompleteness({ ...empty, understanding: ' ' })).toBe(0);
		expect(
			strategyCompleteness({ ...empty, understanding: 'Owners decide alone', walletGoal: 0.4 })
		).toBe(2);
		expect(
			strategyCompleteness({
				...empty,
				upSell: 'Cash management',
				management: 'keyAccount',
				tactics: ['diplomacy']
			})
		).toBe(3);
		expect(
			strategyCompleteness({
				understanding: 'x',
				shareToKeep: 0.9,
				walletGoal: null,
				crossSell: 'x',
				upSell: '',
				management: 'team',
				tactics: ['clubs']
			})
		).toBe(5);
	});

	it('suggests tactics and a management model that fit the tier, from the library', () => {
		expect(suggestedManagement('develop')).toBe('keyAccount');
		expect(suggestedManagement('maintain')).toBe('team');
		expect(suggestedManagement('serve')).toBe('selfService');
		for (const tier of ['develop', 'maintain', 'serve'] as const) {
			for (const t of tacticsFor(tier)) expect(TACTICS).toContain(t);
		}
		expect(tacticsFor('develop')).toContain('diplomacy');
		expect(tacticsFor('serve')).not.toContain('diplomacy');
	});
});
