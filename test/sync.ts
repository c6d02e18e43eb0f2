/**
 * Sync server helpers for tests: a real server in a child process (`@y/websocket-server` keeps
 * module state, so restarts need a process) and y-websocket clients in Node.
 *
 *   const server = await startServer();
 *   const a = connect(server.url, access, new Y.Doc());
 *   await within(a.synced, 'a synced');
 *   …
 *   a.destroy(); await server.dispose();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { clientProtocols, type RoomAccess } from '../src/lib/domain/sharing/link.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(ROOT, 'server', 'sync-server.ts');
const LISTENING = /Sync server listening on ws:\/\/[^\s]+:(\d+)/;

/** Rejects after `ms` (default 10 s) with a message naming what was awaited. */
export function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls `check` until it holds; throws after `ms` (default 10 s). */
export async function waitFor(check: () => boolean, what: string, ms = 10_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface TestServer {
	/** ws://127.0.0.1:<port>; the same across restarts. */
	url: string;
	port: number;
	/** The server's data directory (a temporary one unless given). */
	dir: string;
	/**
	 * Stops the process: SIGTERM (graceful, the default) or SIGKILL (a crash). Keeps the
	 * directory, so restart() finds the rooms again.
	 */
	stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
	/** Starts it again on the same port and directory (stops it first with SIGTERM if it runs). */
	restart(): Promise<void>;
	/** Stops it and removes its temporary directory (not a directory given in the options). */
	dispose(): Promise<void>;
	/** Everything the process printed so far (for failure messages). */
	output(): string;
}

export interface StartOptions {
	/** Data directory; default a new temporary one, removed by stop() */
	dir?: string;
	maxMessageMb?: number;
}

const servers = new Set<ChildProcess>();
const tempDirs = new Set<string>();
process.once('exit', () => {
	for (const child of servers) child.kill('SIGKILL');
	for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function spawnServer(
	args: string[],
	log: string[]
): Promise<{ child: ChildProcess; port: number }> {
	const child = spawn(process.execPath, [SERVER, ...args], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	servers.add(child);
	child.once('exit', () => servers.delete(child));
	const started = new Promise<{ child: ChildProcess; port: number }>((resolve, reject) => {
		let out = '';
		child.stdout!.setEncoding('utf8');
		child.stderr!.setEncoding('utf8');
		child.stderr!.on('data', (chunk: string) => log.push(chunk));
		child.stdout!.on('data', (chunk: string) => {
			log.push(chunk);
			out += chunk;
			const match = LISTENING.exec(out);
			if (match) resolve({ child, port: Number(match[1]) });
		});
		child.once('exit', (code, signal) =>
			reject(new Error(`sync server exited (${code ?? signal}) before listening:\n${log.join('')}`))
		);
	});
	return within(started, 'the sync server to start').catch((error: unknown) => {
		child.kill('SIGKILL');
		throw error;
	});
}

/** A sync server in a child process on a free port, with its own data directory. */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
	const ownDir = options.dir === undefined;
	const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'crm-sync-test-'));
	if (ownDir) tempDirs.add(dir);
	const extra =
		options.maxMessageMb === undefined ? [] : ['--max-message-mb', String(options.maxMessageMb)];
	const log: string[] = [];
	let { child, port } = await spawnServer(['--port', '0', '--dir', dir, ...extra], log);
	let running = true;

	async function stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') {
		if (!running) return;
		running = false;
		const exited = new Promise<void>((resolve) => {
			if (child.exitCode !== null || child.signalCode !== null) resolve();
			else child.once('exit', () => resolve());
		});
		child.kill(signal);
		await within(exited, `the sync server to stop on ${signal}`);
	}

	return {
		url: `ws://127.0.0.1:${port}`,
		port,
		dir,
		stop,
		restart: async () => {
			await stop('SIGTERM');
			({ child, port } = await spawnServer(['--port', String(port), '--dir', dir, ...extra], log));
			running = true;
		},
		dispose: async () => {
			await stop('SIGTERM');
			if (!ownDir) return;
			fs.rmSync(dir, { recursive: true, force: true });
			tempDirs.delete(dir);
		},
		output: () => log.join('')
	};
}

export interface TestClient {
	provider: WebsocketProvider;
	/** Resolves at the first sync with the server. */
	synced: Promise<void>;
	/** Resolves at the first close sent by the server, with its code and reason. */
	closed: Promise<{ code: number; reason: string }>;
	destroy(): void;
}

/**
 * A y-websocket client in Node, offering the room's secret as the app does. `protocols` replaces
 * the offered sub-protocols (to test refusals).
 */
export function connect(
	url: string,
	access: Pick<RoomAccess, 'room' | 'secret'>,
	doc: Y.Doc,
	options: { protocols?: string[] } = {}
): TestClient {
	const provider = new WebsocketProvider(url, access.room, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		protocols: options.protocols ?? clientProtocols(access.secret),
		maxBackoffTime: 500
	});
	const synced = new Promise<void>((resolve) => {
		if (provider.synced) return resolve();
		const onSync = (state: boolean) => {
			if (!state) return;
			provider.off('sync', onSync);
			resolve();
		};
		provider.on('sync', onSync);
	});
	const closed = new Promise<{ code: number; reason: string }>((resolve) => {
		const onClose = (event: { code: number; reason: string } | null) => {
			if (!event) return;
			provider.off('connection-close', onClose);
			resolve({ code: event.code, reason: event.reason });
		};
		provider.on('connection-close', onClose);
	});
	return { provider, synced, closed, destroy: () => provider.destroy() };
}
