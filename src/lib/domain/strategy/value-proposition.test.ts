import { describe, expect, it } from 'vitest';
import { valueFit, type VpItemLike } from './value-proposition.ts';

const item = (
	id: string,
	kind: VpItemLike['kind'],
	segmentId: string | null = 'wealth',
	addresses: string[] = []
): VpItemLike => ({
	id,
	kind,
	segmentId: kind === 'job' || kind === 'pain' || kind === 'gain' ? segmentId : null,
	text: id,
	addresses
});

describe('value proposition fit', () => {
	const items = [
		item('p1', 'pain'), // queues at the branch
		item('p2', 'pain'), // no single adviser
		item('g1', 'gain'), // portfolio reviews
		item('g2', 'gain'), // family planning
		item('p3', 'pain', 'sme'),
		item('r1', 'reliever', null, ['p1']),
		item('r2', 'reliever', null, ['g1']), // a reliever pointing at a gain does not count
		item('c1', 'creator', null, ['g1', 'gone']),
		item('c2', 'creator', null, [])
	];

	it('names the pains with no reliever and the gains with no creator, per segment', () => {
		// Wealth: 2 pains + 2 gains; p1 relieved, g1 created → 2 of 4 covered.
		expect(valueFit(items, 'wealth')).toEqual({
			pains: 2,
			gains: 2,
			unrelievedPains: ['p2'],
			uncreatedGains: ['g2'],
			unlinked: ['r2', 'c2'],
			coverage: 0.5
		});
		expect(valueFit(items, 'sme')).toMatchObject({
			pains: 1,
			gains: 0,
			unrelievedPains: ['p3'],
			coverage: 0
		});
	});

	it('looks at every segment when none is given, and counts no gaps when there is nothing to address', () => {
		expect(valueFit(items).unrelievedPains).toEqual(['p2', 'p3']);
		expect(valueFit(items).coverage).toBeCloseTo(2 / 5, 12);
		expect(valueFit([], 'wealth')).toEqual({
			pains: 0,
			gains: 0,
			unrelievedPains: [],
			uncreatedGains: [],
			unlinked: [],
			coverage: 1
		});
	});
});
