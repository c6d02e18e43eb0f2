import * as Y from 'yjs';
import {
	VOTE_SESSION_KIND,
	VOTE_SESSION_VERSION,
	cleanName,
	frozenVotes,
	isKeyId,
	readStoredVoteSession,
	readVoteSetup,
	voteKey,
	type VoteField,
	type VoteSession,
	type VoteSetup
} from '../domain/assessment/voting.ts';

/**
 * The session document of a workshop vote: a small Y.Doc of its own, shared with the
 * participants' phones through the sync server, that never holds engagement data.
 *
 *   session   Y.Map   kind, version, setup (the VoteSetup, plain JSON, written once),
 *                     open (the question shown now, or null), closed (true once closed)
 *   revealed  Y.Map   question id → its votes frozen at the reveal: [participantId, field, level][]
 *   people    Y.Map   participant id → { name, joinedAt }
 *   votes     Y.Map   `participantId:questionId:field` → level (no key: no vote)
 *
 * Each participant writes only keys of their own (their entry in `people`, their votes), so any
 * number of them can write at once without a conflict. The facilitator writes `session` and
 * `revealed`. Nothing stops a hostile device from writing anywhere, though: `readVoteSession`
 * keeps only what is well formed, and the facilitator can read with the setup it wrote.
 */

export const VOTE_ORIGIN = 'vote-command';

/** A session document: empty (a participant's, filled from the room) or from a saved state. */
export function newVoteDoc(state?: Uint8Array): Y.Doc {
	const doc = new Y.Doc();
	if (state) Y.applyUpdateV2(doc, state);
	return doc;
}

/** The whole state of a session document, for keeping it on the facilitator's device. */
export const encodeVoteDoc = (doc: Y.Doc): Uint8Array => Y.encodeStateAsUpdateV2(doc);

/** The setup a saved session document holds, checked as anything read (null if none). */
export function storedSetup(doc: Y.Doc): VoteSetup | null {
	return readVoteSetup(doc.getMap('session').get('setup'));
}

const sessionMap = (doc: Y.Doc) => doc.getMap<unknown>('session');
const revealedMap = (doc: Y.Doc) => doc.getMap<unknown>('revealed');
const peopleMap = (doc: Y.Doc) => doc.getMap<unknown>('people');
const votesMap = (doc: Y.Doc) => doc.getMap<unknown>('votes');

const command = (doc: Y.Doc, fn: () => boolean): boolean => {
	let done = false;
	doc.transact(() => {
		done = fn();
	}, VOTE_ORIGIN);
	return done;
};

/** A new participant id (a UUID: 36 characters, no ':'). */
export function newParticipantId(): string {
	// Not crypto.randomUUID: phones may open the vote from a plain-http address on the local
	// network, where browsers offer only getRandomValues.
	const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
		b.toString(16).padStart(2, '0')
	).join('');
	return `p${hex}`;
}

/**
 * The session as its document holds it, every part checked (see readStoredVoteSession); null
 * while it holds no valid setup. The facilitator passes the setup it wrote as `trusted`.
 */
export function readVoteSession(
	doc: Y.Doc,
	trusted?: VoteSetup,
	revealedHere?: readonly string[]
): VoteSession | null {
	const s = sessionMap(doc);
	return readStoredVoteSession(
		{
			kind: s.get('kind'),
			version: s.get('version'),
			setup: s.get('setup'),
			open: s.get('open'),
			closed: s.get('closed'),
			revealed: revealedMap(doc).entries(),
			people: peopleMap(doc).entries(),
			votes: votesMap(doc).entries()
		},
		trusted,
		revealedHere
	);
}

/* ---------- the facilitator's commands ---------- */

/**
 * Starts a session in an empty document: writes the setup (a checked copy) once. False when the
 * setup is not valid or the document already holds a session.
 */
export function initVoteSession(doc: Y.Doc, setup: VoteSetup): boolean {
	const copy = readVoteSetup(setup);
	return command(doc, () => {
		const s = sessionMap(doc);
		if (!copy || s.has('setup') || s.has('kind')) return false;
		s.set('kind', VOTE_SESSION_KIND);
		s.set('version', VOTE_SESSION_VERSION);
		s.set('setup', copy);
		s.set('open', null);
		s.set('closed', false);
		return true;
	});
}

