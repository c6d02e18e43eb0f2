/**
 * Shared rooms on a sync server (see server/sync-server.ts). A room is named by an id derived
 * from its secret, so a server can check a client's secret without storing anything: the client
 * names the room in the URL path and hands the secret as a WebSocket sub-protocol
 * (`key.<secret>`, next to SYNC_PROTOCOL), which keeps it out of URLs and proxy logs.
 *
 * An invitation link carries the server, the room and the secret in its fragment (after `#`),
 * which browsers never send to the web server that serves the app.
 */

/** The sub-protocol a client asks for and the server answers with. */
export const SYNC_PROTOCOL = 'crm-workbench-sync.1';
/** The prefix of the sub-protocol that carries the room's secret. */
export const KEY_PROTOCOL_PREFIX = 'key.';

/** Close codes the server uses (4400–4499: y-websocket stops reconnecting). */
export const CLOSE_BAD_REQUEST = 4400;
export const CLOSE_WRONG_SECRET = 4401;
/** The WebSocket close code for a message over the server's size limit. */
export const CLOSE_TOO_LARGE = 1009;

const SECRET_BYTES = 32;
const ROOM_CHARS = 22;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const ROOM_PATTERN = /^[A-Za-z0-9_-]{22}$/;

function base64url(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += String.fromCharCode(b);
	return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export const isSecret = (v: string) => SECRET_PATTERN.test(v);
export const isRoomId = (v: string) => ROOM_PATTERN.test(v);

/** 256 random bits, base64url (43 characters). */
export function newSecret(): string {
	return base64url(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
}

/** The room a secret opens: 132 bits of SHA-256 over a fixed label and the secret. */
export async function roomIdFor(secret: string): Promise<string> {
	const data = new TextEncoder().encode(`crm-workbench-room:${secret}`);
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
	return base64url(digest).slice(0, ROOM_CHARS);
}

/** The sub-protocols a client offers: the app's and the one carrying the secret. */
export function clientProtocols(secret: string): string[] {
	return [SYNC_PROTOCOL, KEY_PROTOCOL_PREFIX + secret];
}

/** What a link hands to another device. */
export interface RoomAccess {
	/** The sync server, ws:// or wss:// with host, optional port and path, no query. */
	server: string;
	room: string;
	secret: string;
}

export type LinkKind = 'join' | 'vote';

export type ServerProblem = 'empty' | 'notUrl' | 'scheme' | 'credentials' | 'query';

/**
 * A sync server address as typed by a user, normalised: `localhost:1234` → `ws://localhost:1234`,
 * `https://sync.example` → `wss://sync.example`. Returns the problem when it is not one.
 */
export function parseServer(input: string): { server: string } | { problem: ServerProblem } {
	let text = input.trim();
	if (text === '') return { problem: 'empty' };
	if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `ws://${text}`;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return { problem: 'notUrl' };
	}
	const scheme = { 'ws:': 'ws:', 'wss:': 'wss:', 'http:': 'ws:', 'https:': 'wss:' }[url.protocol];
	if (!scheme || url.hostname === '') return { problem: 'scheme' };
	if (url.username || url.password) return { problem: 'credentials' };
	if (url.search || url.hash) return { problem: 'query' };
	url.protocol = scheme;
	return { server: url.href.replace(/\/+$/, '') };
}

/**
 * The link another device opens. The app routes by the URL's fragment, so the link is
 * `<app>#/join?server=…&room=…&key=…` (or `#/vote?…`): everything after `#` stays in the browser.
 * `appUrl` is where the app is served (origin and path, without a fragment).
 */
export function accessLink(appUrl: string, kind: LinkKind, access: RoomAccess): string {
	const params = new URLSearchParams({
		server: access.server,
		room: access.room,
		key: access.secret
	});
	return `${appUrl.replace(/#.*$/, '')}#/${kind}?${params.toString()}`;
}

export type LinkProblem = 'incomplete' | 'server' | 'malformed' | 'mismatch';

/**
 * Reads a link's parameters (a whole link, its fragment, or just the part after `?`); checks
 * that the room matches its secret.
 */
export async function readAccess(
	text: string
): Promise<{ access: RoomAccess } | { problem: LinkProblem }> {
	const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : text.replace(/^#/, '');
	const params = new URLSearchParams(query);
	const server = params.get('server');
	const room = params.get('room');
	const secret = params.get('key');
	if (!server || !room || !secret) return { problem: 'incomplete' };
	const parsed = parseServer(server);
	if ('problem' in parsed) return { problem: 'server' };
	if (!isRoomId(room) || !isSecret(secret)) return { problem: 'malformed' };
	// Browsers offer SubtleCrypto only on https and localhost; a phone opening the app by its
	// plain-http network address skips this check (the sync server makes it anyway).
	if (globalThis.crypto?.subtle && (await roomIdFor(secret)) !== room)
		return { problem: 'mismatch' };
	return { access: { server: parsed.server, room, secret } };
}

/** A new room: a fresh secret and the room it opens. */
export async function newRoom(server: string): Promise<RoomAccess> {
	const secret = newSecret();
	return { server, room: await roomIdFor(secret), secret };
}
