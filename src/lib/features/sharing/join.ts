import { encodeEmpty } from '#lib/documents/engagement-doc.ts';
import { readAccess, type LinkProblem, type RoomAccess } from '#lib/domain/sharing/link.ts';
import type { WorkbenchDb } from '#lib/persistence/db.ts';
import { createJoined, engagementInRoom } from '#lib/persistence/shares.ts';
import { saveDisplayName } from './actions.ts';

export type JoinTarget =
	{ problem: LinkProblem } | { access: RoomAccess; existing: string | undefined };

/** What a join link's fragment opens, and the engagement of this device already in that room. */
export async function readJoinLink(db: WorkbenchDb, fragment: string): Promise<JoinTarget> {
	const read = await readAccess(fragment);
	if ('problem' in read) return read;
	return { access: read.access, existing: await engagementInRoom(db, read.access.room) };
}

/** Joins the room as a new, empty engagement on this device; returns its id. */
export async function joinRoom(db: WorkbenchDb, access: RoomAccess, name: string): Promise<string> {
	await saveDisplayName(db, name);
	return (await engagementInRoom(db, access.room)) ?? createJoined(db, access, encodeEmpty());
}
