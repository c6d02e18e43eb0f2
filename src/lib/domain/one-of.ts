/**
 * Whether `value` is one of `options`: a type guard for the string unions that the domain keeps
 * as `as const` lists (tiers, channel kinds, statuses…). Used wherever a value comes from outside
 * the types: a <select>, a stored document, a file.
 */
export function isOneOf<T extends string>(options: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (options as readonly string[]).includes(value);
}

/** `value` if it is one of `options`, otherwise `fallback`. */
export function oneOf<T extends string, F>(
	options: readonly T[],
	value: unknown,
	fallback: F
): T | F {
	return isOneOf(options, value) ? value : fallback;
}
