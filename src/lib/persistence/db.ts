import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';

/** A row of the engagement index. The content itself is the Y.Doc in `doc`. */
export interface EngagementRow {
	id: string;
	name: string;
	client: string;
	industry: string;
	createdAt: number;
	updatedAt: number;
	/** 1 when archived (IndexedDB cannot index booleans). */
	archived: 0 | 1;
	/** Set when deleted; the row stays until purged so that the deletion can be undone. */
	deletedAt: number | null;
	/**
	 * A fresh random value each time the row is written whole (created, or put back by a
	 * restore): a tab holding the engagement open sees that its document was replaced under it.
	 * Rows written before it existed have none.
	 */
	incarnation?: string;
	readonly doc: Y.Doc;
}

export interface SettingRow {
	key: string;
	value: unknown;
}

/**
 * A template a user imported (an assessment model of their firm), one row per version; the
 * templates bundled with the app are files, not rows. `template` already passed its schema.
 */
export interface TemplateRow {
	/** `templateId@version`. */
	key: string;
	kind: 'assessment';
	templateId: string;
	version: string;
	template: unknown;
	importedAt: number;
}

/**
 * A saved state of one engagement (see features/versions). `content` is a plain
 * EngagementContent as `readContent` returned it when the version was taken; it is checked
 * against the content schema when read back, like an imported file.
 */
export interface VersionRow {
	id: string;
	engagementId: string;
	/** The engagement's name then, so that a version outliving its engagement still says whose. */
	engagementName: string;
	createdAt: number;
	/** Why it was taken: by the user (`named`), or on its own before something could change it. */
	kind: 'named' | 'opened' | 'beforeImport' | 'beforeRestore';
	/** The user's name for a named version; empty otherwise. */
	name: string;
	content: unknown;
}

/**
 * An engagement shared through a sync server (see domain/sharing/link.ts). Kept apart from
 * settings so that backups never carry a room's secret: a restored engagement is a new
 * document history, which must not be merged into the room it came from.
 */
export interface ShareRow {
	engagementId: string;
	server: string;
	room: string;
	secret: string;
	/** When this device started sharing or joined. */
	since: number;
	/** Whether this device started the sharing or joined through a link. */
	origin: 'started' | 'joined';
}

/**
 * A workshop vote the facilitator runs on this device: the room its session document lives in
 * (see documents/vote-session-doc.ts) and that document's state, kept here so that a reload or
 * a lost connection continues the vote where it was.
 */
export interface VoteSessionRow {
	id: string;
	engagementId: string;
	assessmentId: string;
	server: string;
	room: string;
	secret: string;
	createdAt: number;
	/** The session document, as a Yjs (v2) update of its whole state. */
	state: Uint8Array;
	/** Set when the facilitator ended the vote. */
	closedAt: number | null;
	/**
	 * What the facilitator decided, kept here rather than trusted from the session document
	 * (any participant can write to it): the question on the phones, the questions revealed,
	 * and the participant of the run each voter was recorded as (session id → participant id).
	 */
	open?: string | null;
	revealed?: string[];
	voters?: Record<string, string>;
}

export const DB_NAME = 'crm-strategy-workbench';

/**
 * Dexie schema versions, oldest first, append-only. Each later entry ships an upgrade function
 * and a test that opens a database saved by the version before it.
 */
export const SCHEMA_VERSIONS = [
	{
		version: 1,
		stores: {
			engagements: 'id, updatedAt, archived, deletedAt, doc: Y.Doc',
			settings: 'key'
		}
	},
	{
		// Adds the library of imported templates; nothing earlier changes, so no data moves.
		version: 2,
		stores: {
			engagements: 'id, updatedAt, archived, deletedAt, doc: Y.Doc',
			settings: 'key',
			templates: 'key, kind, templateId'
		}
	},
	{
		// Adds the versions (saved states) of engagements; a new table, so no data moves.
		version: 3,
		stores: {
			engagements: 'id, updatedAt, archived, deletedAt, doc: Y.Doc',
			settings: 'key',
			templates: 'key, kind, templateId',
			versions: 'id, engagementId, createdAt'
		}
	},
	{
		// Adds the sync servers engagements are shared through and the workshop votes a
		// facilitator runs; new tables, so no data moves.
		version: 4,
		stores: {
			engagements: 'id, updatedAt, archived, deletedAt, doc: Y.Doc',
			settings: 'key',
			templates: 'key, kind, templateId',
			versions: 'id, engagementId, createdAt',
			shares: 'engagementId, room',
			voteSessions: 'id, engagementId, [engagementId+assessmentId]'
		}
	}
] as const;

export type WorkbenchDb = Dexie & {
	engagements: EntityTable<EngagementRow, 'id'>;
	settings: EntityTable<SettingRow, 'key'>;
	templates: EntityTable<TemplateRow, 'key'>;
	versions: EntityTable<VersionRow, 'id'>;
	shares: EntityTable<ShareRow, 'engagementId'>;
	voteSessions: EntityTable<VoteSessionRow, 'id'>;
};

export const ENGAGEMENT_UPDATES_TABLE = '$engagements.doc_updates';

export const READ_ONLY_ERROR = 'ReadOnlyError';

/**
 * Refused writes: the database is read-only (storage is full, or another tab runs a newer
 * version of the app). Nothing was written. Dexie hands it on as a DexieError with this name.
 */
export class ReadOnlyError extends Error {
	override name = READ_ONLY_ERROR;
	readonly reason: ReadOnlyReason;
	constructor(reason: ReadOnlyReason) {
		super(`The workbench is read-only (${reason}); nothing was written.`);
		this.reason = reason;
	}
}

export type ReadOnlyReason = 'storageFull' | 'outdated';

export function openDb(name = DB_NAME): WorkbenchDb {
	const db = new Dexie(name, { addons: [yDexie, readOnlyLayer] }) as WorkbenchDb;
	for (const { version, stores } of SCHEMA_VERSIONS) db.version(version).stores(stores);
	return db;
}

/**
 * Makes every later write to `db` fail with a ReadOnlyError (reads go on), whoever writes:
 * the app's commands, y-dexie's document updates, a restore. Set once; a reload lifts it.
 */
export function makeReadOnly(db: WorkbenchDb, reason: ReadOnlyReason): void {
	if (readOnly.has(db)) return;
	readOnly.set(db, reason);
}

export function readOnlyReason(db: WorkbenchDb): ReadOnlyReason | undefined {
	return readOnly.get(db);
}

const readOnly = new WeakMap<Dexie, ReadOnlyReason>();

/** The DBCore layer that enforces `makeReadOnly`. */
function readOnlyLayer(db: Dexie) {
	db.use({
		stack: 'dbcore',
		name: 'readOnly',
		create(down) {
			return {
				...down,
				table(tableName) {
					const table = down.table(tableName);
					return {
						...table,
						mutate(req) {
							const reason = readOnly.get(db);
							return reason ? Promise.reject(new ReadOnlyError(reason)) : table.mutate(req);
						}
					};
				}
			};
		}
	});
}
