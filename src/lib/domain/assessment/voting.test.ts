import { describe, expect, it } from 'vitest';
import { aTemplate } from '../../../../test/factories.ts';
import {
	VOTE_SESSION_KIND,
	cleanName,
	readStoredVoteSession,
	readVoteSetup,
	tally,
	voteDescriptor,
	voteSetupFor,
	votesToAnswers,
	type StoredVoteSession,
	type VoteSession,
	type VoteSetup
} from './voting.ts';

const text = (en: string) => ({ 'zh-CN': `${en} (简)`, 'zh-TW': `${en} (繁)`, en });

const template = aTemplate({
	dimensions: [
		{
			id: 'a',
			title: text('Dimension A'),
			weight: 2,
			questions: [
				{
					id: 'q1',
					text: text('Question 1'),
					help: text('Look at the CRM'),
					weight: 1,
					levels: [{ value: 2, descriptor: text('Spreadsheets') }]
				},
				{ id: 'q2', text: text('Question 2'), weight: 3 }
			]
		},
		{
			id: 'b',
			title: text('Dimension B'),
			weight: 1,
			questions: [{ id: 'q3', text: text('Question 3'), weight: 1 }]
		}
	]
});
const run = { title: 'Acme workshop' };

describe('voteSetupFor', () => {
	it('keeps the questions in the order given, each with its dimension, help and descriptors', () => {
		const setup = voteSetupFor(template, run, ['q3', 'q1', 'nope', 'q3'])!;
		expect(setup.title).toBe('Acme workshop');
		expect(setup.fields).toEqual(['current', 'target']);
		expect(setup.scale.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
		expect(setup.scale[0]!.label['zh-TW']).toBe('Level 1');
		expect(setup.questions).toEqual([
			{ id: 'q3', dimension: text('Dimension B'), text: text('Question 3'), descriptors: [] },
			{
				id: 'q1',
				dimension: text('Dimension A'),
				text: text('Question 1'),
				help: text('Look at the CRM'),
				descriptors: [{ value: 2, descriptor: text('Spreadsheets') }]
			}
		]);
		// Nothing of the template beyond that: no weights, stages, rules, source.
		expect(Object.keys(setup.questions[1]!).sort()).toEqual([
			'descriptors',
			'dimension',
			'help',
			'id',
			'text'
		]);
		expect(Object.keys(setup).sort()).toEqual(['fields', 'questions', 'scale', 'title']);
	});

	it('asks for the plan in a dual-scored model only, in the facilitator page order', () => {
		expect(voteSetupFor({ ...template, dualScoring: true }, run, ['q1'])!.fields).toEqual([
			'current',
			'intention',
			'target'
		]);
		expect(voteSetupFor(template, run, ['q1'], ['target', 'intention'])!.fields).toEqual([
			'target'
		]);
		expect(voteSetupFor(template, run, ['q1'], ['intention'])).toBeNull();
		expect(voteSetupFor(template, run, ['x'])).toBeNull();
	});

	it('is read back as it was written', () => {
		const setup = voteSetupFor(template, run, ['q1', 'q2', 'q3'])!;
		expect(readVoteSetup(JSON.parse(JSON.stringify(setup)))).toEqual(setup);
	});

	it('gives a question its own descriptor for a level, else the scale’s', () => {
		const setup = voteSetupFor(template, run, ['q1'])!;
		const q1 = setup.questions[0]!;
		expect(voteDescriptor(setup, q1, 2)).toEqual(text('Spreadsheets'));
		expect(voteDescriptor(setup, q1, 3)?.en).toBe('What level 3 looks like');
		expect(voteDescriptor(setup, q1, 9)).toBeNull();
	});
});

describe('readVoteSetup refuses a setup out of shape', () => {
	const good = voteSetupFor(template, run, ['q1', 'q2'])!;
	const bad = (patch: (s: Record<string, unknown>) => void) => {
		const s = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
		patch(s);
		return readVoteSetup(s);
	};
	it.each([
		['no title', (s: Record<string, unknown>) => delete s.title],
		['a huge title', (s: Record<string, unknown>) => (s.title = 'x'.repeat(201))],
		['no field', (s: Record<string, unknown>) => (s.fields = [])],
		['an unknown field', (s: Record<string, unknown>) => (s.fields = ['current', 'mood'])],
		['a field twice', (s: Record<string, unknown>) => (s.fields = ['current', 'current'])],
		['a gap in the scale', (s: Record<string, unknown>) => (s.scale as unknown[]).splice(2, 1)],
		['one level', (s: Record<string, unknown>) => (s.scale as unknown[]).splice(1)],
		['no question', (s: Record<string, unknown>) => (s.questions = [])],
		[
			'a question twice',
			(s: Record<string, unknown>) =>
				(s.questions = [...(s.questions as unknown[]), (s.questions as unknown[])[0]])
		],
		[
			'a huge question text',
			(s: Record<string, unknown>) =>
				((s.questions as Array<{ text: { en: string } }>)[0]!.text.en = 'x'.repeat(1e6))
		],
		[
			'a descriptor off the scale',
			(s: Record<string, unknown>) =>
				((s.questions as Array<{ descriptors: unknown[] }>)[0]!.descriptors = [
					{ value: 9, descriptor: text('x') }
				])
		],
		[
			'a text in one language only',
			(s: Record<string, unknown>) =>
				((s.questions as Array<{ text: unknown }>)[0]!.text = { en: 'Question' })
		]
	])('%s', (_, patch) => {
		expect(bad(patch)).toBeNull();
	});

	it('reads own properties only', () => {
		const sneaky = Object.create(JSON.parse(JSON.stringify(good)));
		expect(readVoteSetup(sneaky)).toBeNull();
		expect(readVoteSetup([good])).toBeNull();
		expect(readVoteSetup('setup')).toBeNull();
	});
});

/*
 * The hand-worked session (scale 1–5, fields current and target):
 *   q1 current: ann 2, bob 4, cy 4        counts [0,1,0,2,0], mean 10/3
 *   q1 target:  ann 5                     counts [0,0,0,0,1], mean 5; bob and cy have not voted
 *   q2:         nobody
 */
const setup: VoteSetup = voteSetupFor(template, run, ['q1', 'q2'])!;
const people = [
	{ id: 'ann', name: 'Ann', joinedAt: 1 },
	{ id: 'bob', name: 'Bob', joinedAt: 2 },
	{ id: 'cy', name: '', joinedAt: 3 }
];
const session: VoteSession = {
	setup,
	open: 'q1',
	closed: false,
	revealed: [],
	people,
	votes: [
		{ participantId: 'ann', questionId: 'q1', field: 'current', value: 2 },
		{ participantId: 'ann', questionId: 'q1', field: 'target', value: 5 },
		{ participantId: 'bob', questionId: 'q1', field: 'current', value: 4 },
		{ participantId: 'cy', questionId: 'q1', field: 'current', value: 4 }
	]
};

describe('tally and votesToAnswers: the hand-worked session', () => {
	it('counts each level, and names who voted and who has not', () => {
		const current = tally(session, 'q1', 'current');
		expect(current.counts.map((c) => c.count)).toEqual([0, 1, 0, 2, 0]);
		expect(current.counts.map((c) => c.value)).toEqual([1, 2, 3, 4, 5]);
		expect(current.voted).toEqual(['ann', 'bob', 'cy']);
		expect(current.notVoted).toEqual([]);
		expect(current.mean).toBeCloseTo(10 / 3, 12);
		const target = tally(session, 'q1', 'target');
		expect(target.counts.map((c) => c.count)).toEqual([0, 0, 0, 0, 1]);
		expect(target).toMatchObject({ voted: ['ann'], notVoted: ['bob', 'cy'], mean: 5 });
		expect(tally(session, 'q2', 'current')).toMatchObject({
			voted: [],
			notVoted: ['ann', 'bob', 'cy'],
			mean: null
		});
	});

	it('turns the votes on a question into answer patches of those who voted', () => {
		expect(votesToAnswers(session, 'q1')).toEqual([
			{ participantId: 'ann', name: 'Ann', patch: { current: 2, target: 5 } },
			{ participantId: 'bob', name: 'Bob', patch: { current: 4 } },
			{ participantId: 'cy', name: '', patch: { current: 4 } }
		]);
		expect(votesToAnswers(session, 'q2')).toEqual([]);
	});

	it('keeps a snapshot built by hand to the setup’s fields and scale and to its people', () => {
		const loose: VoteSession = {
			...session,
			votes: [
				{ participantId: 'ann', questionId: 'q1', field: 'intention', value: 3 },
				{ participantId: 'bob', questionId: 'q1', field: 'current', value: 9 },
				{ participantId: 'eve', questionId: 'q1', field: 'current', value: 1 },
				{ participantId: 'cy', questionId: 'q1', field: 'current', value: 1 },
				{ participantId: 'cy', questionId: 'q1', field: 'current', value: 5 }
			]
		};
		expect(tally(loose, 'q1', 'current').counts.map((c) => c.count)).toEqual([1, 0, 0, 0, 0]);
		expect(votesToAnswers(loose, 'q1')).toEqual([
			{ participantId: 'cy', name: '', patch: { current: 1 } }
		]);
	});
});

describe('readStoredVoteSession', () => {
	const stored = (over: Partial<StoredVoteSession> = {}): StoredVoteSession => ({
		kind: VOTE_SESSION_KIND,
		version: 1,
		setup: JSON.parse(JSON.stringify(setup)),
		open: 'q1',
		closed: false,
		revealed: [],
		people: [
			['bob', { name: '  Bob  ', joinedAt: 2 }],
			['ann', { name: 'Ann', joinedAt: 1 }]
		],
		votes: [
			['bob:q1:current', 4],
			['ann:q1:current', 2]
		],
		...over
	});

	it('orders people by joining and votes by person, question and field', () => {
		const s = readStoredVoteSession(stored())!;
		expect(s.people).toEqual([
			{ id: 'ann', name: 'Ann', joinedAt: 1 },
			{ id: 'bob', name: 'Bob', joinedAt: 2 }
		]);
		expect(s.votes.map((v) => `${v.participantId}:${v.value}`)).toEqual(['ann:2', 'bob:4']);
	});

	it('is null for another kind, a later version or a missing setup', () => {
		expect(readStoredVoteSession(stored({ kind: 'x' }))).toBeNull();
		expect(readStoredVoteSession(stored({ version: 2 }))).toBeNull();
		expect(readStoredVoteSession(stored({ setup: undefined }))).toBeNull();
		expect(readStoredVoteSession(stored({ setup: undefined }), setup)?.setup).toBe(setup);
	});

	it('counts a revealed question’s frozen votes, not the live ones', () => {
		const s = readStoredVoteSession(
			stored({
				revealed: [['q1', [['ann', 'current', 3], ['bob', 'mood', 1], 'junk']]]
			})
		)!;
		expect(s.revealed).toEqual(['q1']);
		expect(s.votes).toEqual([
			{ participantId: 'ann', questionId: 'q1', field: 'current', value: 3 }
		]);
	});
});

describe('cleanName', () => {
	it('trims, cuts to 200 characters, and shows anything else as no name', () => {
		expect(cleanName('  Ann ')).toBe('Ann');
		expect(cleanName(`  ${'x'.repeat(5000)}`)).toHaveLength(200);
		expect(cleanName(42)).toBe('');
		expect(cleanName({ toString: () => 'Eve' })).toBe('');
	});
});
