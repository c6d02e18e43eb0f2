import * as Y from 'yjs';
import {
	COMPANY_SIZES,
	TEAM_SIDES,
	blankProfile,
	type EngagementContent,
	type Profile,
	type ProfileField,
	type TeamMember
} from '../domain/engagement/profile.ts';
import { isLocale } from '../domain/locales.ts';

/**
 * The engagement document: one Y.Doc per engagement.
 *
 *   meta     Y.Map    schemaVersion
 *   profile  Y.Map    the fields of Profile, as plain values
 *   team     Y.Array  of Y.Map, one per TeamMember
 *
 * The UI never touches these types: it reads `readContent` (a typed plain snapshot) and changes
 * the document only through the commands below, each one transaction with LOCAL_ORIGIN, which
 * is what the undo manager tracks.
 */
export const DOCUMENT_SCHEMA_VERSION = 1;
export const LOCAL_ORIGIN = 'local-command';

export class DocumentTooNewError extends Error {
	readonly found: number;
	constructor(found: number) {
		super(
			`The engagement document has schema version ${found}; this app reads up to ${DOCUMENT_SCHEMA_VERSION}.`
		);
		this.found = found;
	}
}

const meta = (doc: Y.Doc) => doc.getMap<unknown>('meta');
const profileMap = (doc: Y.Doc) => doc.getMap<unknown>('profile');
const teamArray = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('team');

/** The shared types that undo/redo covers. */
export function trackedTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
	return [profileMap(doc), teamArray(doc)] as Y.AbstractType<unknown>[];
}

export function documentSchemaVersion(doc: Y.Doc): number {
	const v = meta(doc).get('schemaVersion');
	return typeof v === 'number' ? v : 0;
}

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/**
 * A typed plain copy of the document, with defaults filled in for anything missing or malformed
 * (a document written by another device or an older version is normalised, never trusted).
 */
export function readContent(doc: Y.Doc): EngagementContent {
	const version = documentSchemaVersion(doc);
	if (version > DOCUMENT_SCHEMA_VERSION) throw new DocumentTooNewError(version);
	const p = profileMap(doc);
	const defaults = blankProfile('', 'en');
	const month = p.get('fiscalYearStartMonth');
	const size = p.get('companySize');
	const lang = p.get('reportLanguage');
	const currency = p.get('currency');
	const profile: Profile = {
		name: str(p.get('name')),
		client: str(p.get('client')),
		industry: str(p.get('industry')),
		companySize: (COMPANY_SIZES as readonly unknown[]).includes(size)
			? (size as Profile['companySize'])
			: null,
		region: str(p.get('region')),
		currency:
			typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : defaults.currency,
		reportLanguage: isLocale(lang) ? lang : defaults.reportLanguage,
		fiscalYearStartMonth:
			typeof month === 'number' && Number.isInteger(month) && month >= 1 && month <= 12 ? month : 1,
		sponsor: str(p.get('sponsor')),
		consultant: str(p.get('consultant')),
		notes: str(p.get('notes'))
	};
	const team: TeamMember[] = [];
	for (const m of teamArray(doc)) {
		const side = m.get('side');
		team.push({
			id: str(m.get('id')),
			name: str(m.get('name')),
			role: str(m.get('role')),
			side: (TEAM_SIDES as readonly unknown[]).includes(side)
				? (side as TeamMember['side'])
				: 'client',
			email: str(m.get('email'))
		});
	}
	return { profile, team };
}

function memberMap(member: TeamMember): Y.Map<unknown> {
	return new Y.Map<unknown>(Object.entries(member));
}

function fill(doc: Y.Doc, content: EngagementContent): void {
	meta(doc).set('schemaVersion', DOCUMENT_SCHEMA_VERSION);
	const p = profileMap(doc);
	for (const [key, value] of Object.entries(content.profile)) p.set(key, value);
	teamArray(doc).push(content.team.map(memberMap));
}

/** A document update that holds `content`, for creating a new engagement in one write. */
export function encodeContent(content: EngagementContent): Uint8Array {
	const doc = new Y.Doc();
	fill(doc, content);
	const update = Y.encodeStateAsUpdateV2(doc);
	doc.destroy();
	return update;
}

/* ---------- commands: each one transaction, tracked for undo ---------- */

export function setProfileField<K extends ProfileField>(
	doc: Y.Doc,
	field: K,
	value: Profile[K]
): void {
	doc.transact(() => {
		const p = profileMap(doc);
		if (p.get(field) !== value) p.set(field, value);
	}, LOCAL_ORIGIN);
}

export function addTeamMember(doc: Y.Doc, member: TeamMember, index?: number): void {
	doc.transact(() => {
		const team = teamArray(doc);
		team.insert(Math.min(index ?? team.length, team.length), [memberMap(member)]);
	}, LOCAL_ORIGIN);
}

function findMember(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
	for (const m of teamArray(doc)) if (m.get('id') === id) return m;
	return undefined;
}

export function updateTeamMember(
	doc: Y.Doc,
	id: string,
	patch: Partial<Omit<TeamMember, 'id'>>
): void {
	doc.transact(() => {
		const m = findMember(doc, id);
		if (!m) return;
		for (const [key, value] of Object.entries(patch)) if (m.get(key) !== value) m.set(key, value);
	}, LOCAL_ORIGIN);
}

export function removeTeamMember(doc: Y.Doc, id: string): void {
	doc.transact(() => {
		const team = teamArray(doc);
		const index = team.toArray().findIndex((m) => m.get('id') === id);
		if (index >= 0) team.delete(index, 1);
	}, LOCAL_ORIGIN);
}

/** Replaces everything in the document (import over an engagement); one undoable step. */
export function replaceContent(doc: Y.Doc, content: EngagementContent): void {
	doc.transact(() => {
		const p = profileMap(doc);
		for (const key of [...p.keys()]) if (!(key in content.profile)) p.delete(key);
		const team = teamArray(doc);
		team.delete(0, team.length);
		fill(doc, content);
	}, LOCAL_ORIGIN);
}

export function createUndoManager(doc: Y.Doc): Y.UndoManager {
	return new Y.UndoManager(trackedTypes(doc), {
		trackedOrigins: new Set([LOCAL_ORIGIN]),
		captureTimeout: 600
	});
}
