import { describe, expect, it } from 'vitest';
import { jsonDepth, jsonShape, MAX_FILE_BYTES, parseJsonSafely } from './safe-json.ts';

describe('reading untrusted JSON', () => {
	it('counts nesting without being fooled by brackets in strings', () => {
		expect(jsonDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
		expect(jsonDepth('"\\"[[["')).toBe(0);
	});
	it('counts list items, nested ones too, without being fooled by commas in strings', () => {
		expect(jsonShape('[]').items).toBe(0);
		expect(jsonShape('[ ]').items).toBe(0);
		expect(jsonShape('[1]').items).toBe(1);
		expect(jsonShape('{"a":[1, "x,y", [2,3], {"b":4,"c":5}],"d":[]}').items).toBe(6);
		expect(jsonShape(JSON.stringify(['[1,2]', '\\', ',', '"', ']'])).items).toBe(5);
	});
	it('refuses huge lists before parsing them', () => {
		const zeros = (n: number) => `{"a":[${new Array(n).fill(0).join(',')}]}`;
		expect(parseJsonSafely(zeros(1000), undefined, undefined, 1000).ok).toBe(true);
		expect(parseJsonSafely(zeros(1001), undefined, undefined, 1000)).toEqual({
			ok: false,
			error: { code: 'tooManyItems', limit: 1000 }
		});
		// Many small lists count together.
		const many = `[${new Array(600).fill('[0,0]').join(',')}]`;
		expect(parseJsonSafely(many, undefined, undefined, 1000)).toMatchObject({
			error: { code: 'tooManyItems' }
		});
	});
	it('refuses deeply nested junk before parsing it', () => {
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		expect(parseJsonSafely(deep)).toEqual({ ok: false, error: { code: 'tooDeep', limit: 64 } });
	});
	it('refuses prototype keys anywhere and says where', () => {
		const r = parseJsonSafely('{"a":{"b":[{"__proto__":{"polluted":true}}]}}');
		expect(r).toEqual({
			ok: false,
			error: { code: 'forbiddenKey', key: '__proto__', path: 'a.b[0].__proto__' }
		});
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(parseJsonSafely('{"constructor":{"prototype":{}}}').ok).toBe(false);
	});
	it('refuses text that is not JSON, and oversized input', () => {
		expect(parseJsonSafely('PK\u0003\u0004 not json')).toMatchObject({
			ok: false,
			error: { code: 'notJson' }
		});
		expect(parseJsonSafely('{}', MAX_FILE_BYTES + 1)).toMatchObject({
			ok: false,
			error: { code: 'tooLarge' }
		});
	});
	it('parses ordinary JSON', () => {
		expect(parseJsonSafely('{"a":[1,2,"x"]}')).toEqual({ ok: true, value: { a: [1, 2, 'x'] } });
	});
});
