import type * as Y from 'yjs';
import { recordVotes } from '#lib/documents/engagement-doc.ts';
import {
	closeSession,
	encodeVoteDoc,
	initVoteSession,
	newVoteDoc,
	storedSetup,
	openQuestion,
	readVoteSession,
	revealQuestion
} from '#lib/documents/vote-session-doc.ts';
import { votesToAnswers, type VoteSession, type VoteSetup } from '#lib/domain/assessment/voting.ts';
import { newRoom } from '#lib/domain/sharing/link.ts';
import { SyncConnection } from '#lib/features/sharing/index.ts';
import type { EngagementSession } from '#lib/features/workspace/index.ts';
import type { WorkbenchDb } from '#lib/persistence/db.ts';
import { newId } from '#lib/persistence/engagements.ts';
import {
	addVoteSession,
	endVoteSession,
	runningVote,
	saveVoteState,
	type VoteSessionRow
} from '#lib/persistence/vote-sessions.ts';

const SAVE_DELAY_MS = 300;

/**
 * The facilitator's side of a workshop vote: the session document (only the questions and the
 * votes, never the engagement), kept in its room on the sync server and on this device, read
 * against the setup this device wrote (participants' devices are not trusted with it).
 */
export class VoteHost {
	session = $state.raw<VoteSession | null>(null);
	readonly row: VoteSessionRow;
	readonly setup: VoteSetup;
	readonly connection: SyncConnection;
	#doc: Y.Doc;
	#db: WorkbenchDb;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#onUpdate: () => void;

	private constructor(
		db: WorkbenchDb,
		row: VoteSessionRow,
		doc: Y.Doc,
		setup: VoteSetup,
		name: string
	) {
		this.#db = db;
		this.row = row;
		this.#doc = doc;
		this.setup = setup;
		this.session = readVoteSession(doc, setup);
		this.connection = new SyncConnection(doc, row, name);
		this.#onUpdate = () => {
			this.session = readVoteSession(doc, setup);
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => void this.#save(), SAVE_DELAY_MS);
		};
		doc.on('update', this.#onUpdate);
	}

	/** Starts a new vote in a new room of `server`. */
	static async start(
		db: WorkbenchDb,
		ids: { engagementId: string; assessmentId: string },
		server: string,
		setup: VoteSetup,
		name: string,
		now = Date.now()
	): Promise<VoteHost> {
		const doc = newVoteDoc();
		initVoteSession(doc, setup);
		const row: VoteSessionRow = {
			id: newId(),
			...ids,
			...(await newRoom(server)),
			createdAt: now,
			state: encodeVoteDoc(doc),
			closedAt: null
		};
		await addVoteSession(db, row);
		const host = new VoteHost(db, row, doc, setup, name);
		await host.connection.start();
		return host;
	}

	/** Continues the vote still running for this assessment on this device, if there is one. */
	static async resume(
		db: WorkbenchDb,
		ids: { engagementId: string; assessmentId: string },
		name: string
	): Promise<VoteHost | null> {
		const row = await runningVote(db, ids.engagementId, ids.assessmentId);
		if (!row) return null;
		const doc = newVoteDoc(row.state);
		// The setup as this device wrote it: stored here, checked again like everything read.
		const setup = storedSetup(doc);
		if (!setup) return null;
		const host = new VoteHost(db, row, doc, setup, name);
		await host.connection.start();
		return host;
	}

	async #save() {
		await saveVoteState(this.#db, this.row.id, encodeVoteDoc(this.#doc)).catch((e: unknown) =>
			console.warn('The vote could not be saved on this device:', e)
		);
	}

	open(questionId: string | null) {
		openQuestion(this.#doc, questionId);
	}

	/**
	 * Reveals a question to everyone and takes its votes into the assessment as each voter's
	 * answers (one undo step in the engagement).
	 */
	reveal(engagement: EngagementSession, questionId: string) {
		if (!revealQuestion(this.#doc, questionId)) return;
		const session = readVoteSession(this.#doc, this.setup);
		if (!session) return;
		const votes = votesToAnswers(session, questionId);
		engagement.apply((doc) => recordVotes(doc, this.row.assessmentId, questionId, votes));
	}

	async end() {
		closeSession(this.#doc);
		clearTimeout(this.#timer);
		await this.#save();
		await endVoteSession(this.#db, this.row.id);
	}

	destroy() {
		clearTimeout(this.#timer);
		this.#doc.off('update', this.#onUpdate);
		void this.#save();
		this.connection.destroy();
		this.#doc.destroy();
	}
}
