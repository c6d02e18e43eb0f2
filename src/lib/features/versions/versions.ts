import { encodeContent } from '#lib/documents/engagement-doc.ts';
import type { AreaChanges } from '#lib/domain/engagement/changes.ts';
import { indexFields, type EngagementContent } from '#lib/domain/engagement/profile.ts';
import type { VersionRow, WorkbenchDb } from '#lib/persistence/db.ts';
import { createEngagement } from '#lib/persistence/engagements.ts';
import { addVersion, getVersion, versionOf } from '#lib/persistence/versions.ts';

/** The longest name a user may give a version. */
export const MAX_VERSION_NAME = 120;

/** The content schema (and zod with it) loads with the versions page, not with the app. */
const schemas = () => import('#lib/domain/schemas.ts');

/** Saves the engagement as it is now under a name of the user's choosing. */
export async function saveNamedVersion(
	db: WorkbenchDb,
	engagementId: string,
	content: EngagementContent,
	name: string,
	now = Date.now()
): Promise<string> {
	return addVersion(
		db,
		versionOf(engagementId, content, 'named', now, name.trim().slice(0, MAX_VERSION_NAME))
	);
}

export type VersionRead =
	| { ok: true; version: VersionRow; content: EngagementContent }
	| { ok: false; reason: 'missing' | 'unreadable' };

/**
 * A version's content, checked like an imported file's: a version saved by another release
 * of the app is read if it still fits, refused (never half-read) if not.
 */
export async function readVersion(db: WorkbenchDb, id: string): Promise<VersionRead> {
	const version = await getVersion(db, id);
	if (!version) return { ok: false, reason: 'missing' };
	const { engagementContentSchema } = await schemas();
	const parsed = engagementContentSchema.safeParse(version.content);
	if (!parsed.success) return { ok: false, reason: 'unreadable' };
	return { ok: true, version, content: parsed.data };
}

/** What changed from a version to the engagement as it is now. */
export async function changesSince(
	version: EngagementContent,
	now: EngagementContent
): Promise<AreaChanges[]> {
	const { summariseChanges } = await import('#lib/domain/engagement/changes.ts');
	return summariseChanges(version, now);
}

/**
 * Makes a new engagement from a version, named `copyName`; the engagement the version came from
 * is left as it is. Returns the new engagement's id.
 */
export async function restoreAsCopy(
	db: WorkbenchDb,
	content: EngagementContent,
	copyName: string
): Promise<string> {
	const name = copyName.length > 200 ? `${copyName.slice(0, 199)}…` : copyName;
	const copy = { ...content, profile: { ...content.profile, name } };
	return createEngagement(db, indexFields(copy.profile), encodeContent(copy));
}
