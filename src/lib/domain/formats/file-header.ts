/**
 * The first checks on any versioned workbench file, once its JSON is parsed: an object of the
 * expected `kind`, with an integer `formatVersion` no newer than this app reads.
 */

export type FileHeaderError =
	| { code: 'wrongKind'; found: string | null }
	| { code: 'badVersion' }
	| { code: 'newerVersion'; found: number; supported: number };

export type FileHeaderResult =
	| { ok: true; data: Record<string, unknown>; version: number }
	| { ok: false; error: FileHeaderError };

export function readFileHeader(raw: unknown, kind: string, supported: number): FileHeaderResult {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
		return { ok: false, error: { code: 'wrongKind', found: null } };
	const data = raw as Record<string, unknown>;
	if (data.kind !== kind)
		return {
			ok: false,
			error: {
				code: 'wrongKind',
				found: typeof data.kind === 'string' ? data.kind.slice(0, 80) : null
			}
		};
	const version = data.formatVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
		return { ok: false, error: { code: 'badVersion' } };
	if (version > supported)
		return { ok: false, error: { code: 'newerVersion', found: version, supported } };
	return { ok: true, data, version };
}
