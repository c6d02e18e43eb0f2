/**
 * The sync server: `@y/websocket-server` (the y-websocket project's own server) behind a gate
 * that checks each connection's secret, with its documents kept on disk by `y-leveldb`.
 *
 * A client connects to `/<room>` and offers the sub-protocols `crm-workbench-sync.1` and
 * `key.<secret>` (see src/lib/domain/sharing/link.ts). The room must be the one the secret opens;
 * otherwise the handshake completes and the connection is closed at once with 4400 (a malformed
 * request) or 4401 (a wrong or missing secret), before any document is opened, so a refused
 * client never receives a byte of a room. y-websocket stops reconnecting on those codes.
 *
 * `@y/websocket-server` keeps its rooms and its persistence in module state: one server per
 * process. Tests that restart a server spawn a process (test/sync.ts).
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { LeveldbPersistence } from 'y-leveldb';
import {
	docs,
	getYDoc,
	setPersistence,
	setupWSConnection,
	type WSSharedDoc
} from '@y/websocket-server/utils';
import {
	CLOSE_BAD_REQUEST,
	CLOSE_WRONG_SECRET,
	KEY_PROTOCOL_PREFIX,
	SYNC_PROTOCOL,
	isRoomId,
	isSecret,
	roomIdFor
} from '../src/lib/domain/sharing/link.ts';

/** "Try again later" (RFC 6455): a full room; y-websocket keeps retrying with a back-off. */
export const CLOSE_ROOM_FULL = 1013;
/** "Going away": the server is shutting down; clients reconnect when it is back. */
export const CLOSE_GOING_AWAY = 1001;

export const DEFAULTS = {
	host: '127.0.0.1',
	port: 1234,
	dir: './sync-data',
	maxMessageMb: 32,
	maxConnectionsPerRoom: 200
} as const;

export interface SyncServerOptions {
	/** Interface to listen on; `0.0.0.0` for the local network. */
	host?: string;
	/** 0 picks a free port. */
	port?: number;
	/** Where y-leveldb keeps the rooms. */
	dir?: string;
	/** Messages above this many MiB close their connection with 1009. */
	maxMessageMb?: number;
	maxConnectionsPerRoom?: number;
	/** Where problems are reported (the CLI passes console.error). */
	log?: (message: string) => void;
}

export interface SyncServer {
	/** ws://host:port, with the port actually bound. */
	url: string;
	port: number;
	host: string;
	dir: string;
	/** Stops accepting, closes connections, waits for every pending write, closes the store. */
	close(): Promise<void>;
}

type Verdict = { ok: true; room: string } | { ok: false; code: number; reason: string };

/** The room named by the request path's last segment (a reverse proxy may keep a prefix). */
function roomOf(url: string | undefined): string {
	const pathname = (url ?? '').split('?')[0] ?? '';
	return pathname.split('/').filter(Boolean).at(-1) ?? '';
}

function offeredProtocols(header: string | string[] | undefined): string[] {
	const text = Array.isArray(header) ? header.join(',') : (header ?? '');
	return text
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean);
}