/*
 * The facilitator's commands take the setup the facilitator wrote (`trusted`): read against the
 * document's own copy, a participant who rewrote it could stop them or drop votes at a reveal.
 */

/** Shows participants a question of the setup, or none (null). */
export function openQuestion(doc: Y.Doc, questionId: string | null, trusted?: VoteSetup): boolean {
	return command(doc, () => {
		const session = readVoteSession(doc, trusted);
		if (!session || session.closed) return false;
		if (questionId !== null && !session.setup.questions.some((q) => q.id === questionId))
			return false;
		if (sessionMap(doc).get('open') !== questionId) sessionMap(doc).set('open', questionId);
		return true;
	});
}

/**
 * Shows a question's results and freezes its votes as they are now: later votes (from a device
 * that had not heard of the reveal yet) do not count. A question is revealed once.
 */
export function revealQuestion(doc: Y.Doc, questionId: string, trusted?: VoteSetup): boolean {
	return command(doc, () => {
		const session = readVoteSession(doc, trusted);
		if (!session || !session.setup.questions.some((q) => q.id === questionId)) return false;
		if (session.revealed.includes(questionId)) return false;
		revealedMap(doc).set(questionId, frozenVotes(session, questionId));
		return true;
	});
}

/** Ends the session: no vote and no new participant is taken any more. */
export function closeSession(doc: Y.Doc, trusted?: VoteSetup): boolean {
	return command(doc, () => {
		const session = readVoteSession(doc, trusted);
		if (!session || session.closed) return false;
		sessionMap(doc).set('closed', true);
		return true;
	});
}

/** Removes a participant and their votes (votes already frozen by a reveal stay). */
export function removeVoter(doc: Y.Doc, participantId: string): boolean {
	return command(doc, () => {
		const people = peopleMap(doc);
		if (!people.has(participantId)) return false;
		people.delete(participantId);
		const votes = votesMap(doc);
		const prefix = `${participantId}:`;
		for (const key of [...votes.keys()]) if (key.startsWith(prefix)) votes.delete(key);
		return true;
	});
}

/* ---------- a participant's commands ---------- */

/**
 * Joins (or renames oneself in) an open session; the name is trimmed and cut to 200
 * characters; the first join's time is kept. False for an id that is not 1–64 characters
 * without ':', or a session that is closed or not there.
 */
export function joinSession(
	doc: Y.Doc,
	participantId: string,
	name: string,
	joinedAt: number = Date.now()
): boolean {
	return command(doc, () => {
		const session = readVoteSession(doc);
		if (!session || session.closed || !isKeyId(participantId)) return false;
		const before = session.people.find((p) => p.id === participantId);
		peopleMap(doc).set(participantId, {
			name: cleanName(name),
			joinedAt: before && before.joinedAt > 0 ? before.joinedAt : joinedAt
		});
		return true;
	});
}

/**
 * Casts (or with null withdraws) a participant's vote on one field of a question. False, and
 * nothing written, once the question is revealed or the session closed, or for a participant
 * who has not joined, a question or field not in the setup, or a level not on its scale.
 */
export function castVote(
	doc: Y.Doc,
	participantId: string,
	questionId: string,
	field: VoteField,
	value: number | null
): boolean {
	return command(doc, () => {
		const session = readVoteSession(doc);
		if (!session || session.closed || session.revealed.includes(questionId)) return false;
		const { setup } = session;
		if (!session.people.some((p) => p.id === participantId)) return false;
		if (!setup.questions.some((q) => q.id === questionId) || !setup.fields.includes(field))
			return false;
		if (value !== null && !setup.scale.some((l) => l.value === value)) return false;
		const votes = votesMap(doc);
		const key = voteKey(participantId, questionId, field);
		if (value === null) {
			if (votes.has(key)) votes.delete(key);
		} else if (votes.get(key) !== value) votes.set(key, value);
		return true;
	});
}
