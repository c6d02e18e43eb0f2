import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
	CLOSE_BAD_REQUEST,
	CLOSE_TOO_LARGE,
	CLOSE_WRONG_SECRET,
	SYNC_PROTOCOL,
	clientProtocols,
	newRoom,
	newSecret,
	roomIdFor,
	type RoomAccess
} from '../src/lib/domain/sharing/link.ts';
import {
	connect,
	sleep,
	startServer,
	waitFor,
	within,
	type TestClient,
	type TestServer
} from '../test/sync.ts';

const TIMEOUT = { timeout: 40_000 };

let clients: TestClient[] = [];
const servers: TestServer[] = [];

/** A client on `access`'s room, destroyed after the test. */
function client(
	server: TestServer,
	access: Pick<RoomAccess, 'room' | 'secret'>,
	doc = new Y.Doc(),
	options: { protocols?: string[] } = {}
) {
	const c = connect(server.url, access, doc, options);
	clients.push(c);
	return { ...c, doc };
}

async function server(options: { maxMessageMb?: number } = {}) {
	const s = await startServer(options);
	servers.push(s);
	return s;
}

const json = (doc: Y.Doc) => doc.getMap('m').toJSON();
const same = (a: Y.Doc, b: Y.Doc) => isDeepStrictEqual(json(a), json(b));
const isEmpty = (doc: Y.Doc) => Y.encodeStateVector(doc).length === 1 && doc.getMap('m').size === 0;

afterEach(() => {
	for (const c of clients) c.destroy();
	clients = [];
});

afterAll(async () => {
	await Promise.all(servers.map((s) => s.dispose()));
});

