import type * as Y from 'yjs';
import {
	addTeamMember,
	createUndoManager,
	readContent,
	DocumentTooNewError,
	removeTeamMember,
	setProfileField,
	updateTeamMember,
	LOCAL_ORIGIN
} from '#lib/documents/engagement-doc.ts';
import {
	indexFields,
	type EngagementContent,
	type Profile,
	type ProfileField,
	type TeamMember
} from '#lib/domain/engagement/profile.ts';
import { describeError, noticeWriteFailure } from '#lib/features/app/index.ts';
import { readOnlyReason, type WorkbenchDb } from '#lib/persistence/db.ts';
import {
	getEngagement,
	newId,
	openDocument,
	touchEngagement,
	watchEngagement,
	whenWritten,
	type OpenDocument
} from '#lib/persistence/engagements.ts';
import { getSetting } from '#lib/persistence/settings.ts';
import { watchShare, type ShareRow } from '#lib/persistence/shares.ts';
import { keepVersionOnOpen } from '#lib/persistence/versions.ts';
import { DISPLAY_NAME_SETTING, SyncConnection } from '#lib/features/sharing/index.ts';

export type SaveState = 'saved' | 'saving' | 'failed';

/**
 * One open engagement: its document, a typed snapshot that follows every change (local, undo,
 * or from another tab), undo/redo, and whether the last edits have reached the database.
 */
export class EngagementSession {
	status = $state<'opening' | 'open' | 'missing' | 'tooNew' | 'failed'>('opening');
	content = $state.raw<EngagementContent | null>(null);
	canUndo = $state(false);
	canRedo = $state(false);
	save = $state<SaveState>('saved');
	saveError = $state<string | null>(null);
	error = $state<string | null>(null);
	/** Set when the engagement is deleted in another tab while open here: edits stop. */
	removed = $state<'deleted' | 'purged' | 'replaced' | null>(null);
	/** The link to a sync server while the engagement is shared (see features/sharing). */
	sharing = $state.raw<SyncConnection | null>(null);
	/** How this device shares the engagement, as stored; undefined while it does not. */
	share = $state.raw<ShareRow | undefined>(undefined);

	#db: WorkbenchDb;
	#opened: OpenDocument | undefined;
	#undo: Y.UndoManager | undefined;
	#pending = 0;
	#closed = false;
	#lastKey: string | undefined;
	#cleanup: Array<() => void> = [];
	#touchTimer: ReturnType<typeof setTimeout> | undefined;
	/** The name, client and industry last written to the list (JSON). */
	#indexed = '';

	readonly id: string;

	constructor(db: WorkbenchDb, id: string) {
		this.#db = db;
		this.id = id;
	}

