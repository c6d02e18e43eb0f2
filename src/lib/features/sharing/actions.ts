import { newRoom, parseServer, type ServerProblem } from '#lib/domain/sharing/link.ts';
import type { WorkbenchDb } from '#lib/persistence/db.ts';
import { getSetting, setSetting } from '#lib/persistence/settings.ts';
import { startSharing } from '#lib/persistence/shares.ts';
import { DISPLAY_NAME_SETTING } from './connection.svelte.ts';

/** The setting holding the last sync server used on this device. */
export const LAST_SERVER_SETTING = 'sharing.lastServer';
/** Where `npm run sync-server` listens by default. */
export const DEFAULT_SERVER = 'ws://localhost:1234';
export const MAX_DISPLAY_NAME = 100;

export async function sharingDefaults(db: WorkbenchDb): Promise<{ server: string; name: string }> {
	const [server, name] = await Promise.all([
		getSetting(db, LAST_SERVER_SETTING),
		getSetting(db, DISPLAY_NAME_SETTING)
	]);
	return {
		server: typeof server === 'string' ? server : DEFAULT_SERVER,
		name: typeof name === 'string' ? name : ''
	};
}

export async function saveDisplayName(db: WorkbenchDb, name: string): Promise<void> {
	await setSetting(db, DISPLAY_NAME_SETTING, name.trim().slice(0, MAX_DISPLAY_NAME));
}

/**
 * Shares an engagement in a new room of `serverInput`: a fresh secret, the room it opens.
 * Returns the problem with the address, or whether the engagement was still here.
 */
export async function shareEngagement(
	db: WorkbenchDb,
	engagementId: string,
	serverInput: string,
	name: string,
	now = Date.now()
): Promise<{ problem: ServerProblem } | { shared: boolean }> {
	const parsed = parseServer(serverInput);
	if ('problem' in parsed) return parsed;
	await saveDisplayName(db, name);
	await setSetting(db, LAST_SERVER_SETTING, parsed.server);
	const access = await newRoom(parsed.server);
	const shared = await startSharing(db, {
		engagementId,
		...access,
		since: now,
		origin: 'started'
	});
	return { shared };
}
