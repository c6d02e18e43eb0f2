import type * as Y from 'yjs';
import { recordVotes } from '#lib/documents/engagement-doc.ts';
import {
	closeSession,
	encodeVoteDoc,
	initVoteSession,
	newVoteDoc,
	openQuestion,
	readVoteSession,
	revealQuestion,
	storedSetup
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
	saveVoteDecisions,
	saveVoteState,
	type VoteSessionRow
} from '#lib/persistence/vote-sessions.ts';

const SAVE_DELAY_MS = 300;

export type RevealOutcome = 'recorded' | 'readOnly' | 'noSession';

/**
 * The facilitator's side of a workshop vote: the session document (only the questions and the
 * votes, never the engagement), kept in its room on the sync server and on this device.
 * Participants can write anything into that document, so what the facilitator decides (the
 * setup, the open question, the questions revealed, who each voter is in the run) is kept on
 * this device and never read back from it.
 */
export class VoteHost {
	session = $state.raw<VoteSession | null>(null);
	/** The question on the phones (the facilitator's choice). */
	current = $state<string | null>(null);
	/** The questions revealed here, their votes recorded in the run. */
	revealed = $state.raw<string[]>([]);
	readonly row: VoteSessionRow;
	readonly setup: VoteSetup;
	readonly connection: SyncConnection;
	#doc: Y.Doc;
	#db: WorkbenchDb;
	#voters: Record<string, string>;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#onUpdate: () => void;
	#destroyed = false;

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
		this.current = row.open ?? null;
		this.revealed = row.revealed ?? [];
		this.#voters = { ...row.voters };
		this.#read();
		this.connection = new SyncConnection(doc, row, name);
		this.#onUpdate = () => {
			this.#read();
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => void this.#save(), SAVE_DELAY_MS);
		};
		doc.on('update', this.#onUpdate);
	}

	#read() {
		this.session = readVoteSession(this.#doc, this.setup, this.revealed);
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
			closedAt: null,
			open: null,
			revealed: [],
			voters: {}
		};
		await addVoteSession(db, row);
		const host = new VoteHost(db, row, doc, setup, name);
		await host.#connect();
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
		await host.#connect();
		return host;
	}

	async #connect() {
		try {
			await this.connection.start();
		} catch (e) {
			this.destroy();
			throw e;
		}
	}

	async #save() {
		if (this.#destroyed) return;
		await saveVoteState(this.#db, this.row.id, encodeVoteDoc(this.#doc)).catch((e: unknown) =>
			console.warn('The vote could not be saved on this device:', e)
		);
	}

	#saveDecisions() {
		saveVoteDecisions(this.#db, this.row.id, {
			open: this.current,
			revealed: this.revealed,
			voters: { ...this.#voters }
		}).catch((e: unknown) => console.warn('The vote could not be saved on this device:', e));
	}

	/** Puts a question on the phones. */
	open(questionId: string) {
		this.current = questionId;
		openQuestion(this.#doc, questionId, this.setup);
		this.#saveDecisions();
	}

	/**
	 * Takes a question's votes into the assessment as each voter's answers (one undo step in the
	 * engagement), then reveals it to everyone. Nothing happens while the engagement cannot be
	 * edited (deleted elsewhere, storage full), so no vote is revealed without being recorded.
	 */
	reveal(engagement: EngagementSession, questionId: string): RevealOutcome {
		if (engagement.readOnly || !engagement.content) return 'readOnly';
		const session = readVoteSession(this.#doc, this.setup, this.revealed);
		if (!session) return 'noSession';
		const run = engagement.content.assessments.find((a) => a.id === this.row.assessmentId);
		const votes = votesToAnswers(session, questionId).map((v) => ({
			...v,
			participantId: this.#participantFor(v.participantId, v.name, run?.participants ?? [])
		}));
		engagement.apply((doc) => recordVotes(doc, this.row.assessmentId, questionId, votes));
		revealQuestion(this.#doc, questionId, this.setup);
		if (!this.revealed.includes(questionId)) this.revealed = [...this.revealed, questionId];
		this.#saveDecisions();
		this.#read();
		return 'recorded';
	}

	/**
	 * The run's participant a voter is recorded as: the one chosen before in this vote, else the
	 * run's participant of the same name (a re-vote, or people entered beforehand), else a new
	 * one with an id of the engagement's own (never the id a phone chose).
	 */
	#participantFor(
		voterId: string,
		name: string,
		participants: ReadonlyArray<{ id: string; name: string }>
	): string {
		const known = this.#voters[voterId];
		if (known) return known;
		const taken = Object.values(this.#voters);
		const key = name.trim().toLocaleLowerCase();
		const same = key
			? participants.find((p) => !taken.includes(p.id) && p.name.trim().toLocaleLowerCase() === key)
			: undefined;
		const id = same?.id ?? newId();
		this.#voters[voterId] = id;
		return id;
	}

	async end() {
		closeSession(this.#doc, this.setup);
		clearTimeout(this.#timer);
		await this.#save();
		await endVoteSession(this.#db, this.row.id);
	}

	destroy() {
		if (this.#destroyed) return;
		clearTimeout(this.#timer);
		this.#doc.off('update', this.#onUpdate);
		void this.#save().then(() => this.#doc.destroy());
		this.#destroyed = true;
		this.connection.destroy();
	}
}
