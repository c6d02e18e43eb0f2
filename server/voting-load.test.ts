/**
 * A workshop vote under load, through the real sync server (a child process, test/sync.ts):
 * thirty phones, each its own Y.Doc and y-websocket connection, join and vote at once; the
 * facilitator must count every vote exactly once, with each participant's last word, and the
 * revealed votes must become exactly one answer per voter in the engagement.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import * as Y from 'yjs';
import { anEngagement } from '../test/factories.ts';
import { connect, sleep, startServer, waitFor, within, type TestServer } from '../test/sync.ts';
import { CLOSE_WRONG_SECRET, newRoom, type RoomAccess } from '../src/lib/domain/sharing/link.ts';
import { checkAssessmentTemplate } from '../src/lib/domain/formats/assessment-template.ts';
import type { AssessmentTemplate } from '../src/lib/domain/assessment/model.ts';
import {
	tally,
	voteSetupFor,
	votesToAnswers,
	type VoteSession,
	type VoteSetup
} from '../src/lib/domain/assessment/voting.ts';
import {
	castVote,
	initVoteSession,
	joinSession,
	newParticipantId,
	openQuestion,
	readVoteSession,
	revealQuestion
} from '../src/lib/documents/vote-session-doc.ts';
import {
	encodeContent,
	readContent,
	recordVotes,
	startAssessment
} from '../src/lib/documents/engagement-doc.ts';

const PEOPLE = 30;
// y-websocket adds a process 'exit' listener per provider in Node: thirty phones and more.
process.setMaxListeners(PEOPLE + 20);
const TIMEOUT = { timeout: 90_000 };
const WAIT_MS = 20_000;

function bundledTemplate(): AssessmentTemplate {
	const raw: unknown = JSON.parse(
		fs.readFileSync('templates/assessments/crm-strategy-maturity.json', 'utf8')
	);
	const r = checkAssessmentTemplate(raw, 'en');
	if (!r.ok) throw new Error(`the bundled template does not check: ${JSON.stringify(r.error)}`);
	return r.template;
}

const template = bundledTemplate();
const questionIds = template.dimensions.flatMap((d) => d.questions.map((q) => q.id)).slice(0, 3);
const setup: VoteSetup = voteSetupFor(template, { title: 'Load workshop' }, questionIds, [
	'current',
	'target'
])!;
const [Q1, Q2] = questionIds as [string, string, string];

let server: TestServer;
let clients: Array<{ destroy(): void }> = [];

function client(access: Pick<RoomAccess, 'room' | 'secret'>, doc = new Y.Doc()) {
	const c = connect(server.url, access, doc);
	clients.push(c);
	return { ...c, doc };
}
type Client = ReturnType<typeof client>;

beforeAll(async () => {
	server = await startServer();
}, 20_000);
afterEach(() => {
	for (const c of clients) c.destroy();
	clients = [];
});
afterAll(async () => {
	await server?.dispose();
});

/** A participant's last word on each field of a question (1–5, deterministic per person). */
function finalVotes(i: number, round: number): Record<'current' | 'target', number> {
	return { current: 1 + ((i + round) % 5), target: 1 + ((i * 3 + round * 2 + 1) % 5) };
}

const votesOn = (s: VoteSession, questionId: string) =>
	s.votes.filter((v) => v.questionId === questionId);

/** Every participant's votes on a question: exactly one per field, with the expected level. */
function expectExactVotes(
	s: VoteSession,
	questionId: string,
	phones: Array<{ id: string }>,
	round: number
) {
	const votes = votesOn(s, questionId);
	expect(votes).toHaveLength(PEOPLE * setup.fields.length);
	const seen = new Map<string, number>();
	for (const v of votes) {
		const key = `${v.participantId}:${v.field}`;
		expect(seen.has(key), `a second vote for ${key}`).toBe(false);
		seen.set(key, v.value);
	}
	phones.forEach((p, i) => {
		const want = finalVotes(i, round);
		for (const field of setup.fields as Array<'current' | 'target'>)
			expect(seen.get(`${p.id}:${field}`), `${p.id} on ${field}`).toBe(want[field]);
	});
	for (const field of setup.fields) {
		const t = tally(s, questionId, field);
		const expected = setup.scale.map((l) => ({
			value: l.value,
			count: phones.filter(
				(_, i) => finalVotes(i, round)[field as 'current' | 'target'] === l.value
			).length
		}));
		expect(t.counts).toEqual(expected);
		expect(t.counts.reduce((sum, c) => sum + c.count, 0)).toBe(PEOPLE);
		expect(t.voted).toHaveLength(PEOPLE);
		expect(t.notVoted).toEqual([]);
	}
}

/**
 * Every phone votes on every field of a question, all in the same tick: phone 3k changes its
 * mind once per field (casts twice), phone 7 withdraws its target vote and votes again.
 */
