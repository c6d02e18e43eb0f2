import { describe, expect, it } from 'vitest';
import { isOneOf, oneOf } from './one-of.ts';

describe('one of a list', () => {
	const SIDES = ['client', 'vendor'] as const;
	it('accepts only the listed strings', () => {
		expect(isOneOf(SIDES, 'client')).toBe(true);
		expect(isOneOf(SIDES, 'Client')).toBe(false);
		expect(isOneOf(SIDES, 1)).toBe(false);
		expect(isOneOf(SIDES, null)).toBe(false);
	});
	it('falls back for anything else', () => {
		expect(oneOf(SIDES, 'vendor', null)).toBe('vendor');
		expect(oneOf(SIDES, 'other', null)).toBeNull();
		expect(oneOf(SIDES, undefined, 'client')).toBe('client');
	});
});
