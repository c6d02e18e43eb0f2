import type * as Y from 'yjs';
import {
	addTeamMember,
	createUndoManager,
	readContent,
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
import type { WorkbenchDb } from '#lib/persistence/db.ts';
import {
	newId,
	openDocument,
	touchEngagement,
	whenWritten,
	type OpenDocument
} from '#lib/persistence/engagements.ts';

export type SaveState = 'saved' | 'saving' | 'failed';

/**
 * One open engagement: its document, a typed snapshot that follows every change (local, undo,
 * or from another tab), undo/redo, and whether the last edits have reached the database.
 */
export class EngagementSession {
	status = $state<'opening' | 'open' | 'missing' | 'failed'>('opening');
	content = $state.raw<EngagementContent | null>(null);
	canUndo = $state(false);
	canRedo = $state(false);
	save = $state<SaveState>('saved');
	saveError = $state<string | null>(null);
	error = $state<string | null>(null);

	#db: WorkbenchDb;
	#opened: OpenDocument | undefined;
	#undo: Y.UndoManager | undefined;
	#pending = 0;
	#closed = false;

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
			doc.on('update', (_update: Uint8Array, origin: unknown) => {
				this.content = readContent(doc);
				// Edits made here (commands, undo, redo) are saved by y-dexie; wait for the write.
				if (origin === LOCAL_ORIGIN || origin === undo) this.#trackWrite();
			});
			opened.provider.on('error', (e: unknown) => {
				this.save = 'failed';
				this.saveError = e instanceof Error ? e.message : String(e);
			});
			this.status = 'open';
		} catch (e) {
			this.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
			this.status = 'failed';
		}
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
				this.save = 'failed';
				this.saveError = e instanceof Error ? e.message : String(e);
			});
	}

	get #doc(): Y.Doc {
		if (!this.#opened) throw new Error('The engagement is not open');
		return this.#opened.doc;
	}

	/**
	 * Runs one typed command of the engagement document (see documents/engagement-doc.ts), e.g.
	 * `session.apply((doc) => updateSegment(doc, id, patch))`: one transaction, one undo step.
	 */
	apply(command: (doc: Y.Doc) => void) {
		command(this.#doc);
	}

	setProfile<K extends ProfileField>(field: K, value: Profile[K]) {
		setProfileField(this.#doc, field, value);
	}

	addMember(member: Omit<TeamMember, 'id'>): string {
		const id = newId();
		addTeamMember(this.#doc, { id, ...member });
		return id;
	}

	updateMember(id: string, patch: Partial<Omit<TeamMember, 'id'>>) {
		updateTeamMember(this.#doc, id, patch);
	}

	removeMember(id: string) {
		removeTeamMember(this.#doc, id);
	}

	undo() {
		this.#undo?.undo();
	}

	redo() {
		this.#undo?.redo();
	}

	/** Ends the current undo step, so that the next edit is undone on its own. */
	stopCapturing() {
		this.#undo?.stopCapturing();
	}

	close() {
		this.#closed = true;
		this.#undo?.destroy();
		this.#opened?.close();
	}
}