describe('sync server', () => {
	let shared: TestServer;
	beforeAll(async () => {
		shared = await server();
	}, 20_000);

	it('answers plain HTTP on / and /health', TIMEOUT, async () => {
		const home = await fetch(`http://127.0.0.1:${shared.port}/`);
		expect(await home.text()).toContain('CRM Strategy Workbench sync server');
		const health = await fetch(`http://127.0.0.1:${shared.port}/health`);
		expect(health.status).toBe(200);
		expect(await health.json()).toMatchObject({ ok: true, rooms: expect.any(Number) });
	});

	it('makes two clients on one room converge, concurrent edits included', TIMEOUT, async () => {
		const access = await newRoom(shared.url);
		const a = client(shared, access);
		const b = client(shared, access);
		await within(Promise.all([a.synced, b.synced]), 'both clients to sync');

		// Same tick: neither has seen the other's edits.
		a.doc.getMap('m').set('same', 'from a');
		b.doc.getMap('m').set('same', 'from b');
		a.doc.getMap('m').set('onlyA', 1);
		b.doc.getMap('m').set('onlyB', 2);
		a.doc.getText('t').insert(0, 'aaa');
		b.doc.getText('t').insert(0, 'bbb');

		await waitFor(
			() =>
				same(a.doc, b.doc) &&
				a.doc.getMap('m').has('onlyB') &&
				b.doc.getMap('m').has('onlyA') &&
				a.doc.getText('t').length === 6 &&
				a.doc.getText('t').toString() === b.doc.getText('t').toString(),
			'the two clients to converge'
		);
		expect(['from a', 'from b']).toContain(a.doc.getMap('m').get('same'));
		expect(json(a.doc)).toMatchObject({ onlyA: 1, onlyB: 2 });
	});

	it('refuses a wrong, missing or malformed key or room, and sends nothing', TIMEOUT, async () => {
		const access = await newRoom(shared.url);
		const owner = client(shared, access);
		owner.doc.getMap('m').set('secret plan', 'do not leak');
		const witness = client(shared, access);
		await waitFor(() => witness.doc.getMap('m').has('secret plan'), 'the room to hold content');

		const otherRoom = await roomIdFor(newSecret());
		const cases: Array<{ name: string; room: string; protocols: string[]; code: number }> = [
			{
				name: 'missing key',
				room: access.room,
				protocols: [SYNC_PROTOCOL],
				code: CLOSE_WRONG_SECRET
			},
			{
				name: 'wrong secret',
				room: access.room,
				protocols: clientProtocols(newSecret()),
				code: CLOSE_WRONG_SECRET
			},
			{
				name: 'room not matching the secret',
				room: otherRoom,
				protocols: clientProtocols(access.secret),
				code: CLOSE_WRONG_SECRET
			},
			{
				name: 'malformed key',
				room: access.room,
				protocols: [SYNC_PROTOCOL, 'key.short'],
				code: CLOSE_WRONG_SECRET
			},
			{
				name: 'malformed room',
				room: 'not-a-room',
				protocols: clientProtocols(access.secret),
				code: CLOSE_BAD_REQUEST
			},
			{
				name: 'missing sync protocol',
				room: access.room,
				protocols: ['other-protocol', `key.${access.secret}`],
				code: CLOSE_BAD_REQUEST
			}
		];
		const refused = cases.map((c) => ({
			...c,
			client: client(shared, { room: c.room, secret: access.secret }, new Y.Doc(), {
				protocols: c.protocols
			})
		}));
		for (const r of refused) {
			const closed = await within(r.client.closed, `${r.name}: the server to close`);
			expect(closed.code, r.name).toBe(r.code);
			expect(closed.reason, r.name).not.toBe('');
		}
		// Time for any stray message to arrive.
		await sleep(500);
		for (const r of refused) {
			expect(isEmpty(r.client.doc), `${r.name}: the refused client's document`).toBe(true);
			expect(r.client.provider.synced, r.name).toBe(false);
			// y-websocket gives up on 44xx: no retry loop against the server.
			expect(r.client.provider.shouldConnect, r.name).toBe(false);
		}
		// The room itself is untouched.
		const fresh = client(shared, access);
		await within(fresh.synced, 'a fresh client to sync');
		expect(json(fresh.doc)).toEqual({ 'secret plan': 'do not leak' });
	});

	it('answers the app sub-protocol and never echoes the key', TIMEOUT, async () => {
		const access = await newRoom(shared.url);
		const ws = new WebSocket(`${shared.url}/${access.room}`, clientProtocols(access.secret));
		const opened = new Promise<void>((resolve, reject) => {
			ws.once('open', () => resolve());
			ws.once('error', reject);
		});
		await within(opened, 'the raw socket to open');
		expect(ws.protocol).toBe(SYNC_PROTOCOL);
		ws.close();
	});

	it('an empty room never overwrites what a client brings', TIMEOUT, async () => {
		const access = await newRoom(shared.url);
		const doc = new Y.Doc();
		doc.getMap('m').set('brought', 'offline work');
		doc.getMap('m').set('count', 42);
		doc.getText('t').insert(0, 'notes written before sharing');
		const before = json(doc);

		const a = client(shared, access, doc);
		await within(a.synced, 'the client with content to sync');
		await sleep(300);
		expect(json(a.doc)).toEqual(before);
		expect(a.doc.getText('t').toString()).toBe('notes written before sharing');

		const b = client(shared, access);
		await within(b.synced, 'a fresh client to sync');
		await waitFor(() => same(a.doc, b.doc), 'the fresh client to receive the content');
		expect(json(b.doc)).toEqual(before);
		expect(b.doc.getText('t').toString()).toBe('notes written before sharing');
	});

	it('a client that went offline and edited converges on reconnecting', TIMEOUT, async () => {
		const access = await newRoom(shared.url);
		const a = client(shared, access);
		const b = client(shared, access);
		await within(Promise.all([a.synced, b.synced]), 'both clients to sync');
		a.doc.getMap('m').set('start', 1);
		await waitFor(() => b.doc.getMap('m').get('start') === 1, 'b to see the start');

		a.provider.disconnect();
		await waitFor(() => !a.provider.wsconnected, 'a to go offline');
		a.doc.getMap('m').set('offlineA', 'written offline');
		a.doc.getMap('m').set('both', 'a');
		a.doc.getText('t').insert(0, 'A');
		b.doc.getMap('m').set('onlineB', 'written meanwhile');
		b.doc.getMap('m').set('both', 'b');
		b.doc.getText('t').insert(0, 'B');
		await sleep(200);
		expect(b.doc.getMap('m').has('offlineA')).toBe(false);

		a.provider.connect();
		await waitFor(
			() =>
				same(a.doc, b.doc) &&
				a.doc.getMap('m').has('onlineB') &&
				b.doc.getMap('m').has('offlineA') &&
				a.doc.getText('t').toString() === b.doc.getText('t').toString() &&
				a.doc.getText('t').length === 2,
			'the clients to converge after reconnecting'
		);
		expect(json(a.doc)).toMatchObject({
			start: 1,
			offlineA: 'written offline',
			onlineB: 'written meanwhile'
		});
	});
});

