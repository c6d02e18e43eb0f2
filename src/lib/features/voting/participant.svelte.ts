import {
	castVote,
	joinSession,
	newParticipantId,
	newVoteDoc,
	readVoteSession
} from '#lib/documents/vote-session-doc.ts';
import type { VoteField, VoteSession } from '#lib/domain/assessment/voting.ts';
import type { RoomAccess } from '#lib/domain/sharing/link.ts';
import { SyncConnection } from '#lib/features/sharing/index.ts';

interface Identity {
	id: string;
	name: string;
}

const identityKey = (room: string) => `crm-workbench-vote:${room}`;

/**
 * A participant's side of a workshop vote: a document that holds nothing but the session
 * (the facilitator's questions and everyone's votes), synced with its room. Nothing of the
 * engagement ever reaches this device, and nothing here touches the local database: who this
 * device is in the session is kept in localStorage, so that a reload keeps its votes.
 */
export class VoteParticipant {
	session = $state.raw<VoteSession | null>(null);
	me = $state.raw<Identity | null>(null);
	readonly connection: SyncConnection;
	readonly #doc = newVoteDoc();
	readonly #access: RoomAccess;
	#rejoined = false;

	constructor(access: RoomAccess) {
		this.#access = access;
		this.me = readIdentity(access.room);
		this.connection = new SyncConnection(this.#doc, access, this.me?.name ?? '');
		this.#doc.on('update', () => {
			this.session = readVoteSession(this.#doc);
			// A device that joined before (a reload) takes its place again, once, when the session
			// first arrives; never again from here (a write in an update handler could loop).
			if (this.session && this.me && !this.#rejoined) {
				this.#rejoined = true;
				const me = this.me;
				if (!this.session.people.some((p) => p.id === me.id))
					queueMicrotask(() => joinSession(this.#doc, me.id, me.name));
			}
		});
	}

	start(): Promise<void> {
		return this.connection.start();
	}

	/** Joins under `name` (or renames this device); false while the session is not here. */
	join(name: string): boolean {
		const me = { id: this.me?.id ?? newParticipantId(), name: name.trim() };
		if (!joinSession(this.#doc, me.id, me.name)) return false;
		this.me = me;
		this.connection.setName(me.name);
		try {
			localStorage.setItem(identityKey(this.#access.room), JSON.stringify(me));
		} catch {
			// Private browsing may refuse storage: the vote works, a reload asks for the name again.
		}
		return true;
	}

	vote(questionId: string, field: VoteField, value: number | null): boolean {
		return !!this.me && castVote(this.#doc, this.me.id, questionId, field, value);
	}

	/** This device's vote on one field of a question, if any. */
	myVote(questionId: string, field: VoteField): number | null {
		const me = this.me;
		if (!me || !this.session) return null;
		return (
			this.session.votes.find(
				(v) => v.participantId === me.id && v.questionId === questionId && v.field === field
			)?.value ?? null
		);
	}

	destroy() {
		this.connection.destroy();
		this.#doc.destroy();
	}
}

function readIdentity(room: string): Identity | null {
	try {
		const v: unknown = JSON.parse(localStorage.getItem(identityKey(room)) ?? 'null');
		if (v && typeof v === 'object' && 'id' in v && 'name' in v) {
			const { id, name } = v;
			if (typeof id === 'string' && typeof name === 'string') return { id, name };
		}
	} catch {
		// Unreadable: join again.
	}
	return null;
}
