/**
 * Reading JSON that came from outside (a file, the clipboard) without letting it hurt us:
 * a size limit, a nesting limit and a limit on list items checked before parsing, and no keys
 * that could reach an object's prototype.
 */

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_DEPTH = 64;
/**
 * List items (array elements, nested ones included) one file may hold. The workbench's own
 * files use about 190 bytes per item, so an engagement file at its size limit holds about
 * 280,000; a file of a million tiny items (`[0,0,0,…]`) would only make the checks that
 * follow spend seconds on refusing each one.
 */
export const MAX_LIST_ITEMS = 1_000_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type SafeJsonError =
	| { code: 'tooLarge'; bytes: number; limitBytes: number }
	| { code: 'notJson'; detail: string }
	| { code: 'tooDeep'; limit: number }
	| { code: 'tooManyItems'; limit: number }
	| { code: 'forbiddenKey'; key: string; path: string };

export type SafeJsonResult = { ok: true; value: unknown } | { ok: false; error: SafeJsonError };

/**
 * The deepest nesting of arrays and objects in a JSON text, and how many list items it holds,
 * counted without parsing it; the count stops soon after either passes its limit.
 */
export function jsonShape(
	text: string,
	maxDepth = Infinity,
	maxItems = Infinity
): { depth: number; items: number } {
	const isArray: boolean[] = [];
	let depth = 0;
	let max = 0;
	let items = 0;
	let firstOfArray = false;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92 /* \ */) i++;
			else if (c === 34 /* " */) inString = false;
			continue;
		}
		if (c === 32 || c === 9 || c === 10 || c === 13) continue;
		if (firstOfArray) {
			firstOfArray = false;
			if (c !== 93 /* ] */) items++;
		}
		if (c === 34) inString = true;
		else if (c === 91 /* [ */ || c === 123 /* { */) {
			if (depth >= 0) isArray[depth] = c === 91;
			depth++;
			firstOfArray = c === 91;
			if (depth > max) {
				max = depth;
				if (max > maxDepth) break;
			}
		} else if (c === 93 || c === 125 /* } */) depth--;
		else if (c === 44 /* , */ && depth > 0 && isArray[depth - 1]) {
			items++;
			if (items > maxItems) break;
		}
	}
	return { depth: max, items };
}

/** Deepest nesting of arrays and objects in a JSON text, counted without parsing it. */
export function jsonDepth(text: string, stopAbove = Infinity): number {
	return jsonShape(text, stopAbove).depth;
}

class ForbiddenKey extends Error {
	readonly key: string;
	constructor(key: string) {
		super(key);
		this.key = key;
	}
}

export function parseJsonSafely(
	text: string,
	byteLength = text.length * 2,
	limitBytes = MAX_FILE_BYTES,
	limitItems = MAX_LIST_ITEMS
): SafeJsonResult {
	if (byteLength > limitBytes) {
		return { ok: false, error: { code: 'tooLarge', bytes: byteLength, limitBytes } };
	}
	const shape = jsonShape(text, MAX_DEPTH, limitItems);
	if (shape.depth > MAX_DEPTH) {
		return { ok: false, error: { code: 'tooDeep', limit: MAX_DEPTH } };
	}
	if (shape.items > limitItems) {
		return { ok: false, error: { code: 'tooManyItems', limit: limitItems } };
	}
	let value: unknown;
	try {
		value = JSON.parse(text, (key, v: unknown) => {
			if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
			return v;
		});
	} catch (e) {
		if (e instanceof ForbiddenKey) {
			return {
				ok: false,
				error: { code: 'forbiddenKey', key: e.key, path: findKeyPath(text, e.key) }
			};
		}
		return {
			ok: false,
			error: { code: 'notJson', detail: e instanceof Error ? e.message : String(e) }
		};
	}
	return { ok: true, value };
}

/** Where a forbidden key sits, for the error message; parsed without a reviver (own keys only). */
function findKeyPath(text: string, key: string): string {
	const root: unknown = JSON.parse(text);
	const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
	while (stack.length > 0) {
		const { value, path } = stack.pop()!;
		if (value === null || typeof value !== 'object') continue;
		for (const k of Object.keys(value)) {
			const childPath = Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
			if (k === key) return childPath;
			stack.push({ value: (value as Record<string, unknown>)[k], path: childPath });
		}
	}
	return key;
}