describe('sync server limits', () => {
	it(
		'closes a client that sends a message over the limit with 1009; the room is unchanged',
		TIMEOUT,
		async () => {
			const s = await server({ maxMessageMb: 1 });
			const access = await newRoom(s.url);
			const a = client(s, access);
			a.doc.getMap('m').set('kept', 'small');
			const watcher = client(s, access);
			await waitFor(
				() => watcher.doc.getMap('m').get('kept') === 'small',
				'the room to hold content'
			);

			const big = client(s, access);
			await within(big.synced, 'the sender to sync');
			big.doc.getMap('m').set('huge', 'x'.repeat(2 * 1024 * 1024));
			const closed = await within(big.closed, 'the server to close the sender');
			expect(closed.code).toBe(CLOSE_TOO_LARGE);
			big.destroy();

			const fresh = client(s, access);
			await within(fresh.synced, 'a fresh client to sync');
			await sleep(300);
			expect(json(fresh.doc)).toEqual({ kept: 'small' });
			expect(watcher.doc.getMap('m').has('huge')).toBe(false);
		}
	);
});

describe('sync server restarts', () => {
	it('a graceful stop (SIGTERM) loses nothing', TIMEOUT, async () => {
		const s = await server();
		const access = await newRoom(s.url);
		const a = client(s, access);
		const b = client(s, access);
		await within(Promise.all([a.synced, b.synced]), 'both clients to sync');
		for (let i = 0; i < 200; i++) a.doc.getMap('m').set(`k${i}`, i);
		a.doc.getText('t').insert(0, 'before the restart');
		await waitFor(() => b.doc.getMap('m').get('k199') === 199, 'b to see the last write');

		await s.stop('SIGTERM');
		// Neither client may hand the content back after the restart.
		a.destroy();
		b.destroy();
		await s.restart();

		const c = client(s, access);
		await within(c.synced, 'a fresh client to sync after the restart');
		// Loaded before the first sync answers: no waiting for a later update.
		expect(c.doc.getMap('m').size).toBe(200);
		expect(c.doc.getMap('m').get('k199')).toBe(199);
		expect(c.doc.getText('t').toString()).toBe('before the restart');
	});

	it('a crash (SIGKILL) after the write reached the server loses nothing', TIMEOUT, async () => {
		const s = await server();
		const access = await newRoom(s.url);
		const a = client(s, access);
		const b = client(s, access);
		await within(Promise.all([a.synced, b.synced]), 'both clients to sync');
		a.doc.getMap('m').set('survives', 'a crash');
		await waitFor(() => b.doc.getMap('m').get('survives') === 'a crash', 'b to see the write');
		await sleep(300);

		await s.stop('SIGKILL');
		a.destroy();
		b.destroy();
		await s.restart();

		const c = client(s, access);
		await within(c.synced, 'a fresh client to sync after the crash');
		expect(json(c.doc)).toEqual({ survives: 'a crash' });
	});
});

describe('sync server command line', () => {
	const run = (...args: string[]) =>
		spawnSync(process.execPath, ['server/sync-server.ts', ...args], {
			encoding: 'utf8',
			timeout: 10_000
		});

	it('prints its usage on --help', TIMEOUT, () => {
		const result = run('--help');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('--max-message-mb');
	});

	it('refuses a bad flag with exit code 2', TIMEOUT, () => {
		for (const args of [['--bogus'], ['--port', 'x'], ['--max-message-mb', '0'], ['--dir']]) {
			const result = run(...args);
			expect(result.status, args.join(' ')).toBe(2);
			expect(result.stderr, args.join(' ')).toMatch(/^sync-server: /);
		}
	});

	it('refuses to share a data directory with a running server', TIMEOUT, async () => {
		const s = await server();
		await expect(startServer({ dir: s.dir })).rejects.toThrow(/cannot open the store/);
	});
});