async function voteAtOnce(
	phones: Array<Client & { id: string }>,
	questionId: string,
	round: number
) {
	const cast = await Promise.all(
		phones.map(async (p, i) => {
			const want = finalVotes(i, round);
			const ok: boolean[] = [];
			for (const field of setup.fields as Array<'current' | 'target'>) {
				if (i % 3 === 0) ok.push(castVote(p.doc, p.id, questionId, field, 1 + (want[field] % 5)));
				ok.push(castVote(p.doc, p.id, questionId, field, want[field]));
			}
			if (i === 7) {
				ok.push(castVote(p.doc, p.id, questionId, 'target', null));
				ok.push(castVote(p.doc, p.id, questionId, 'target', want.target));
			}
			return ok;
		})
	);
	expect(cast.flat().every(Boolean)).toBe(true);
}

/** Waits until the facilitator's device counts every vote on a question, then a moment more. */
async function allVotesIn(doc: Y.Doc, questionId: string, trusted?: VoteSetup) {
	const want = PEOPLE * setup.fields.length;
	await waitFor(
		() => {
			const s = readVoteSession(doc, trusted);
			return s !== null && s.people.length === PEOPLE && votesOn(s, questionId).length === want;
		},
		`a facilitator device to see ${want} votes on ${questionId}`,
		WAIT_MS
	);
	// Time for a stray (duplicate or late) update to arrive before the checks.
	await sleep(300);
}

