import { describe, expect, it } from 'vitest';
import { priority, summariseRatings, supportProgress } from './change-plan.ts';

describe('change plan', () => {
	it('places initiatives on the impact × effort grid', () => {
		expect(priority('high', 'low')).toBe('quickWin');
		expect(priority('high', 'medium')).toBe('majorProject');
		expect(priority('high', 'high')).toBe('majorProject');
		expect(priority('medium', 'low')).toBe('fillIn');
		expect(priority('low', 'high')).toBe('reconsider');
		expect(priority(null, 'low')).toBeNull();
	});

	it('counts initiatives per support, leaving dropped ones out', () => {
		const p = supportProgress([
			{ support: 'processes', status: 'done' },
			{ support: 'processes', status: 'inProgress' },
			{ support: 'processes', status: 'dropped' },
			{ support: 'technology', status: 'idea' }
		]);
		expect(p.processes).toEqual({ total: 2, done: 1, open: 1 });
		expect(p.technology).toEqual({ total: 1, done: 0, open: 1 });
		expect(p.locations).toEqual({ total: 0, done: 0, open: 0 });
	});

	it('summarises 7-S alignment and Porter ratings: average and weakest', () => {
		// (4 + 2 + 3 + 2) / 4 = 2.75; structure and skills tie as weakest.
		expect(
			summariseRatings({ strategy: 4, structure: 2, systems: 3, skills: 2, style: null })
		).toEqual({
			average: 2.75,
			rated: 4,
			weakest: ['structure', 'skills']
		});
		expect(summariseRatings({ rivals: null })).toEqual({ average: null, rated: 0, weakest: [] });
	});
});
