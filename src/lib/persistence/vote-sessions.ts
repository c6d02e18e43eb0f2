import type { VoteSessionRow, WorkbenchDb } from './db.ts';

export type { VoteSessionRow };

/** The vote still running for an assessment on this device, if any (the latest one). */
export async function runningVote(
	db: WorkbenchDb,
	engagementId: string,
	assessmentId: string
): Promise<VoteSessionRow | undefined> {
	const rows = await db.voteSessions
		.where('[engagementId+assessmentId]')
		.equals([engagementId, assessmentId])
		.toArray();
	return rows
		.filter((r) => r.closedAt === null)
		.sort((a, b) => b.createdAt - a.createdAt)
		.at(0);
}

export async function addVoteSession(db: WorkbenchDb, row: VoteSessionRow): Promise<void> {
	await db.voteSessions.add(row);
}

/** Keeps the session document's latest state. */
export async function saveVoteState(db: WorkbenchDb, id: string, state: Uint8Array) {
	await db.voteSessions.update(id, { state });
}

/** Keeps what the facilitator decided (see VoteSessionRow). */
export async function saveVoteDecisions(
	db: WorkbenchDb,
	id: string,
	decisions: Pick<VoteSessionRow, 'open' | 'revealed' | 'voters'>
) {
	await db.voteSessions.update(id, decisions);
}

export async function endVoteSession(db: WorkbenchDb, id: string, now = Date.now()) {
	await db.voteSessions.update(id, { closedAt: now });
}