function sameText(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether a request may join the room its path names; never says more than a close reason. */
export async function admit(request: http.IncomingMessage): Promise<Verdict> {
	const room = roomOf(request.url);
	const protocols = offeredProtocols(request.headers['sec-websocket-protocol']);
	if (!protocols.includes(SYNC_PROTOCOL))
		return { ok: false, code: CLOSE_BAD_REQUEST, reason: `expected sub-protocol ${SYNC_PROTOCOL}` };
	if (!isRoomId(room)) return { ok: false, code: CLOSE_BAD_REQUEST, reason: 'malformed room' };
	const keys = protocols.filter((p) => p.startsWith(KEY_PROTOCOL_PREFIX));
	if (keys.length === 0) return { ok: false, code: CLOSE_WRONG_SECRET, reason: 'missing key' };
	if (keys.length > 1) return { ok: false, code: CLOSE_BAD_REQUEST, reason: 'more than one key' };
	const secret = keys[0]!.slice(KEY_PROTOCOL_PREFIX.length);
	if (!isSecret(secret)) return { ok: false, code: CLOSE_WRONG_SECRET, reason: 'malformed key' };
	if (!sameText(await roomIdFor(secret), room))
		return { ok: false, code: CLOSE_WRONG_SECRET, reason: 'wrong key for this room' };
	return { ok: true, room };
}

function printableHost(host: string): string {
	return host.includes(':') ? `[${host}]` : host;
}

let running = false;

export async function startSyncServer(options: SyncServerOptions = {}): Promise<SyncServer> {
	if (running)
		throw new Error('One sync server per process (@y/websocket-server keeps module state).');
	running = true;
	const host = options.host ?? DEFAULTS.host;
	const dir = options.dir ?? DEFAULTS.dir;
	const maxMessageMb = options.maxMessageMb ?? DEFAULTS.maxMessageMb;
	const maxConnectionsPerRoom = options.maxConnectionsPerRoom ?? DEFAULTS.maxConnectionsPerRoom;
	const log = options.log ?? ((message: string) => console.error(message));

	const ldb = new LeveldbPersistence(path.resolve(dir));
	// LevelDB opens lazily and y-leveldb only logs failures: open now, so that a directory that
	// another server holds (or that cannot be written) stops the start instead of every room.
	const opened = await ldb._transact(async (db) => {
		await db.open();
		return true;
	});
	if (opened !== true) {
		running = false;
		await ldb.destroy();
		throw new Error(`cannot open the store in ${dir} (is another sync server using it?)`);
	}
	/** Every write not yet on disk; shutdown waits for all of them. */
	const pending = new Set<Promise<unknown>>();
	const track = (write: Promise<unknown>) => {
		pending.add(write);
		write
			.catch((error: unknown) =>
				log(`Sync server: reading or writing a room failed: ${String(error)}`)
			)
			.finally(() => pending.delete(write));
	};
	/** Each room's load from disk; a connection joins only once its room is loaded. */
	const loaded = new WeakMap<Y.Doc, Promise<void>>();

	// As @y/websocket-server's own utils.js does with YPERSISTENCE, plus: the load is awaited
	// before a client joins (so a first sync never answers from an empty room) and every write
	// is tracked (so a shutdown loses nothing).
	setPersistence({
		provider: ldb,
		bindState: (docName: string, ydoc: WSSharedDoc) => {
			const load = (async () => {
				// y-leveldb answers null (after a warning) when the store cannot be read.
				const persisted: Y.Doc | null = await ldb.getYDoc(docName);
				if (!persisted) throw new Error(`room ${docName} could not be read from disk`);
				track(ldb.storeUpdate(docName, Y.encodeStateAsUpdate(ydoc)));
				Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(persisted));
				persisted.destroy();
				ydoc.on('update', (update: Uint8Array) => track(ldb.storeUpdate(docName, update)));
			})();
			track(load);
			loaded.set(ydoc, load);
		},
		writeState: async () => {
			await Promise.all([...pending]);
		}
	});

	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: Math.floor(maxMessageMb * 1024 * 1024),
		// Answer the app's protocol, never the one carrying the key. A client that does not offer
		// the app's protocol gets one of its own back, so that it completes the handshake and
		// receives the 4400 that says why (a browser drops a connection answered with none).
		handleProtocols: (protocols) => {
			if (protocols.has(SYNC_PROTOCOL)) return SYNC_PROTOCOL;
			return [...protocols].find((p) => !p.startsWith(KEY_PROTOCOL_PREFIX)) ?? false;
		}
	});

	let closing = false;
	/** Upgrades waiting for their room to load, per room: such a room is not unloaded. */
	const joining = new Map<string, number>();

	function refuse(
		request: http.IncomingMessage,
		socket: Duplex,
		head: Buffer,
		code: number,
		reason: string
	) {
		wss.handleUpgrade(request, socket, head, (ws) => {
			ws.on('error', () => {});
			ws.close(code, reason);
		});
	}

	/** The room, loaded from disk, still the one in `docs` when this returns. */
	async function loadedRoom(room: string): Promise<WSSharedDoc> {
		for (;;) {
			const doc = getYDoc(room);
			try {
				await loaded.get(doc);
			} catch (error) {
				// A failed load is not kept: the next connection to the room tries again.
				if (docs.get(room) === doc && doc.conns.size === 0) {
					docs.delete(room);
					doc.destroy();
				}
				throw error;
			}
			if (docs.get(room) === doc) return doc;
		}
	}

	async function join(request: http.IncomingMessage, socket: Duplex, head: Buffer, room: string) {
		joining.set(room, (joining.get(room) ?? 0) + 1);
		let doc: WSSharedDoc;
		try {
			doc = await loadedRoom(room);
		} finally {
			const left = (joining.get(room) ?? 1) - 1;
			if (left === 0) joining.delete(room);
			else joining.set(room, left);
		}
		if (closing || socket.destroyed || !socket.writable) {
			socket.destroy();
			if (doc.conns.size === 0 && !joining.has(room) && docs.get(room) === doc) {
				docs.delete(room);
				doc.destroy();
			}
			return;
		}
		if (doc.conns.size >= maxConnectionsPerRoom)
			return refuse(request, socket, head, CLOSE_ROOM_FULL, 'room full');
		wss.handleUpgrade(request, socket, head, (ws) => {
			// ws reports a message over maxPayload as an error after closing with 1009.
			ws.on('error', () => {});
			setupWSConnection(ws, request, { docName: room });
		});
	}

	const server = http.createServer((request, response) => {
		const pathname = (request.url ?? '/').split('?')[0];
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405, { Allow: 'GET, HEAD' }).end();
		} else if (pathname === '/health') {
			response
				.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
				.end(JSON.stringify({ ok: true, rooms: docs.size }));
		} else if (pathname === '/') {
			response
				.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
				.end('CRM Strategy Workbench sync server\n');
		} else {
			response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
		}
	});

	server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
		socket.on('error', () => socket.destroy());
		if (closing) {
			socket.destroy();
			return;
		}
		admit(request)
			.then(
				(verdict) => {
					if (!verdict.ok) return refuse(request, socket, head, verdict.code, verdict.reason);
					return join(request, socket, head, verdict.room);
				},
				(error: unknown) => {
					log(`Sync server: refused a connection after an error: ${String(error)}`);
					socket.destroy();
				}
			)
			.catch((error: unknown) => {
				log(`Sync server: a connection failed: ${String(error)}`);
				socket.destroy();
			});
	});

	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.port ?? DEFAULTS.port, host, () => {
				server.off('error', reject);
				resolve();
			});
		});
	} catch (error) {
		setPersistence(null);
		await ldb.destroy();
		running = false;
		throw error;
	}
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;

	async function close() {
		if (closing) return;
		closing = true;
		const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
		for (const ws of wss.clients) ws.close(CLOSE_GOING_AWAY, 'server shutting down');
		// Give clients a moment to answer the close; then cut whoever has not.
		const deadline = Date.now() + 1000;
		while (wss.clients.size > 0 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 20));
		for (const ws of wss.clients) ws.terminate();
		server.closeAllConnections();
		await stopped;
		while (pending.size > 0) await Promise.allSettled([...pending]);
		setPersistence(null);
		await ldb.destroy();
		for (const doc of docs.values()) doc.destroy();
		docs.clear();
		running = false;
	}

	return { url: `ws://${printableHost(host)}:${port}`, port, host, dir, close };
}