describe('a workshop vote of thirty phones through the sync server', () => {
	it(
		'counts every vote exactly once, reveals, and records one answer per voter',
		TIMEOUT,
		async () => {
			const session = await newRoom(server.url);
			const facilitator = client(session);
			await within(facilitator.synced, 'the facilitator to sync');
			expect(initVoteSession(facilitator.doc, setup)).toBe(true);
			expect(openQuestion(facilitator.doc, Q1)).toBe(true);

			const phones = Array.from({ length: PEOPLE }, () => ({
				...client(session),
				id: newParticipantId()
			}));
			await within(Promise.all(phones.map((p) => p.synced)), 'thirty phones to sync', WAIT_MS);
			await waitFor(
				() => phones.every((p) => readVoteSession(p.doc)?.open === Q1),
				'every phone to show question 1',
				WAIT_MS
			);

			// Join and vote, all thirty at once.
			await Promise.all(
				phones.map(async (p, i) => {
					expect(joinSession(p.doc, p.id, `Person ${i}`, 1000 + i)).toBe(true);
				})
			);
			await voteAtOnce(phones, Q1, 1);
			await allVotesIn(facilitator.doc, Q1, setup);

			let s = readVoteSession(facilitator.doc, setup)!;
			expect(s.people.map((p) => p.id)).toEqual(phones.map((p) => p.id));
			expectExactVotes(s, Q1, phones, 1);
			// Nothing but these keys in the document: no stray or duplicated vote.
			expect(facilitator.doc.getMap('votes').size).toBe(PEOPLE * setup.fields.length);
			expect(facilitator.doc.getMap('people').size).toBe(PEOPLE);

			// Every phone ends with the same state as the facilitator.
			await waitFor(
				() => phones.every((p) => p.doc.getMap('votes').size === PEOPLE * setup.fields.length),
				'every phone to receive every vote',
				WAIT_MS
			);

			expect(revealQuestion(facilitator.doc, Q1)).toBe(true);
			s = readVoteSession(facilitator.doc, setup)!;
			expect(s.revealed).toEqual([Q1]);
			const answers1 = votesToAnswers(s, Q1);
			expect(answers1).toHaveLength(PEOPLE);
			expect(new Set(answers1.map((a) => a.participantId)).size).toBe(PEOPLE);
			answers1.forEach((a) => {
				const i = phones.findIndex((p) => p.id === a.participantId);
				expect(a.name).toBe(`Person ${i}`);
				expect(a.patch).toEqual(finalVotes(i, 1));
			});

			// Into the engagement, which already has one participant (the facilitator).
			const engagement = new Y.Doc();
			Y.applyUpdateV2(engagement, encodeContent(anEngagement()));
			startAssessment(
				engagement,
				{
					id: 'run-1',
					title: 'Load workshop',
					templateId: template.id,
					templateVersion: template.version,
					date: '2026-03-02',
					notes: '',
					participants: [{ id: 'host', name: 'Facilitator', role: '', department: '' }]
				},
				template
			);
			recordVotes(engagement, 'run-1', Q1, answers1);
			const expectRecorded = (questionId: string, round: number) => {
				const run = readContent(engagement).assessments.find((a) => a.id === 'run-1')!;
				const ids = run.participants.map((p) => p.id);
				expect(ids).toHaveLength(PEOPLE + 1);
				expect(new Set(ids).size).toBe(PEOPLE + 1);
				expect(ids.filter((id) => id !== 'host').sort()).toEqual(phones.map((p) => p.id).sort());
				const answers = run.answers.filter((a) => a.questionId === questionId);
				expect(answers).toHaveLength(PEOPLE);
				expect(new Set(answers.map((a) => a.participantId)).size).toBe(PEOPLE);
				for (const a of answers) {
					const i = phones.findIndex((p) => p.id === a.participantId);
					expect(i).toBeGreaterThanOrEqual(0);
					expect({ current: a.current, target: a.target }).toEqual(finalVotes(i, round));
					expect(a.intention).toBeNull();
					expect(a.na).toBe(false);
				}
				expect(run.revealed).toContain(questionId);
			};
			expectRecorded(Q1, 1);

			// Question 2: all thirty again, and a second facilitator device on the same room.
			const second = client(session);
			await within(second.synced, 'the second facilitator device to sync');
			expect(openQuestion(facilitator.doc, Q2)).toBe(true);
			await waitFor(
				() => phones.every((p) => readVoteSession(p.doc)?.open === Q2),
				'every phone to show question 2',
				WAIT_MS
			);
			await voteAtOnce(phones, Q2, 2);
			await allVotesIn(facilitator.doc, Q2, setup);
			await allVotesIn(second.doc, Q2);
			const one = readVoteSession(facilitator.doc, setup)!;
			const two = readVoteSession(second.doc)!;
			expectExactVotes(one, Q2, phones, 2);
			expectExactVotes(two, Q2, phones, 2);
			for (const field of setup.fields)
				expect(tally(two, Q2, field)).toEqual(tally(one, Q2, field));
			// Question 1's frozen votes are unchanged by the second round.
			expectExactVotes(one, Q1, phones, 1);

			// A late vote: phone 0 drops off before the reveal and votes again while offline.
			const late = phones[0]!;
			late.provider.disconnect();
			await waitFor(() => !late.provider.wsconnected, 'phone 0 to go offline');
			expect(revealQuestion(facilitator.doc, Q2)).toBe(true);
			await waitFor(
				() => readVoteSession(second.doc)?.revealed.includes(Q2) === true,
				'the second device to see the reveal'
			);
			const lateLevel = 1 + (finalVotes(0, 2).current % 5);
			expect(castVote(late.doc, late.id, Q2, 'current', lateLevel)).toBe(true);
			// A phone that heard of the reveal writes nothing.
			await waitFor(
				() => readVoteSession(phones[1]!.doc)?.revealed.includes(Q2) === true,
				'phone 1 to see the reveal'
			);
			expect(castVote(phones[1]!.doc, phones[1]!.id, Q2, 'current', 1)).toBe(false);
			late.provider.connect();
			const lateKey = `${late.id}:${Q2}:current`;
			await waitFor(
				() =>
					facilitator.doc.getMap('votes').get(lateKey) === lateLevel &&
					second.doc.getMap('votes').get(lateKey) === lateLevel,
				'the late vote to reach both facilitator devices',
				WAIT_MS
			);
			await waitFor(
				() => readVoteSession(late.doc)?.revealed.includes(Q2) === true,
				'phone 0 to hear of the reveal on reconnecting',
				WAIT_MS
			);
			for (const doc of [facilitator.doc, second.doc, late.doc]) {
				const after = readVoteSession(doc, setup)!;
				expect(after.revealed).toEqual([Q1, Q2]);
				expectExactVotes(after, Q2, phones, 2);
			}

			const answers2 = votesToAnswers(readVoteSession(second.doc)!, Q2);
			expect(answers2).toEqual(votesToAnswers(readVoteSession(facilitator.doc, setup)!, Q2));
			expect(answers2).toHaveLength(PEOPLE);
			recordVotes(engagement, 'run-1', Q2, answers2);
			expectRecorded(Q1, 1);
			expectRecorded(Q2, 2);
		}
	);

	it(
		'refuses a phone that brings the vote secret to another room, with 4401 and nothing sent',
		TIMEOUT,
		async () => {
			const session = await newRoom(server.url);
			const engagementRoom = await newRoom(server.url);
			const owner = client(engagementRoom);
			owner.doc.getMap('profile').set('name', 'Confidential engagement');
			const witness = client(engagementRoom);
			await waitFor(
				() => witness.doc.getMap('profile').get('name') === 'Confidential engagement',
				'the engagement room to hold content'
			);
			const facilitator = client(session);
			await within(facilitator.synced, 'the facilitator to sync');
			initVoteSession(facilitator.doc, setup);

			const stray = client({ room: engagementRoom.room, secret: session.secret });
			const closed = await within(stray.closed, 'the server to refuse the stray phone');
			expect(closed.code).toBe(CLOSE_WRONG_SECRET);
			await sleep(500);
			expect(Y.encodeStateVector(stray.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
			expect(stray.doc.share.size).toBe(0);
			expect(stray.provider.synced).toBe(false);
			expect(stray.provider.shouldConnect).toBe(false);

			// With its own room, the same secret works.
			const phone = client(session);
			await within(phone.synced, 'the phone on its own room to sync');
			await waitFor(() => readVoteSession(phone.doc) !== null, 'the phone to see the session');
		}
	);
});