	async open(): Promise<void> {
		try {
			const opened = await openDocument(this.#db, this.id);
			if (this.#closed) {
				opened?.close();
				return;
			}
			if (!opened) {
				this.status = 'missing';
				return;
			}
			this.#opened = opened;
			const doc = opened.doc;
			this.content = readContent(doc);
			const undo = createUndoManager(doc);
			this.#undo = undo;
			const refreshUndo = () => {
				this.canUndo = undo.undoStack.length > 0;
				this.canRedo = undo.redoStack.length > 0;
			};
			undo.on('stack-item-added', refreshUndo);
			undo.on('stack-item-popped', refreshUndo);
			undo.on('stack-cleared', refreshUndo);
			const onTransaction = (tr: Y.Transaction) => {
				if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return;
				this.content = readContent(doc);
				// Edits made here (commands, undo, redo) are saved by y-dexie; wait for the write.
				if (tr.origin === LOCAL_ORIGIN || tr.origin === undo) this.#trackWrite();
				// Edits from the room are saved by y-dexie too; the list's copy of the name follows.
				else if (this.sharing && tr.origin === this.sharing.origin) this.#touchIndex();
			};
			doc.on('afterTransaction', onTransaction);
			const onError = (e: unknown) => this.#failed(e);
			opened.provider.on('error', onError);
			// Purging the engagement destroys its document for good: edits to it would be saved
			// nowhere, even when an engagement with the same id comes back (an import of its file).
			let destroyed = false;
			const onDestroy = () => {
				destroyed = true;
				this.removed = 'purged';
			};
			doc.on('destroy', onDestroy);
			// A restore in another tab can put back a row of the same id with other content: the
			// document open here is then not the engagement any more (see EngagementRow.incarnation).
			const incarnation = opened.incarnation;
			const row = watchEngagement(this.#db, this.id).subscribe((summary) => {
				this.removed =
					destroyed || summary === undefined
						? 'purged'
						: summary.incarnation !== incarnation
							? 'replaced'
							: summary.deletedAt !== null
								? 'deleted'
								: null;
				this.#followShare();
			});
			const share = watchShare(this.#db, this.id).subscribe((value) => {
				this.share = value;
				this.#followShare();
			});
			this.#cleanup.push(
				() => doc.off('afterTransaction', onTransaction),
				() => doc.off('destroy', onDestroy),
				() => opened.provider.off('error', onError),
				() => row.unsubscribe(),
				() => share.unsubscribe(),
				() => this.#disconnect()
			);
			this.status = 'open';
			this.#keepVersion(this.content);
		} catch (e) {
			if (e instanceof DocumentTooNewError) {
				this.status = 'tooNew';
				return;
			}
			this.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
			this.status = 'failed';
		}
	}

	/**
	 * After a pause, keeps the state the engagement was opened in as a version (see
	 * keepVersionOnOpen). It runs after opening, so it never delays the first view; a failure
	 * (say, a full disk) leaves opening as it was, and the next save reports the problem.
	 */
	#keepVersion(content: EngagementContent) {
		getEngagement(this.#db, this.id)
			.then((row) => row && keepVersionOnOpen(this.#db, this.id, content, row.updatedAt))
			.catch((e: unknown) => console.warn('No version was kept on opening:', e));
	}

	/**
	 * Connects to the room while the engagement is shared and still here, and disconnects when
	 * sharing stops (here or in another tab) or the engagement goes away.
	 */
	#followShare() {
		const share = this.removed === null && !this.#closed ? this.share : undefined;
		const current = this.sharing?.access;
		if (
			current &&
			share &&
			current.server === share.server &&
			current.room === share.room &&
			current.secret === share.secret
		)
			return;
		this.#disconnect();
		if (!share || !this.#opened) return;
		const doc = this.#opened.doc;
		const connection = new SyncConnection(doc, share, '');
		this.sharing = connection;
		getSetting(this.#db, DISPLAY_NAME_SETTING)
			.then((name) => {
				if (this.sharing !== connection) return;
				connection.setName(typeof name === 'string' ? name : '');
				return connection.start();
			})
			.catch((e: unknown) => console.warn('Sharing could not start:', e));
	}

	#disconnect() {
		this.sharing?.destroy();
		this.sharing = null;
	}

	/**
	 * The list's copy of name, client and industry (and the time of the last change), after
	 * edits that came from the room. The first after opening and any that changes those fields
	 * are written at once; otherwise once a second at most, since a sync brings many at once.
	 */
	#touchIndex() {
		// A new name, client or industry goes to the list at once (a tab may close any moment);
		// only the time of the last change waits.
		const fields = this.content ? JSON.stringify(indexFields(this.content.profile)) : '';
		if (fields !== this.#indexed) {
			this.#indexed = fields;
			this.#flushIndex();
			return;
		}
		if (this.#touchTimer !== undefined) return;
		this.#touchTimer = setTimeout(() => this.#flushIndex(), 1000);
	}

	#flushIndex() {
		clearTimeout(this.#touchTimer);
		this.#touchTimer = undefined;
		if (!this.content || this.readOnly) return;
		touchEngagement(this.#db, this.id, indexFields(this.content.profile)).catch((e: unknown) =>
			this.#failed(e)
		);
	}

	/** "Saved" means both the document update and the list's copy of name, client, industry. */
	#trackWrite() {
		this.#pending++;
		this.save = 'saving';
		const fields = indexFields(this.content!.profile);
		Promise.all([whenWritten(this.#db), touchEngagement(this.#db, this.id, fields)])
			.then(() => {
				if (--this.#pending === 0 && this.save !== 'failed') this.save = 'saved';
			})
			.catch((e: unknown) => {
				this.#pending--;
				this.#failed(e);
			});
	}

	#failed(e: unknown) {
		this.save = 'failed';
		this.saveError = describeError(e);
		noticeWriteFailure(e);
	}

	/** Edits are refused while the engagement is deleted elsewhere or nothing can be saved. */
	get readOnly(): boolean {
		return this.removed !== null || readOnlyReason(this.#db) !== undefined;
	}

	/**
	 * Runs one typed command of the engagement document (see documents/engagement-doc.ts), e.g.
	 * `session.apply((doc) => updateSegment(doc, id, patch), 'segment.' + id + '.name')`.
	 * Quick edits with the same `key` (typing in one field) make one undo step; any other edit,
	 * and every edit without a key, starts a new one.
	 */
	apply(command: (doc: Y.Doc) => void, key?: string) {
		if (!this.#opened || this.readOnly) return;
		if (key === undefined || key !== this.#lastKey) this.#undo?.stopCapturing();
		this.#lastKey = key;
		command(this.#opened.doc);
	}

	setProfile<K extends ProfileField>(field: K, value: Profile[K]) {
		this.apply((doc) => setProfileField(doc, field, value), `profile.${field}`);
	}

	addMember(member: Omit<TeamMember, 'id'>): string {
		const id = newId();
		this.apply((doc) => addTeamMember(doc, { id, ...member }));
		return id;
	}

	updateMember(id: string, patch: Partial<Omit<TeamMember, 'id'>>) {
		this.apply(
			(doc) => updateTeamMember(doc, id, patch),
			`team.${id}.${Object.keys(patch).join()}`
		);
	}

	removeMember(id: string) {
		this.apply((doc) => removeTeamMember(doc, id));
	}

	undo() {
		if (this.readOnly) return;
		this.#lastKey = undefined;
		this.#undo?.undo();
	}

	redo() {
		if (this.readOnly) return;
		this.#lastKey = undefined;
		this.#undo?.redo();
	}

	/** Ends the current undo step, so that the next edit is undone on its own. */
	stopCapturing() {
		this.#lastKey = undefined;
		this.#undo?.stopCapturing();
	}

	close() {
		// What came from the room last reaches the list too.
		if (this.#touchTimer !== undefined) this.#flushIndex();
		this.#closed = true;
		for (const fn of this.#cleanup.splice(0)) fn();
		this.#undo?.destroy();
		this.#opened?.close();
	}
}
