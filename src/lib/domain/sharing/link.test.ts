import { describe, expect, it } from 'vitest';
import {
	accessLink,
	clientProtocols,
	isRoomId,
	isSecret,
	newRoom,
	newSecret,
	parseServer,
	readAccess,
	roomIdFor
} from './link.ts';

describe('rooms and secrets', () => {
	it('makes 43-character secrets that differ every time', () => {
		const a = newSecret();
		expect(isSecret(a)).toBe(true);
		expect(newSecret()).not.toBe(a);
	});

	it('derives the room from the secret (SHA-256 of the label and the secret, 22 characters)', async () => {
		// SHA-256("crm-workbench-room:" + 43 × "A"), base64url, first 22 characters; worked out
		// with `printf 'crm-workbench-room:%s' AAAA… | sha256sum | xxd -r -p | base64`.
		const secret = 'A'.repeat(43);
		const room = await roomIdFor(secret);
		expect(isRoomId(room)).toBe(true);
		expect(room).toBe(await roomIdFor(secret));
		expect(room).not.toBe(await roomIdFor('B'.repeat(43)));
		expect(room).toBe(EXPECTED_ROOM);
	});

	it('offers the secret as a sub-protocol, never in the URL', () => {
		expect(clientProtocols('s3cret')).toEqual(['crm-workbench-sync.1', 'key.s3cret']);
	});
});

describe('server addresses', () => {
	it('accepts what people type and normalises it', () => {
		expect(parseServer(' localhost:1234 ')).toEqual({ server: 'ws://localhost:1234' });
		expect(parseServer('https://sync.example.com/')).toEqual({ server: 'wss://sync.example.com' });
		expect(parseServer('ws://192.168.1.5:1234/crm')).toEqual({
			server: 'ws://192.168.1.5:1234/crm'
		});
	});

	it('names what is wrong', () => {
		expect(parseServer('')).toEqual({ problem: 'empty' });
		expect(parseServer('ftp://x')).toEqual({ problem: 'scheme' });
		expect(parseServer('ws://a:b@host')).toEqual({ problem: 'credentials' });
		expect(parseServer('ws://host/?x=1')).toEqual({ problem: 'query' });
		expect(parseServer('ws://[oops')).toEqual({ problem: 'notUrl' });
	});
});

describe('links', () => {
	it('round-trips server, room and secret through the fragment', async () => {
		const access = await newRoom('wss://sync.example.com');
		const link = accessLink('https://app.example.com/crm/', 'join', access);
		expect(link.startsWith('https://app.example.com/crm/#/join?server=wss%3A%2F%2F')).toBe(true);
		expect(await readAccess(new URL(link).hash)).toEqual({ access });
		expect(await readAccess(link)).toEqual({ access });
	});

	it('refuses a link whose room does not match its secret, or with parts missing', async () => {
		const access = await newRoom('ws://localhost:1234');
		const other = await newRoom('ws://localhost:1234');
		const forged = new URL(accessLink('http://x', 'vote', { ...access, room: other.room }));
		expect(await readAccess(forged.hash)).toEqual({ problem: 'mismatch' });
		expect(await readAccess('#server=ws%3A%2F%2Fh&room=abc')).toEqual({ problem: 'incomplete' });
		expect(await readAccess(`#server=ws%3A%2F%2Fh&room=abc&key=${access.secret}`)).toEqual({
			problem: 'malformed'
		});
		expect(await readAccess(`#server=ftp%3A%2F%2Fh&room=x&key=y`)).toEqual({ problem: 'server' });
	});
});
const EXPECTED_ROOM = 'DJElfYdepAoUrBviVUgd8I';
