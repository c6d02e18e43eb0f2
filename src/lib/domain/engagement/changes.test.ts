import { describe, expect, it } from 'vitest';
import { blankSegment } from '../strategy/model.ts';
import { blankContent, type EngagementContent } from './profile.ts';
import { summariseChanges } from './changes.ts';

function base(): EngagementContent {
	const c = blankContent('Acme CRM', 'en');
	c.segments = [blankSegment('s1', 'Key accounts'), blankSegment('s2', 'SMB')];
	c.segments[0]!.needs = [{ id: 'n1', text: 'Fast quotes', mode: 'pull' }];
	return c;
}

describe('summariseChanges', () => {
	it('finds nothing between equal states', () => {
		expect(summariseChanges(base(), base())).toEqual([]);
	});

	it('counts added, removed and changed items of an area', () => {
		const after = base();
		after.segments[0]!.name = 'Key accounts (top 50)';
		after.segments.splice(1, 1);
		after.segments.push(blankSegment('s3', 'Public sector'), blankSegment('s4', 'Partners'));
		expect(summariseChanges(base(), after)).toEqual([
			{ area: 'segments', added: 2, removed: 1, changed: 1 }
		]);
	});

	it('counts a change inside a nested item for that item only', () => {
		const after = base();
		after.segments[0]!.needs[0]!.mode = 'push';
		after.segments[0]!.needs.push({ id: 'n2', text: 'Self-service', mode: 'pull' });
		// The need n1 changed and n2 was added; the segment's own fields did not change.
		expect(summariseChanges(base(), after)).toEqual([
			{ area: 'segments', added: 1, removed: 0, changed: 1 }
		]);
	});

	it('adds a first nested item without counting its owner as changed', () => {
		const after = base();
		after.segments[1]!.needs = [{ id: 'n9', text: 'Low price', mode: 'push' }];
		expect(summariseChanges(base(), after)).toEqual([
			{ area: 'segments', added: 1, removed: 0, changed: 0 }
		]);
	});

	it('counts a new order of the same items as one change', () => {
		const after = base();
		after.segments.reverse();
		expect(summariseChanges(base(), after)).toEqual([
			{ area: 'segments', added: 0, removed: 0, changed: 1 }
		]);
	});

	it('counts loose fields one by one and groups parts into their areas, in navigation order', () => {
		const after = base();
		after.profile.client = 'Acme Ltd';
		after.profile.notes = 'Board meets in May';
		after.team.push({ id: 'm1', name: 'Li Wei', role: 'Sponsor', email: '' } as never);
		after.sevenS.strategy.today = 'Product-led';
		after.porter.entryBarriers.rating = 4;
		after.valueProposition.positioning = 'differentiation';
		expect(summariseChanges(base(), after)).toEqual([
			{ area: 'profile', added: 1, removed: 0, changed: 2 },
			{ area: 'valueProposition', added: 0, removed: 0, changed: 1 },
			{ area: 'sevenSPorter', added: 0, removed: 0, changed: 2 }
		]);
	});

	it('ignores a record entry that appears blank', () => {
		const after = base();
		after.answers = { 'customer.q1': '' } as never;
		expect(summariseChanges(base(), after)).toEqual([]);
		after.answers = { 'customer.q1': 'Segment by value' } as never;
		expect(summariseChanges(base(), after)).toEqual([
			{ area: 'workshop', added: 0, removed: 0, changed: 1 }
		]);
	});
});
