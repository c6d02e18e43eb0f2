import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type WorkbenchDb } from './db.ts';
import {
	addVoteSession,
	endVoteSession,
	runningVote,
	saveVoteState,
	type VoteSessionRow
} from './vote-sessions.ts';

const dbs: WorkbenchDb[] = [];
afterEach(() => {
	for (const db of dbs.splice(0)) db.close();
});
function fresh() {
	const db = openDb(`vote-sessions-${Math.random()}`);
	dbs.push(db);
	return db;
}

const aVote = (id: string, overrides: Partial<VoteSessionRow> = {}): VoteSessionRow => ({
	id,
	engagementId: 'e1',
	assessmentId: 'a1',
	server: 'wss://sync.example.com',
	room: `room-${id}`,
	secret: `secret-${id}`,
	createdAt: 1000,
	state: new Uint8Array([1]),
	closedAt: null,
	...overrides
});

describe('workshop votes on this device', () => {
	it('finds the newest vote still running for that engagement and assessment', async () => {
		const db = fresh();
		expect(await runningVote(db, 'e1', 'a1')).toBeUndefined();
		await addVoteSession(db, aVote('old', { createdAt: 1000 }));
		await addVoteSession(db, aVote('newest', { createdAt: 3000 }));
		await addVoteSession(db, aVote('middle', { createdAt: 2000 }));
		await addVoteSession(db, aVote('ended', { createdAt: 4000, closedAt: 4500 }));
		await addVoteSession(db, aVote('other-run', { createdAt: 5000, assessmentId: 'a2' }));
		await addVoteSession(db, aVote('other-engagement', { createdAt: 5000, engagementId: 'e2' }));

		expect((await runningVote(db, 'e1', 'a1'))?.id).toBe('newest');
		expect((await runningVote(db, 'e1', 'a2'))?.id).toBe('other-run');
		expect((await runningVote(db, 'e2', 'a1'))?.id).toBe('other-engagement');
		expect(await runningVote(db, 'e2', 'a2')).toBeUndefined();

		await endVoteSession(db, 'newest', 6000);
		expect((await db.voteSessions.get('newest'))?.closedAt).toBe(6000);
		expect((await runningVote(db, 'e1', 'a1'))?.id).toBe('middle');
		await endVoteSession(db, 'middle');
		await endVoteSession(db, 'old');
		expect(await runningVote(db, 'e1', 'a1')).toBeUndefined();
		expect((await runningVote(db, 'e1', 'a2'))?.id).toBe('other-run');
	});

	it('keeps the latest state of the session document', async () => {
		const db = fresh();
		await addVoteSession(db, aVote('v1'));
		await addVoteSession(db, aVote('v2', { createdAt: 500 }));
		await saveVoteState(db, 'v1', new Uint8Array([7, 8, 9]));
		expect(await runningVote(db, 'e1', 'a1')).toMatchObject({ state: new Uint8Array([7, 8, 9]) });
		expect(await db.voteSessions.get('v1')).toEqual(
			aVote('v1', { state: new Uint8Array([7, 8, 9]) })
		);
		expect((await db.voteSessions.get('v2'))?.state).toEqual(new Uint8Array([1]));
	});
});
