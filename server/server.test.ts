import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { newRoom } from '../src/lib/domain/sharing/link.ts';
import { connect, waitFor, within } from '../test/sync.ts';
import { CLOSE_ROOM_FULL, startSyncServer, type SyncServer } from './server.ts';

// In-process: @y/websocket-server keeps module state, and vitest gives each test file its own.
describe('startSyncServer in-process', () => {
	let server: SyncServer;
	let dir: string;
	beforeAll(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-sync-inproc-'));
		server = await startSyncServer({ port: 0, dir, maxConnectionsPerRoom: 2, log: () => {} });
	});
	afterAll(async () => {
		await server?.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('listens on the port it reports', () => {
		expect(server.port).toBeGreaterThan(0);
		expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
	});

	it('turns away a connection over the per-room limit with 1013', { timeout: 20_000 }, async () => {
		const access = await newRoom(server.url);
		const a = connect(server.url, access, new Y.Doc());
		const b = connect(server.url, access, new Y.Doc());
		const third = new Y.Doc();
		try {
			await within(Promise.all([a.synced, b.synced]), 'two clients to sync');
			a.provider.doc.getMap('m').set('x', 1);
			await waitFor(() => b.provider.doc.getMap('m').get('x') === 1, 'b to see x');
			const c = connect(server.url, access, third);
			try {
				const closed = await within(c.closed, 'the third client to be turned away');
				expect(closed).toEqual({ code: CLOSE_ROOM_FULL, reason: 'room full' });
				expect(third.getMap('m').size).toBe(0);
			} finally {
				c.destroy();
			}
		} finally {
			a.destroy();
			b.destroy();
		}
	});

	it('refuses a second server in the same process', async () => {
		await expect(startSyncServer({ port: 0, dir })).rejects.toThrow(/One sync server per process/);
	});
});
