import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { aTemplate } from '../../../test/factories.ts';
import {
	tally,
	voteSetupFor,
	votesToAnswers,
	type VoteField
} from '../domain/assessment/voting.ts';
import {
	castVote,
	closeSession,
	initVoteSession,
	joinSession,
	newParticipantId,
	openQuestion,
	readVoteSession,
	removeVoter,
	revealQuestion
} from './vote-session-doc.ts';

const setup = voteSetupFor(aTemplate({ dualScoring: true }), { title: 'Acme workshop' }, [
	'q2',
	'q1'
])!;

function facilitatorDoc(): Y.Doc {
	const doc = new Y.Doc();
	expect(initVoteSession(doc, setup)).toBe(true);
	return doc;
}

/** A device that starts from another's state (as after its first sync). */
function copyOf(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

const sync = (from: Y.Doc, to: Y.Doc) =>
	Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('a session document', () => {
	it('is null until it holds a setup, and takes its setup once', () => {
		const doc = new Y.Doc();
		expect(readVoteSession(doc)).toBeNull();
		expect(initVoteSession(doc, setup)).toBe(true);
		expect(initVoteSession(doc, { ...setup, title: 'Another' })).toBe(false);
		expect(readVoteSession(doc)).toEqual({
			setup,
			open: null,
			closed: false,
			revealed: [],
			people: [],
			votes: []
		});
		expect(initVoteSession(new Y.Doc(), { ...setup, questions: [] })).toBe(false);
	});

	it('tallies the hand-worked votes (q1 current: 2, 4, 4; target: 5)', () => {
		const doc = facilitatorDoc();
		expect(openQuestion(doc, 'q1')).toBe(true);
		expect(openQuestion(doc, 'nope')).toBe(false);
		expect(joinSession(doc, 'ann', ' Ann ', 1)).toBe(true);
		expect(joinSession(doc, 'bob', 'Bob', 2)).toBe(true);
		expect(joinSession(doc, 'cy', '', 3)).toBe(true);
		expect(joinSession(doc, 'a:b', 'Colon', 4)).toBe(false);
		castVote(doc, 'ann', 'q1', 'current', 2);
		castVote(doc, 'ann', 'q1', 'target', 5);
		castVote(doc, 'bob', 'q1', 'current', 3);
		castVote(doc, 'bob', 'q1', 'current', 4); // changes their mind
		castVote(doc, 'cy', 'q1', 'current', 4);
		castVote(doc, 'cy', 'q1', 'target', 1);
		castVote(doc, 'cy', 'q1', 'target', null); // withdraws
		const s = readVoteSession(doc)!;
		expect(s.open).toBe('q1');
		expect(s.people.map((p) => p.name)).toEqual(['Ann', 'Bob', '']);
		const current = tally(s, 'q1', 'current');
		expect(current.counts.map((c) => c.count)).toEqual([0, 1, 0, 2, 0]);
		expect(current.mean).toBeCloseTo(10 / 3, 12);
		expect(tally(s, 'q1', 'target')).toMatchObject({ voted: ['ann'], notVoted: ['bob', 'cy'] });
		expect(votesToAnswers(s, 'q1')).toEqual([
			{ participantId: 'ann', name: 'Ann', patch: { current: 2, target: 5 } },
			{ participantId: 'bob', name: 'Bob', patch: { current: 4 } },
			{ participantId: 'cy', name: '', patch: { current: 4 } }
		]);
	});

	it('takes no vote that is off the scale, on another question or field, or by a stranger', () => {
		const doc = facilitatorDoc();
		joinSession(doc, 'ann', 'Ann');
		expect(castVote(doc, 'ann', 'q1', 'current', 6)).toBe(false);
		expect(castVote(doc, 'ann', 'q1', 'current', 2.5)).toBe(false);
		expect(castVote(doc, 'ann', 'q3', 'current', 2)).toBe(false);
		expect(castVote(doc, 'ann', 'q1', 'mood' as VoteField, 2)).toBe(false);
		expect(castVote(doc, 'eve', 'q1', 'current', 2)).toBe(false);
		expect(castVote(doc, 'ann', 'q1', 'intention', 2)).toBe(true);
		expect(readVoteSession(doc)!.votes).toEqual([
			{ participantId: 'ann', questionId: 'q1', field: 'intention', value: 2 }
		]);
	});

	it('keeps a participant’s first joining time when they rename themselves', () => {
		const doc = facilitatorDoc();
		joinSession(doc, 'ann', 'Ann', 5);
		joinSession(doc, 'ann', 'Annie', 9);
		expect(readVoteSession(doc)!.people).toEqual([{ id: 'ann', name: 'Annie', joinedAt: 5 }]);
	});

	it('takes no vote and no one new once closed', () => {
		const doc = facilitatorDoc();
		joinSession(doc, 'ann', 'Ann');
		castVote(doc, 'ann', 'q1', 'current', 2);
		expect(closeSession(doc)).toBe(true);
		expect(castVote(doc, 'ann', 'q1', 'current', 3)).toBe(false);
		expect(castVote(doc, 'ann', 'q1', 'current', null)).toBe(false);
		expect(joinSession(doc, 'bob', 'Bob')).toBe(false);
		const s = readVoteSession(doc)!;
		expect(s.closed).toBe(true);
		expect(s.votes.map((v) => v.value)).toEqual([2]);
	});

	it('removes a participant with their votes', () => {
		const doc = facilitatorDoc();
		joinSession(doc, 'ann', 'Ann', 1);
		joinSession(doc, 'bob', 'Bob', 2);
		castVote(doc, 'ann', 'q1', 'current', 2);
		castVote(doc, 'bob', 'q1', 'current', 3);
		expect(removeVoter(doc, 'ann')).toBe(true);
		const s = readVoteSession(doc)!;
		expect(s.people.map((p) => p.id)).toEqual(['bob']);
		expect(s.votes.map((v) => v.participantId)).toEqual(['bob']);
	});

	it('makes ids that can key a participant’s entries', () => {
		const id = newParticipantId();
		expect(id).toMatch(/^[^:]{1,64}$/);
		expect(newParticipantId()).not.toBe(id);
	});
});

describe('revealing a question freezes its votes', () => {
	it('refuses a vote after the reveal, and ignores one cast by a device that had not heard of it', () => {
		const facilitator = facilitatorDoc();
		openQuestion(facilitator, 'q1');
		const phone = copyOf(facilitator);
		joinSession(phone, 'ann', 'Ann', 1);
		castVote(phone, 'ann', 'q1', 'current', 2);
		sync(phone, facilitator);
		expect(revealQuestion(facilitator, 'q1')).toBe(true);
		expect(revealQuestion(facilitator, 'q1')).toBe(false);
		// The phone has not heard of the reveal yet: its change of mind is written…
		expect(castVote(phone, 'ann', 'q1', 'current', 5)).toBe(true);
		expect(castVote(phone, 'ann', 'q1', 'target', 5)).toBe(true);
		sync(phone, facilitator);
		sync(facilitator, phone);
		// …but counts on neither device.
		for (const doc of [facilitator, phone]) {
			const s = readVoteSession(doc)!;
			expect(s.revealed).toEqual(['q1']);
			expect(s.votes).toEqual([
				{ participantId: 'ann', questionId: 'q1', field: 'current', value: 2 }
			]);
		}
		// And now that the phone knows, it writes nothing.
		expect(castVote(phone, 'ann', 'q1', 'current', 4)).toBe(false);
	});
});

describe('thirty phones voting at once', () => {
	it('merges every vote exactly once, in whatever order the updates arrive', () => {
		const next = random(20260101);
		const facilitator = facilitatorDoc();
		openQuestion(facilitator, 'q2');
		const expected = new Map<string, number>();
		const updates: Uint8Array[] = [];
		for (let i = 0; i < 30; i++) {
			const phone = copyOf(facilitator);
			const id = `p${String(i).padStart(2, '0')}`;
			const before = Y.encodeStateVector(phone);
			joinSession(phone, id, `Person ${i}`, 1000 + i);
			for (const field of setup.fields) {
				// Some change their mind, a few withdraw.
				const first = 1 + Math.floor(next() * 5);
				const last = next() < 0.1 ? null : 1 + Math.floor(next() * 5);
				castVote(phone, id, 'q2', field, first);
				castVote(phone, id, 'q2', field, last);
				if (last !== null) expected.set(`${id}:${field}`, last);
			}
			// Each phone's edits as one update, or as two when it reconnected halfway.
			updates.push(Y.encodeStateAsUpdate(phone, before));
		}
		// A random order, some updates delivered twice (a reconnecting client resends).
		const deliveries = [...updates, ...updates.filter(() => next() < 0.3)];
		for (let i = deliveries.length - 1; i > 0; i--) {
			const j = Math.floor(next() * (i + 1));
			[deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
		}
		const base = Y.encodeStateAsUpdate(facilitator);
		for (const update of deliveries) Y.applyUpdate(facilitator, update);

		const s = readVoteSession(facilitator)!;
		expect(s.people).toHaveLength(30);
		expect(s.people[0]!.id).toBe('p00');
		expect(s.people[29]!.name).toBe('Person 29');
		const got = new Map(s.votes.map((v) => [`${v.participantId}:${v.field}`, v.value]));
		expect(s.votes).toHaveLength(expected.size);
		expect(got).toEqual(expected);
		for (const field of setup.fields) {
			const t = tally(s, 'q2', field);
			const n = [...expected.keys()].filter((k) => k.endsWith(`:${field}`)).length;
			expect(t.voted).toHaveLength(n);
			expect(t.voted.length + t.notVoted.length).toBe(30);
			expect(t.counts.reduce((sum, c) => sum + c.count, 0)).toBe(n);
		}
		// A device that gets the same updates in the opposite order reads the same session.
		const other = new Y.Doc();
		Y.applyUpdate(other, base);
		for (const update of [...deliveries].reverse()) Y.applyUpdate(other, update);
		expect(readVoteSession(other)).toEqual(s);
	});
});

describe('a hostile document', () => {
	/** Writes what a hostile device could, then reads it as another device would (decoded). */
	function hostile(write: (doc: Y.Doc) => void): Y.Doc {
		const doc = facilitatorDoc();
		joinSession(doc, 'ann', 'Ann', 1);
		castVote(doc, 'ann', 'q1', 'current', 2);
		doc.transact(() => write(doc));
		return copyOf(doc);
	}
	const people = (doc: Y.Doc) => doc.getMap<unknown>('people');
	const votes = (doc: Y.Doc) => doc.getMap<unknown>('votes');
	const session = (doc: Y.Doc) => doc.getMap<unknown>('session');

	it('keeps only well-formed people and votes', () => {
		const doc = hostile((d) => {
			people(d).set('__proto__', { name: 'Proto', joinedAt: 2 });
			people(d).set('constructor', { name: 42, joinedAt: 'soon' });
			people(d).set('bad:id', { name: 'Colon', joinedAt: 3 });
			people(d).set('x'.repeat(65), { name: 'Long id', joinedAt: 3 });
			people(d).set('huge', { name: `  ${'x'.repeat(1_000_000)}`, joinedAt: 4 });
			people(d).set('ymap', new Y.Map());
			people(d).set('nothing', null);
			votes(d).set('__proto__:q1:current', 3);
			votes(d).set('constructor:q1:current', 9); // off the scale
			votes(d).set('constructor:q1:target', 2.5);
			votes(d).set('constructor:q1:intention', '4');
			votes(d).set('huge:q9:current', 3); // unknown question
			votes(d).set('huge:q1:mood', 3); // unknown field
			votes(d).set('huge:q1:current:extra', 3);
			votes(d).set('eve:q1:current', 1); // never joined
			votes(d).set('huge:q1:current', { valueOf: () => 3 });
			votes(d).set('ymap:q2:target', 5);
			votes(d).set('x'.repeat(100_000), 1);
			d.getMap<unknown>('revealed').set('q2', 'yes'); // not frozen votes: not revealed
			d.getMap<unknown>('revealed').set('q9', []);
			session(d).set('open', { id: 'q1' });
			session(d).set('closed', 'true');
		});
		const s = readVoteSession(doc)!;
		expect(s.open).toBeNull();
		expect(s.closed).toBe(false);
		expect(s.revealed).toEqual([]);
		expect(s.people.map((p) => [p.id, p.name.length, p.joinedAt])).toEqual([
			['constructor', 0, 0],
			['nothing', 0, 0],
			['ymap', 0, 0],
			['ann', 3, 1],
			['__proto__', 5, 2],
			['huge', 200, 4]
		]);
		expect(s.votes.map((v) => `${v.participantId}:${v.questionId}:${v.field}=${v.value}`)).toEqual([
			'ymap:q2:target=5',
			'ann:q1:current=2',
			'__proto__:q1:current=3'
		]);
		expect(tally(s, 'q1', 'current').counts.map((c) => c.count)).toEqual([0, 1, 1, 0, 0]);
		expect(Object.getPrototypeOf(votesToAnswers(s, 'q1')[1])).toBe(Object.prototype);
	});

	it('shows no session when its setup is tampered with, unless read with the trusted one', () => {
		const raw = JSON.parse(JSON.stringify(setup)) as Record<string, unknown>;
		// A `__proto__` key survives JSON.parse as an own property; Yjs decodes it into a
		// prototype, which must not lend the setup a title.
		const sneaky = JSON.parse(
			`{"__proto__": ${JSON.stringify({ title: 'Owned' })}, "fields": ${JSON.stringify(raw.fields)}, "scale": ${JSON.stringify(raw.scale)}, "questions": ${JSON.stringify(raw.questions)}}`
		);
		for (const bad of [
			sneaky,
			{ ...raw, title: 'x'.repeat(10_000) },
			{ ...raw, scale: [{ value: 1 }] },
			'setup',
			[raw]
		]) {
			const doc = hostile((d) => session(d).set('setup', bad));
			expect(readVoteSession(doc)).toBeNull();
			expect(castVote(doc, 'ann', 'q1', 'current', 3)).toBe(false);
			const trusted = readVoteSession(doc, setup)!;
			expect(trusted.setup).toBe(setup);
			expect(trusted.votes.map((v) => v.value)).toEqual([2]);
		}
		for (const [key, value] of [
			['kind', 'something-else'],
			['version', 2]
		] as const) {
			const doc = hostile((d) => session(d).set(key, value));
			expect(readVoteSession(doc)).toBeNull();
		}
	});

	it('does not let a hostile reveal list count votes that are not frozen in shape', () => {
		const doc = hostile((d) =>
			d.getMap<unknown>('revealed').set('q1', [
				['ann', 'current', 5],
				['ann', 'current', 1], // the same vote twice: the first counts
				['eve', 'current', 1], // never joined
				['ann', 'target', 7], // off the scale
				{ 0: 'ann', 1: 'target', 2: 3, length: 3 },
				['ann', 'target', 3, 'extra']
			])
		);
		const s = readVoteSession(doc)!;
		expect(s.revealed).toEqual(['q1']);
		expect(s.votes).toEqual([
			{ participantId: 'ann', questionId: 'q1', field: 'current', value: 5 }
		]);
	});
});
