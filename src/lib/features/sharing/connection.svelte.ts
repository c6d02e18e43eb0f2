import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import {
	CLOSE_BAD_REQUEST,
	CLOSE_TOO_LARGE,
	CLOSE_WRONG_SECRET,
	clientProtocols,
	type RoomAccess
} from '#lib/domain/sharing/link.ts';

/**
 * Where a shared document stands with its sync server:
 * - `connecting`: reaching the server (first time, or again after a drop);
 * - `syncing`: connected, exchanging what each side lacks;
 * - `synced`: connected and up to date; edits travel as they are made;
 * - `offline`: no connection; edits are kept here and merged on reconnecting (it retries);
 * - `refused`: the server refused the room's secret (it does not retry);
 * - `tooLarge`: the server refused a message over its size limit (it does not retry).
 */
/** The setting holding the name other devices see for this one. */
export const DISPLAY_NAME_SETTING = 'sharing.displayName';

export type SyncStatus = 'connecting' | 'syncing' | 'synced' | 'offline' | 'refused' | 'tooLarge';

export interface Peer {
	/** Yjs client id of the other device (one per open tab). */
	clientId: number;
	name: string;
}

/** What each device tells the others about itself (Yjs awareness). */
interface PresenceState {
	user?: { name?: unknown };
}

const NAME_MAX = 100;

/**
 * One document kept in sync with a room of a sync server through y-websocket (the provider
 * Yjs names for this), loaded on demand so that the app shell never carries it. Status and the
 * other devices online are runes; `origin` marks the transactions that came from the room.
 */
export class SyncConnection {
	status = $state<SyncStatus>('connecting');
	peers = $state.raw<Peer[]>([]);
	/** When this device last finished a sync with the server (ms since epoch). */
	syncedAt = $state<number | null>(null);

	readonly access: RoomAccess;
	#doc: Y.Doc;
	#provider: WebsocketProvider | undefined;
	#destroyed = false;
	#name: string;
	#cleanup: Array<() => void> = [];

	constructor(doc: Y.Doc, access: RoomAccess, name: string) {
		this.#doc = doc;
		this.access = access;
		this.#name = name;
	}

	/** The transaction origin of updates applied from the room (the provider itself). */
	get origin(): unknown {
		return this.#provider;
	}

	async start(): Promise<void> {
		const { WebsocketProvider } = await import('y-websocket');
		if (this.#destroyed) return;
		// The constructor connects at once; a browser may refuse the address (ws: from https).
		const provider = new WebsocketProvider(this.access.server, this.access.room, this.#doc, {
			protocols: clientProtocols(this.access.secret),
			// Tabs of this device share the document through the database already.
			disableBc: true,
			maxBackoffTime: 10_000,
			// A refused secret or an oversized message will not go better by trying again.
			shouldReconnect: (event) =>
				!(event.code >= 4400 && event.code < 4500) && event.code !== CLOSE_TOO_LARGE
		});
		this.#provider = provider;
		provider.awareness.setLocalStateField('user', { name: this.#name });

		const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
			if (status === 'connected') this.status = provider.synced ? 'synced' : 'syncing';
			// Retries while offline stay "offline" until one gets through.
			else if (status === 'connecting')
				this.status =
					navigator.onLine === false || this.status === 'offline' ? 'offline' : 'connecting';
			else if (this.status !== 'refused' && this.status !== 'tooLarge') this.status = 'offline';
		};
		const onSync = (synced: boolean) => {
			if (!provider.wsconnected) return;
			this.status = synced ? 'synced' : 'syncing';
			if (synced) this.syncedAt = Date.now();
		};
		const onClosed = ({ code }: { code: number }) => {
			this.status =
				code === CLOSE_TOO_LARGE
					? 'tooLarge'
					: code === CLOSE_WRONG_SECRET || code === CLOSE_BAD_REQUEST
						? 'refused'
						: 'offline';
		};
		const onAwareness = () => {
			const peers: Peer[] = [];
			for (const [clientId, state] of provider.awareness.getStates()) {
				if (clientId === this.#doc.clientID) continue;
				const name = (state as PresenceState).user?.name;
				peers.push({ clientId, name: typeof name === 'string' ? name.slice(0, NAME_MAX) : '' });
			}
			this.peers = peers;
		};
		// The browser knows first when the network goes: close at once (edits wait here) rather
		// than on a silent socket, and connect again as soon as it is back.
		const onOffline = () => {
			provider.disconnect();
			if (this.status !== 'refused' && this.status !== 'tooLarge') this.status = 'offline';
		};
		// A server that cannot be reached never opens the socket, so y-websocket never reports
		// "disconnected": a closed attempt means offline (it retries by itself).
		const onClose = () => {
			if (this.status === 'connecting') this.status = 'offline';
		};
		const onOnline = () => {
			if (this.status === 'refused' || this.status === 'tooLarge') return;
			provider.connect();
		};
		provider.on('status', onStatus);
		provider.on('sync', onSync);
		provider.on('closed', onClosed);
		provider.on('connection-close', onClose);
		provider.awareness.on('change', onAwareness);
		window.addEventListener('offline', onOffline);
		window.addEventListener('online', onOnline);
		this.#cleanup.push(
			() => provider.off('status', onStatus),
			() => provider.off('sync', onSync),
			() => provider.off('closed', onClosed),
			() => provider.off('connection-close', onClose),
			() => provider.awareness.off('change', onAwareness),
			() => window.removeEventListener('offline', onOffline),
			() => window.removeEventListener('online', onOnline)
		);
	}

	/** The name the other devices see for this one. */
	setName(name: string) {
		this.#name = name;
		this.#provider?.awareness.setLocalStateField('user', { name });
	}

	/** Tries again now (after a refusal, or to skip the wait between retries). */
	retry() {
		const provider = this.#provider;
		if (!provider) return;
		provider.disconnect();
		this.status = 'connecting';
		provider.connect();
	}

	destroy() {
		this.#destroyed = true;
		for (const fn of this.#cleanup.splice(0)) fn();
		// Destroying the provider tells the others this device left and closes the socket; the
		// document itself stays open (and saved) here.
		this.#provider?.destroy();
		// y-websocket made the awareness and does not end it (it keeps a timer on the document).
		this.#provider?.awareness.destroy();
		this.#provider = undefined;
	}
}
