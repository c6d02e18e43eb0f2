import { liveQuery, type Observable } from 'dexie';
import {
	ENGAGEMENT_UPDATES_TABLE,
	type EngagementRow,
	type ShareRow,
	type WorkbenchDb
} from './db.ts';
import { newId } from './engagements.ts';

export type { ShareRow };

/** How an engagement is shared, as it changes (undefined while it is not). */
export function watchShare(
	db: WorkbenchDb,
	engagementId: string
): Observable<ShareRow | undefined> {
	return liveQuery(() => db.shares.get(engagementId));
}

/** Every shared engagement on this device (for the engagements list). */
export function watchShares(db: WorkbenchDb): Observable<ShareRow[]> {
	return liveQuery(() => db.shares.toArray());
}

export async function getShare(db: WorkbenchDb, engagementId: string) {
	return db.shares.get(engagementId);
}

/** Starts sharing an engagement; false when it is not on this device (any more). */
export async function startSharing(db: WorkbenchDb, share: ShareRow): Promise<boolean> {
	return db.transaction('rw', db.engagements, db.shares, async () => {
		const row = await db.engagements.get(share.engagementId);
		if (!row || row.deletedAt !== null) return false;
		await db.shares.put(share);
		return true;
	});
}

/** Stops sharing: the engagement stays on this device as it is. */
export async function stopSharing(db: WorkbenchDb, engagementId: string): Promise<void> {
	await db.shares.delete(engagementId);
}

/** The engagement on this device that is joined to a room, if any (deleted ones excluded). */
export async function engagementInRoom(db: WorkbenchDb, room: string): Promise<string | undefined> {
	return db.transaction('r', db.engagements, db.shares, async () => {
		for (const share of await db.shares.where('room').equals(room).toArray()) {
			const row = await db.engagements.get(share.engagementId);
			if (row && row.deletedAt === null) return share.engagementId;
		}
		return undefined;
	});
}

/**
 * A new engagement joined to a room: an empty document (no sample content, no defaults, so
 * nothing it holds can overwrite what the room has) and its share, in one transaction. The
 * index fields stay empty until the room's content arrives. `emptyUpdate` is a Yjs (v2) update
 * of an empty document.
 */
export async function createJoined(
	db: WorkbenchDb,
	access: Pick<ShareRow, 'server' | 'room' | 'secret'>,
	emptyUpdate: Uint8Array,
	now = Date.now()
): Promise<string> {
	const id = newId();
	await db.transaction(
		'rw',
		db.engagements,
		db.table(ENGAGEMENT_UPDATES_TABLE),
		db.shares,
		async () => {
			await db.engagements.add({
				id,
				name: '',
				client: '',
				industry: '',
				createdAt: now,
				updatedAt: now,
				archived: 0,
				deletedAt: null,
				incarnation: newId()
			} as EngagementRow);
			await db.table(ENGAGEMENT_UPDATES_TABLE).add({ k: id, u: emptyUpdate, f: 1 });
			await db.shares.add({ engagementId: id, ...access, since: now, origin: 'joined' });
		}
	);
	return id;
}
