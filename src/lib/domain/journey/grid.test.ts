import { describe, expect, it } from 'vitest';
import { aTouchpoint } from '../../../../test/factories.ts';
import { averageRating, mapSummary, touchpointGrid } from './grid.ts';
import type { Journey } from './model.ts';

const tp = aTouchpoint;

const journey: Journey = {
	stages: [
		{ id: 'aw', name: 'Awareness' },
		{ id: 'buy', name: 'Purchase' }
	],
	touchpoints: [
		tp('ad', 'aw', { channelId: 'web', ratingToday: -2, ratingTarget: 1 }),
		tp('visit', 'buy', { channelId: 'branch', ratingToday: 1, ratingTarget: 1, segmentIds: ['w'] }),
		tp('letter', 'buy', { channelId: 'gone', ratingToday: 0, momentOfTruth: true }),
		tp('chat', 'buy', { channelId: 'web', segmentIds: [] })
	]
};

describe('the touchpoint grid', () => {
	it('puts each touchpoint in its channel row and stage column; unknown channels go to "no channel"; "all segments" shows every touchpoint', () => {
		const rows = touchpointGrid(journey, ['branch', 'web'], null);
		expect(rows.map((r) => [r.channelId, r.cells.map((c) => c.map((t) => t.id))])).toEqual([
			['branch', [[], ['visit']]],
			['web', [['ad'], ['chat']]],
			[null, [[], ['letter']]]
		]);
	});

	it('shows only what a segment meets (a touchpoint for no segment shows nowhere)', () => {
		const rows = touchpointGrid(journey, ['branch', 'web'], 'm');
		expect(rows.map((r) => r.cells.flat().map((t) => t.id))).toEqual([[], ['ad'], ['letter']]);
		expect(touchpointGrid(journey, ['web'], 'w').map((r) => r.channelId)).toEqual(['web', null]);
	});

	it('has a "no channel" row when the engagement has no channels', () => {
		expect(touchpointGrid({ stages: journey.stages, touchpoints: [] }, [], null)).toEqual([
			{ channelId: null, cells: [[], []] }
		]);
	});

	it('averages the ratings given, and counts moments of truth and gaps', () => {
		// Today: −2, 1, 0 → −1/3; target: 1, 1 → 1.
		expect(averageRating(journey.touchpoints, 'today')).toBeCloseTo(-1 / 3, 10);
		expect(averageRating(journey.touchpoints, 'target')).toBe(1);
		expect(averageRating([], 'today')).toBeNull();
		expect(mapSummary(journey.touchpoints)).toEqual({ count: 4, moments: 1, gaps: 1 });
	});
});
