import fs from 'node:fs';
import { HOSTILE_DIAGRAMS, PAYLOADS } from './corpus.ts';

/**
 * Turns an engagement export into a hostile one: every string the user writes (names,
 * descriptions, notes, pains, labels, owners, evidence, KPI names, assessment models' texts…)
 * becomes an XSS payload, alone or within ordinary words, and the free diagrams become
 * Mermaid-specific attacks. What is user text is read from the published JSON Schema of the
 * format, not listed by hand, so a field added later is covered too: a string with no enum,
 * constant, pattern or format that is not an id or a reference (all of which are 1–64
 * characters). Optional text fields the file leaves out are added.
 */

interface Schema {
	type?: string | string[];
	properties?: Record<string, Schema>;
	required?: string[];
	items?: Schema;
	additionalProperties?: Schema | boolean;
	anyOf?: Schema[];
	oneOf?: Schema[];
	enum?: unknown[];
	const?: unknown;
	pattern?: string;
	format?: string;
	minLength?: number;
	maxLength?: number;
}

const SCHEMA: Schema = JSON.parse(
	fs.readFileSync('static/schemas/engagement-file.v1.schema.json', 'utf8')
);

/** Strings that are keys into other data, though their schema does not say so. */
const REFERENCES = new Set(['content.channels.assignments[]']);

function isText(s: Schema, path: string): boolean {
	return (
		s.type === 'string' &&
		s.enum === undefined &&
		s.const === undefined &&
		s.pattern === undefined &&
		s.format === undefined &&
		!(s.minLength === 1 && s.maxLength === 64) &&
		!REFERENCES.has(path)
	);
}

const typeOf = (v: unknown) =>
	v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v;

/** The branches of a schema that a value may match (one, when there is no choice). */
function branches(s: Schema, value: unknown): Schema[] {
	const choice = s.anyOf ?? s.oneOf;
	if (!choice) return [s];
	return choice
		.flatMap((b) => branches(b, value))
		.filter((b) => {
			const types = [b.type].flat();
			const t = typeOf(value);
			if (
				b.type !== undefined &&
				!types.includes(t) &&
				!(t === 'number' && types.includes('integer'))
			)
				return false;
			if (t !== 'object' || !b.properties) return true;
			// A tagged branch: its constants must match.
			return Object.entries(b.properties).every(
				([k, p]) => p.const === undefined || (value as Record<string, unknown>)[k] === p.const
			);
		});
}

/** Every path of user text in the schema, for the coverage check. */
export function textPaths(s: Schema = contentSchema(), path = 'content'): Set<string> {
	const out = new Set<string>();
	const walk = (n: Schema, p: string) => {
		if (isText(n, p)) out.add(p);
		for (const b of n.anyOf ?? n.oneOf ?? []) walk(b, p);
		for (const [k, v] of Object.entries(n.properties ?? {})) walk(v, `${p}.${k}`);
		if (n.items) walk(n.items, `${p}[]`);
		if (typeof n.additionalProperties === 'object') walk(n.additionalProperties, `${p}{}`);
	};
	walk(s, path);
	return out;
}

function contentSchema(): Schema {
	return SCHEMA.properties!.engagement!.properties!.content!;
}

export interface HostileFile {
	/** The file, as JSON text. */
	text: string;
	/** How many strings became payloads. */
	replaced: number;
	/** The schema paths of user text that were replaced at least once. */
	covered: Set<string>;
	/** Which payload each replaced string holds, by its index in PAYLOADS. */
	used: Set<number>;
}

/**
 * The export `file` with every user-text string replaced. `name` becomes the engagement's name
 * (so that the test can find it), itself with a payload in it.
 */
export function hostileFile(file: Record<string, unknown>, name: string): HostileFile {
	const copy = structuredClone(file) as { engagement: { content: Record<string, unknown> } };
	let n = 0;
	let replaced = 0;
	const covered = new Set<string>();
	const used = new Set<number>();

	/** The next payload that fits in `max` characters, within words every other time. */
	const next = (max: number): string => {
		for (let tries = 0; tries < PAYLOADS.length; tries++) {
			const i = n++ % PAYLOADS.length;
			const payload = PAYLOADS[i]!;
			const text = n % 2 === 0 ? `Before ${payload} after` : payload;
			if (text.length <= max) {
				used.add(i);
				return text;
			}
			if (payload.length <= max) {
				used.add(i);
				return payload;
			}
		}
		throw new Error(`no payload fits in ${max} characters`);
	};

	const visit = (value: unknown, s: Schema, path: string): unknown => {
		for (const b of branches(s, value)) {
			if (typeof value === 'string' && isText(b, path)) {
				covered.add(path);
				replaced++;
				return next(b.maxLength ?? 10_000);
			}
			if (Array.isArray(value) && b.items) {
				return value.map((v) => visit(v, b.items!, `${path}[]`));
			}
			if (
				typeOf(value) === 'object' &&
				(b.properties || typeof b.additionalProperties === 'object')
			) {
				const obj = value as Record<string, unknown>;
				const out: Record<string, unknown> = {};
				for (const [k, v] of Object.entries(obj)) {
					const own = b.properties?.[k];
					const any =
						typeof b.additionalProperties === 'object' ? b.additionalProperties : undefined;
					if (own) out[k] = visit(v, own, `${path}.${k}`);
					else if (any) out[k] = visit(v, any, `${path}{}`);
					else out[k] = v;
				}
				// Optional text the file leaves out is filled in too.
				for (const [k, p] of Object.entries(b.properties ?? {}))
					if (!(k in obj) && isText(p, `${path}.${k}`)) out[k] = visit('', p, `${path}.${k}`);
				return out;
			}
		}
		return value;
	};

	const content = visit(copy.engagement.content, contentSchema(), 'content') as Record<
		string,
		unknown
	> & {
		profile: { name: string };
		diagrams: { id: string; title: string; text: string }[];
	};
	content.profile.name = name;
	// The free diagrams: Mermaid's own ways in, one diagram each (the sample's are replaced).
	content.diagrams = HOSTILE_DIAGRAMS.map((d, i) => ({ id: `xss-diagram-${i}`, ...d }));
	covered.add('content.diagrams[].text');
	copy.engagement.content = content;
	return { text: JSON.stringify(copy), replaced, covered, used };
}
