/**
 * A model-based test of the engagement store (fast-check's `commands` and `asyncModelRun`):
 * random sequences of what a user does (create, open, edit, undo and redo, rename, archive,
 * delete, restore, purge, export, import as new or over an engagement, recover a purged one from
 * its file, close, reload) run against the real code (the workspace session, the document
 * commands, the persistence layer over fake-indexeddb, the export and import actions) and against
 * a plain in-memory model: each engagement's expected content, archived and deleted flags, and
 * per open workspace the undo and redo stacks of contents.
 *
 * After every command, what storage holds (read through a second database connection, as another
 * tab or the next visit reads it), the engagement list, the stored documents and every open
 * workspace (content, removed state, can undo, can redo, saved) must equal the model. Contents
 * compare with their set-like lists in one order (see `canonical`).
 *
 * `MODEL_RUNS=2000 npx vitest run src/lib/features/engagements/model.test.ts` hunts longer; a
 * failure prints its seed and path, and the shortest sequence that fails.
 */
import { isDeepStrictEqual } from 'node:util';
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Observable } from 'dexie';
import {
	addSegment,
	removeSegment,
	setAnswer,
	setSevenS,
	updateSegment,
	type SegmentPatch
} from '#lib/documents/engagement-doc.ts';
import {
	blankContent,
	indexFields,
	type EngagementContent,
	type ProfileField,
	type TeamMember
} from '#lib/domain/engagement/profile.ts';
import { makeEngagementFile } from '#lib/domain/formats/engagement-file.ts';
import { LOCALES, type Locale } from '#lib/domain/locales.ts';
import { isValidEmail } from '#lib/domain/schemas.ts';
import { SEVEN_S } from '#lib/domain/strategy/change-plan.ts';
import { blankSegment } from '#lib/domain/strategy/model.ts';
import { QUESTIONS } from '#lib/domain/strategy/questions.ts';
import { TIERS } from '#lib/domain/strategy/segments.ts';
import { EngagementSession } from '#lib/features/workspace/session.svelte.ts';
import { ENGAGEMENT_UPDATES_TABLE, openDb, type WorkbenchDb } from '#lib/persistence/db.ts';
import {
	getEngagement,
	newId,
	purgeDeleted,
	restoreEngagement,
	setArchived,
	softDeleteEngagement,
	watchEngagements,
	whenWritten,
	type EngagementSummary
} from '#lib/persistence/engagements.ts';
import { sampleContent } from '../../../../test/reports.ts';
import {
	EngagementMissingError,
	buildExport,
	checkImportFile,
	createFromContent,
	importAsNew as importFileAsNew,
	importReplacing as importFileReplacing,
	readEngagementContent,
	renameEngagement
} from './actions.ts';

type Content = EngagementContent;

/* ---------- the model ---------- */

interface ModelEngagement {
	id: string;
	content: Content;
	archived: boolean;
	/** The model clock at deletion, or null. */
	deletedAt: number | null;
	createdAt: number;
}

/** One open workspace: the undo and redo stacks hold the content before each step. */
interface ModelSession {
	id: string;
	undo: Content[];
	redo: Content[];
	/** Set once the engagement was purged while open: the content it last showed. */
	purged?: Content;
}

/** A file this user holds: exported here, or brought from elsewhere. */
interface ModelFile {
	label: string;
	text: string;
	id: string;
	/** What the file holds, as the importer reads it. */
	content: Content;
	archived: boolean;
	createdAt: number;
}

interface Model {
	engagements: ModelEngagement[];
	purged: string[];
	sessions: ModelSession[];
	files: ModelFile[];
	clock: number;
}

interface Real {
	name: string;
	db: WorkbenchDb;
	/** Another connection to the same database: what another tab or the next visit reads. */
	reader: WorkbenchDb;
	sessions: Map<string, EngagementSession>;
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
const find = (m: Model, id: string) => m.engagements.find((e) => e.id === id);
const live = (m: Model) => m.engagements.filter((e) => e.deletedAt === null);
const deleted = (m: Model) => m.engagements.filter((e) => e.deletedAt !== null);
const sessionOf = (m: Model, id: string) => m.sessions.find((s) => s.id === id);

/**
 * The content with its set-like lists in one order: the document keeps them as keys of a map
 * and reads them back sorted, so a file written elsewhere (the sample engagement's starter) may
 * list them in another order and still hold the same.
 */
function canonical(content: Content): Content {
	const by =
		<T>(key: (x: T) => string) =>
		(a: T, b: T) =>
			key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
	return {
		...content,
		channels: { ...content.channels, assignments: [...content.channels.assignments].sort() },
		assessments: content.assessments.map((a) => ({
			...a,
			answers: [...a.answers].sort(by((x) => `${x.participantId}:${x.questionId}`)),
			revealed: [...a.revealed].sort()
		})),
		roadmap: {
			...content.roadmap,
			settings: {
				...content.roadmap.settings,
				holidays: [...content.roadmap.settings.holidays].sort()
			},
			kpis: content.roadmap.kpis.map((k) => ({
				...k,
				actuals: [...k.actuals].sort(by((x) => x.date))
			}))
		}
	};
}

function expectContent(actual: Content | null, expected: Content, what: string) {
	const [a, b] = [actual && canonical(actual), canonical(expected)];
	// Node's comparison first: the same verdict on plain data, and much faster on a large engagement.
	if (!isDeepStrictEqual(a, b)) expect(a, what).toEqual(b);
}

/* ---------- waiting for the real system (never for a fixed time) ---------- */

async function until(what: string, ready: () => boolean) {
	for (let i = 0; !ready(); i++) {
		if (i > 5000) throw new Error(`Never happened: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
}

function firstValue<T>(observable: Observable<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		const subscription = observable.subscribe({
			next: (value) => {
				resolve(value);
				queueMicrotask(() => subscription.unsubscribe());
			},
			error: reject
		});
	});
}

/** Every edit made so far is written: the documents' updates and the list's copy of the names. */
async function settle(r: Real) {
	await until('sessions saved', () => [...r.sessions.values()].every((s) => s.save !== 'saving'));
	await whenWritten(r.db);
}

/* ---------- the check after every command ---------- */

async function verify(m: Model, r: Real, read: readonly string[] | 'all') {
	await settle(r);

	// The engagement list (deleted ones included, as the list page receives it).
	const list = await firstValue(watchEngagements(r.db));
	const row = (e: EngagementSummary | ModelEngagement) =>
		'content' in e
			? {
					id: e.id,
					...indexFields(e.content.profile),
					archived: e.archived ? 1 : 0,
					deleted: e.deletedAt !== null,
					createdAt: e.createdAt
				}
			: {
					id: e.id,
					name: e.name,
					client: e.client,
					industry: e.industry,
					archived: e.archived,
					deleted: e.deletedAt !== null,
					createdAt: e.createdAt
				};
	const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	expect(list.map(row).sort(byId), 'the engagement list').toEqual(
		m.engagements.map(row).sort(byId)
	);
	for (let i = 1; i < list.length; i++)
		expect(list[i - 1]!.updatedAt).toBeGreaterThanOrEqual(list[i]!.updatedAt);
	// Each engagement has its document, and a purged one left none behind.
	const documents = await r.db.table(ENGAGEMENT_UPDATES_TABLE).orderBy('k').uniqueKeys();
	expect(documents.map(String).sort(), 'the stored documents').toEqual(
		m.engagements.map((e) => e.id).sort()
	);

	// The content as stored, read through another connection.
	const ids = read === 'all' ? live(m).map((e) => e.id) : read;
	for (const id of ids) {
		const e = find(m, id);
		if (!e || e.deletedAt !== null) continue;
		expectContent(await readEngagementContent(r.reader, id), e.content, `stored content of ${id}`);
	}

	// Every open workspace shows the model's content, undo state and save state.
	expect([...r.sessions.keys()].sort()).toEqual(m.sessions.map((s) => s.id).sort());
	for (const s of m.sessions) {
		const session = r.sessions.get(s.id)!;
		expect(session.save, `save state of ${s.id}`).toBe('saved');
		if (s.purged) {
			expect(session.removed, `session of purged ${s.id}`).toBe('purged');
			continue;
		}
		const e = find(m, s.id)!;
		expect(session.removed, `session of ${s.id}`).toBe(e.deletedAt === null ? null : 'deleted');
		expectContent(session.content, e.content, `session content of ${s.id}`);
		expect(session.canUndo, `canUndo of ${s.id}`).toBe(s.undo.length > 0);
		expect(session.canRedo, `canRedo of ${s.id}`).toBe(s.redo.length > 0);
	}
}

/* ---------- generated input, within what the forms accept ---------- */

const SAMPLES = [
	'招商银行',
	'零售 CRM 项目',
	'客戶經理',
	'  Acme Bank  ',
	'Ünïcödé',
	'two\nlines',
	'<img src=x onerror=alert(1)>',
	'"quoted" \\ back',
	'😀 emoji',
	'\u200b',
	'__proto__',
	'constructor'
];

const words = fc.oneof(
	{ weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
	{ weight: 3, arbitrary: fc.constantFrom(...SAMPLES) }
);
/** Text a user could type or paste into a field that holds at most `max` (≥ 200) characters. */
function text(max: number): fc.Arbitrary<string> {
	return fc.oneof(
		{ weight: 6, arbitrary: words },
		// Spaces around the text, as left by typing or pasting.
		{
			weight: 2,
			arbitrary: fc
				.tuple(fc.constantFrom(' ', '  ', '\u3000', '\t'), words, fc.constantFrom('', ' ', '\n'))
				.map(([before, middle, after]) => before + middle + after)
		},
		// As long as the field allows.
		{ weight: 1, arbitrary: fc.constantFrom('x', '字').map((c) => c.repeat(max)) }
	);
}
/** A name the forms accept (not blank). */
const name = text(200).filter((s) => s.trim() !== '');
const email = fc.oneof(
	fc.constant(''),
	fc.constantFrom('wang.min@example.com', 'li@bank.cn'),
	fc.emailAddress().filter(isValidEmail)
);
/** Numbers as the number fields give them (no negative zero: it prints and saves as 0). */
const rateValue = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0);
const QUESTION_IDS = QUESTIONS.flatMap((l) => l.questions.map((q) => q.id));

/* ---------- edits in an open workspace, each made as its page makes it ---------- */

/** A team member goes with their project role, RACI entries and task ownerships. */
function withoutMember(c: Content, id: string): Content {
	const r = c.roadmap;
	return {
		...c,
		team: c.team.filter((t) => t.id !== id),
		roadmap: {
			...r,
			tasks: r.tasks.map((t) => (t.ownerId === id ? { ...t, ownerId: null } : t)),
			roles: Object.fromEntries(Object.entries(r.roles).filter(([member]) => member !== id)),
			raci: Object.fromEntries(Object.entries(r.raci).filter(([key]) => key.split(':')[1] !== id))
		}
	};
}

/**
 * A segment goes with its jobs, pains and gains (and the links to them), its channel
 * preferences and product routes; touchpoints and benefit lines that named it stay, without it.
 */
function withoutSegment(c: Content, id: string): Content {
	const vp = c.valueProposition;
	const gone = new Set(vp.items.filter((i) => i.segmentId === id).map((i) => i.id));
	return {
		...c,
		segments: c.segments.filter((s) => s.id !== id),
		valueProposition: {
			...vp,
			items: vp.items
				.filter((i) => i.segmentId !== id)
				.map((i) => ({ ...i, addresses: i.addresses.filter((a) => !gone.has(a)) }))
		},
		channels: {
			...c.channels,
			preferences: Object.fromEntries(
				Object.entries(c.channels.preferences).filter(([key]) => key.split(':')[0] !== id)
			),
			assignments: c.channels.assignments.filter((key) => key.split(':')[2] !== id)
		},
		journey: {
			...c.journey,
			touchpoints: c.journey.touchpoints.map((t) =>
				t.segmentIds ? { ...t, segmentIds: t.segmentIds.filter((s) => s !== id) } : t
			)
		},
		businessCase: {
			...c.businessCase,
			benefits: c.businessCase.benefits.map((b) =>
				b.segmentId === id ? { ...b, segmentId: null } : b
			)
		}
	};
}

interface Edit {
	label: string;
	/** Makes the edit in the workspace and returns the content it should lead to. */
	make(before: Content, session: EngagementSession): Content;
}

type ProfileEdit = {
	[K in ProfileField]: { field: K; value: Content['profile'][K] };
}[ProfileField];
const profileEdit: fc.Arbitrary<ProfileEdit> = fc.oneof(
	// The name most often: the list shows it, and files must bring it back as it was typed.
	{ weight: 4, arbitrary: name.map((value) => ({ field: 'name' as const, value })) },
	text(300).map((value) => ({ field: 'client' as const, value })),
	text(300).map((value) => ({ field: 'industry' as const, value })),
	text(100_000).map((value) => ({ field: 'notes' as const, value })),
	fc
		.constantFrom(null, 'sme' as const, 'enterprise' as const)
		.map((value) => ({ field: 'companySize' as const, value })),
	fc
		.integer({ min: 1, max: 12 })
		.map((value) => ({ field: 'fiscalYearStartMonth' as const, value }))
);

const memberFields = fc.record({
	name: text(200),
	role: text(300),
	side: fc.constantFrom('client' as const, 'consultancy' as const, 'vendor' as const),
	email
});

const segmentPatch: fc.Arbitrary<SegmentPatch> = fc.record(
	{
		name: text(200),
		description: text(5000),
		customers: fc.integer({ min: 0, max: 1e12 }),
		revenue: fc.maxSafeNat(),
		retention: rateValue,
		growth: fc.double({ min: -1, max: 10, noNaN: true }).map((x) => x + 0),
		tierOverride: fc.constantFrom(null, ...TIERS)
	},
	{ requiredKeys: [] }
);

const edits: fc.Arbitrary<Edit> = fc.oneof(
	{
		weight: 4,
		arbitrary: profileEdit.map(({ field, value }): Edit => ({
			label: `profile.${field} = ${JSON.stringify(value)?.slice(0, 40)}`,
			make(before, session) {
				session.setProfile(field, value);
				return { ...before, profile: { ...before.profile, [field]: value } };
			}
		}))
	},
	memberFields.map((fields): Edit => ({
		label: `add member ${JSON.stringify(fields.name)}`,
		make(before, session) {
			const id = session.addMember(fields);
			return { ...before, team: [...before.team, { id, ...fields }] };
		}
	})),
	fc
		.tuple(fc.nat(99), memberFields, fc.subarray(['name', 'role', 'side', 'email'] as const))
		.map(([n, fields, keys]): Edit => ({
			label: `update member #${n} ${keys.join()}`,
			make(before, session) {
				if (before.team.length === 0) return before;
				const member = pick(before.team, n);
				const patch: Partial<TeamMember> = {};
				for (const key of keys) Object.assign(patch, { [key]: fields[key] });
				session.updateMember(member.id, patch);
				return {
					...before,
					team: before.team.map((t) => (t.id === member.id ? { ...t, ...patch } : t))
				};
			}
		})),
	fc.nat(99).map((n): Edit => ({
		label: `remove member #${n}`,
		make(before, session) {
			if (before.team.length === 0) return before;
			const member = pick(before.team, n);
			session.removeMember(member.id);
			return withoutMember(before, member.id);
		}
	})),
	name.map((segmentName): Edit => ({
		label: `add segment ${JSON.stringify(segmentName)}`,
		make(before, session) {
			const segment = blankSegment(newId(), segmentName);
			session.apply((doc) => addSegment(doc, segment));
			return { ...before, segments: [...before.segments, segment] };
		}
	})),
	fc.tuple(fc.nat(99), segmentPatch).map(([n, patch]): Edit => ({
		label: `update segment #${n} ${Object.keys(patch).join()}`,
		make(before, session) {
			if (before.segments.length === 0) return before;
			const segment = pick(before.segments, n);
			session.apply(
				(doc) => updateSegment(doc, segment.id, patch),
				`segment.${segment.id}.${Object.keys(patch).join()}`
			);
			return {
				...before,
				segments: before.segments.map((s) => (s.id === segment.id ? { ...s, ...patch } : s))
			};
		}
	})),
	fc.nat(99).map((n): Edit => ({
		label: `remove segment #${n}`,
		make(before, session) {
			if (before.segments.length === 0) return before;
			const segment = pick(before.segments, n);
			session.apply((doc) => removeSegment(doc, segment.id));
			return withoutSegment(before, segment.id);
		}
	})),
	fc
		.tuple(fc.constantFrom(...QUESTION_IDS), fc.oneof(fc.constant(''), text(10_000)))
		.map(([question, answer]): Edit => ({
			label: `answer ${question} = ${JSON.stringify(answer).slice(0, 40)}`,
			make(before, session) {
				session.apply((doc) => setAnswer(doc, question, answer), `answer.${question}`);
				const answers = { ...before.answers };
				if (answer === '') delete answers[question];
				else answers[question] = answer;
				return { ...before, answers };
			}
		})),
	fc.tuple(fc.constantFrom(...SEVEN_S), text(5000)).map(([element, value]): Edit => ({
		label: `7-S ${element}.today = ${JSON.stringify(value).slice(0, 40)}`,
		make(before, session) {
			session.apply((doc) => setSevenS(doc, element, 'today', value), `7s.${element}.today`);
			return {
				...before,
				sevenS: { ...before.sevenS, [element]: { ...before.sevenS[element], today: value } }
			};
		}
	}))
);

/* ---------- the commands ---------- */

type Cmd = fc.AsyncCommand<Model, Real>;

/** A command that applies when `candidates` is not empty, on the one `n` picks among them. */
function on<T>(
	label: string,
	n: number,
	candidates: (m: Model) => readonly T[],
	run: (m: Model, r: Real, target: T) => Promise<void>
): Cmd {
	return {
		check: (m) => candidates(m).length > 0,
		run: (m, r) => run(m, r, pick(candidates(m), n)),
		toString: () => label
	};
}

/** Whether a workspace takes edits: its engagement is there and not deleted. */
function writable(m: Model, s: ModelSession): ModelEngagement | undefined {
	const e = find(m, s.id);
	return !s.purged && e && e.deletedAt === null ? e : undefined;
}

/** Any engagement this device ever held: deleted and purged ones too. */
const everyId = (m: Model) => [...m.engagements.map((e) => e.id), ...m.purged];
const always = () => [true];

/** Creates a blank engagement, as the "new engagement" dialog does (with the trimmed name). */
const create = (newName: string, locale: Locale) =>
	on(`create(${JSON.stringify(newName)}, ${locale})`, 0, always, async (m, r) => {
		const content = blankContent(newName.trim(), locale);
		const id = await createFromContent(r.db, content);
		const { createdAt } = (await getEngagement(r.db, id))!;
		m.engagements.push({ id, content, archived: false, deletedAt: null, createdAt });
		await verify(m, r, [id]);
	});

/** Opens the workspace of an engagement not open yet; a deleted or purged one does not open. */
const open = (n: number) =>
	on(
		`open(#${n})`,
		n,
		(m) => everyId(m).filter((id) => !sessionOf(m, id)),
		async (m, r, id) => {
			const session = new EngagementSession(r.db, id);
			await session.open();
			const e = find(m, id);
			if (e && e.deletedAt === null) {
				expect(session.status).toBe('open');
				r.sessions.set(id, session);
				m.sessions.push({ id, undo: [], redo: [] });
			} else {
				expect(session.status, 'a deleted or purged engagement does not open').toBe('missing');
				session.close();
			}
			await verify(m, r, [id]);
		}
	);

const close = (n: number) =>
	on(
		`close(#${n})`,
		n,
		(m) => m.sessions,
		async (m, r, s) => {
			r.sessions.get(s.id)!.close();
			r.sessions.delete(s.id);
			m.sessions.splice(m.sessions.indexOf(s), 1);
			await verify(m, r, [s.id]);
		}
	);

/** An edit in a workspace: one undo step, as when the user moves on to another field. */
const edit = (n: number, change: Edit) =>
	on(
		`edit(#${n}, ${change.label})`,
		n,
		(m) => m.sessions,
		async (m, r, s) => {
			const session = r.sessions.get(s.id)!;
			const e = writable(m, s);
			const before = s.purged ?? find(m, s.id)!.content;
			session.stopCapturing();
			const after = change.make(before, session);
			// A deleted or purged engagement takes no edits; an edit that changes nothing is no step.
			if (e && !isDeepStrictEqual(after, before)) {
				s.undo.push(before);
				s.redo = [];
				e.content = after;
			}
			await verify(m, r, [s.id]);
		}
	);

/** Undo (or redo) pressed `times` times in a row in one workspace. */
const undoRedo = (direction: 'undo' | 'redo', n: number, times: number) =>
	on(
		`${direction}(#${n}${times > 1 ? ` ×${times}` : ''})`,
		n,
		(m) => m.sessions,
		async (m, r, s) => {
			const session = r.sessions.get(s.id)!;
			const [from, to] = direction === 'undo' ? [s.undo, s.redo] : [s.redo, s.undo];
			for (let i = 0; i < times; i++) {
				if (direction === 'undo') session.undo();
				else session.redo();
				// Nothing happens in a deleted engagement, nor with nothing to undo (redo).
				const e = writable(m, s);
				if (!e || from.length === 0) continue;
				to.push(e.content);
				e.content = from.pop()!;
			}
			await verify(m, r, [s.id]);
		}
	);

/** Renames from the engagement list (an engagement not open in this tab). */
const rename = (n: number, newName: string) =>
	on(
		`rename(#${n}, ${JSON.stringify(newName)})`,
		n,
		(m) => live(m).filter((e) => !sessionOf(m, e.id)),
		async (m, r, e) => {
			const trimmed = newName.trim();
			await renameEngagement(r.db, e.id, trimmed);
			e.content = { ...e.content, profile: { ...e.content.profile, name: trimmed } };
			await verify(m, r, [e.id]);
		}
	);

/** Archives or brings back any engagement (deleted ones too); a purged one is refused. */
const archive = (n: number, archived: boolean) =>
	on(`archive(#${n}, ${archived})`, n, everyId, async (m, r, id) => {
		const e = find(m, id);
		expect(await setArchived(r.db, id, archived)).toBe(e !== undefined);
		if (e) e.archived = archived;
		await verify(m, r, [id]);
	});

const remove = (n: number) =>
	on(`delete(#${n})`, n, live, async (m, r, e) => {
		expect(await softDeleteEngagement(r.db, e.id, m.clock)).toBe(true);
		e.deletedAt = m.clock;
		// A workspace open on it (another tab) notices, and stops taking edits.
		const session = r.sessions.get(e.id);
		if (session && !sessionOf(m, e.id)!.purged)
			await until('the workspace sees the deletion', () => session.removed === 'deleted');
		await verify(m, r, [e.id]);
	});

/** Restores a deleted engagement; one purged already is gone for good. */
const restore = (n: number) =>
	on(
		`restore(#${n})`,
		n,
		(m) => [...deleted(m).map((e) => e.id), ...m.purged],
		async (m, r, id) => {
			const e = find(m, id);
			expect(await restoreEngagement(r.db, id)).toBe(e !== undefined);
			if (e) {
				e.deletedAt = null;
				const session = r.sessions.get(id);
				if (session && !sessionOf(m, id)!.purged)
					await until('the workspace sees the restore', () => session.removed === null);
			}
			await verify(m, r, [id]);
		}
	);

/** Purges the engagements deleted `age` or more ticks ago. */
const purge = (age: number) =>
	on(`purge(age ${age})`, 0, deleted, async (m, r) => {
		const before = m.clock - age;
		const gone = deleted(m).filter((e) => e.deletedAt! <= before);
		expect(await purgeDeleted(r.db, before)).toBe(gone.length);
		for (const e of gone) {
			m.engagements.splice(m.engagements.indexOf(e), 1);
			m.purged.push(e.id);
			const s = sessionOf(m, e.id);
			if (s && !s.purged) {
				s.purged = e.content;
				const session = r.sessions.get(e.id)!;
				await until('the workspace sees the purge', () => session.removed === 'purged');
			}
		}
		await verify(
			m,
			r,
			gone.map((e) => e.id)
		);
	});

/** Exports an engagement (a deleted one cannot be); the file is kept for later imports. */
const exportOne = (n: number) =>
	on(`export(#${n})`, n, everyId, async (m, r, id) => {
		const e = find(m, id);
		if (!e || e.deletedAt !== null) {
			await expect(buildExport(r.db, id), 'no export of a deleted engagement').rejects.toThrow();
			return;
		}
		const exported = await buildExport(r.db, id);
		// The file reads back, through the importer's own check, as what was exported.
		const result = await checkImportFile(new File([exported.text], exported.name), 'en');
		if (!result.ok) throw new Error(`The export does not import: ${JSON.stringify(result.error)}`);
		const engagement = result.file.engagement;
		expectContent(engagement.content, e.content, 'the exported content');
		expect(engagement.id).toBe(e.id);
		expect(engagement.archived).toBe(e.archived);
		expect(Date.parse(engagement.createdAt)).toBe(e.createdAt);
		m.files.push({
			label: `export of ${e.id}`,
			text: exported.text,
			id: e.id,
			content: e.content,
			archived: e.archived,
			createdAt: e.createdAt
		});
		await verify(m, r, [id]);
	});

async function readFile(f: ModelFile) {
	const result = await checkImportFile(new File([f.text], 'engagement.crmws.json'), 'en');
	if (!result.ok) throw new Error(`${f.label} does not import: ${JSON.stringify(result.error)}`);
	return result.file;
}

/**
 * Imports a file as a new engagement: it keeps its id unless this device holds that id. With
 * `recover`, the file is the export of an engagement purged since (the user brings back what was
 * lost), which another tab may still have open.
 */
const importAsNew = (n: number, recover = false) =>
	on(
		`${recover ? 'recoverFromFile' : 'importAsNew'}(file #${n})`,
		n,
		(m) => (recover ? m.files.filter((f) => m.purged.includes(f.id) && !find(m, f.id)) : m.files),
		async (m, r, f) => {
			const taken = find(m, f.id) !== undefined;
			const id = await importFileAsNew(r.db, await readFile(f));
			if (taken) expect(id).not.toBe(f.id);
			else expect(id).toBe(f.id);
			m.engagements.push({
				id,
				content: f.content,
				archived: f.archived,
				deletedAt: null,
				createdAt: f.createdAt
			});
			await verify(m, r, [id]);
		}
	);

/**
 * Imports a file over an engagement (from the list, or from inside its open workspace, where
 * the replacement is one undo step); a deleted engagement is refused.
 */
const importReplacing = (file: number, n: number) =>
	on(
		`importReplacing(file #${file}, #${n})`,
		n,
		(m) => (m.files.length > 0 ? m.engagements : []),
		async (m, r, e) => {
			const f = pick(m.files, file);
			const s = sessionOf(m, e.id);
			const session = s && !s.purged ? r.sessions.get(e.id) : undefined;
			const read = await readFile(f);
			session?.stopCapturing();
			if (e.deletedAt !== null) {
				await expect(importFileReplacing(r.db, e.id, read)).rejects.toThrow(EngagementMissingError);
			} else {
				await importFileReplacing(r.db, e.id, read);
				// One undo step, even when the file holds the same content.
				if (session) {
					s!.undo.push(e.content);
					s!.redo = [];
				}
				e.content = f.content;
			}
			session?.stopCapturing();
			await verify(m, r, [e.id]);
		}
	);

/**
 * Closes every workspace (their documents are released), and maybe the database too (a reload),
 * then opens again the workspaces that still have an engagement: with nothing to undo.
 */
const reopen = (database: boolean) =>
	on(`reopen(${database ? 'database' : 'documents'})`, 0, always, async (m, r) => {
		const again = m.sessions.filter((s) => writable(m, s)).map((s) => s.id);
		for (const session of r.sessions.values()) session.close();
		r.sessions.clear();
		m.sessions = [];
		if (database) {
			r.db.close();
			r.reader.close();
			r.db = openDb(r.name);
			r.reader = openDb(r.name);
		}
		for (const id of again) {
			const session = new EngagementSession(r.db, id);
			await session.open();
			expect(session.status).toBe('open');
			r.sessions.set(id, session);
			m.sessions.push({ id, undo: [], redo: [] });
		}
		await verify(m, r, 'all');
	});

let ran = 0;
/** Every command advances the model clock (the deletion times). */
function ticking(arb: fc.Arbitrary<Cmd>): fc.Arbitrary<Cmd> {
	return arb.map((cmd) => ({
		check: (m: Model) => cmd.check(m),
		run: async (m: Model, r: Real) => {
			m.clock++;
			ran++;
			await cmd.run(m, r);
		},
		toString: () => cmd.toString()
	}));
}

const n = fc.nat(99);
const times = fc.integer({ min: 1, max: 3 });
/** Each kind of command, with how often it comes (out of the sum of the weights). */
const KINDS: Array<[number, fc.Arbitrary<Cmd>]> = [
	[1, fc.tuple(name, fc.constantFrom(...LOCALES)).map(([x, locale]) => create(x, locale))],
	[2, n.map(open)],
	[1, n.map(close)],
	[8, fc.tuple(n, edits).map(([x, change]) => edit(x, change))],
	[3, fc.tuple(n, times).map(([x, k]) => undoRedo('undo', x, k))],
	[2, fc.tuple(n, times).map(([x, k]) => undoRedo('redo', x, k))],
	[1, fc.tuple(n, name).map(([x, newName]) => rename(x, newName))],
	[1, fc.tuple(n, fc.boolean()).map(([x, archived]) => archive(x, archived))],
	[2, n.map(remove)],
	[1, n.map(restore)],
	[2, fc.nat(3).map(purge)],
	[3, n.map(exportOne)],
	[2, n.map((x) => importAsNew(x))],
	[1, n.map((x) => importAsNew(x, true))],
	[1, fc.tuple(n, n).map(([file, x]) => importReplacing(file, x))],
	[1, fc.boolean().map(reopen)]
];
const COMMANDS = KINDS.flatMap(([weight, arb]) =>
	Array.from({ length: weight }, () => ticking(arb))
);

/* ---------- the start: one engagement, open, and two files from elsewhere ---------- */

const FIXTURE = 'test/fixtures/engagement-v1-before-segments.crmws.json';

let elsewhere: ModelFile[] | undefined;
/** The sample engagement exported on another device, and a file of an older format version. */
async function filesFromElsewhere(): Promise<ModelFile[]> {
	if (elsewhere) return elsewhere;
	const sample = makeEngagementFile(
		{
			id: 'sample-bank',
			createdAt: Date.UTC(2026, 0, 5),
			updatedAt: Date.UTC(2026, 1, 1),
			archived: false
		},
		sampleContent('zh-CN'),
		'another device',
		new Date(Date.UTC(2026, 1, 2))
	);
	const files: ModelFile[] = [];
	for (const [label, text] of [
		['the sample engagement', JSON.stringify(sample)],
		['a file of an older version', fs.readFileSync(FIXTURE, 'utf8')]
	] as const) {
		const file = await readFile({ label, text } as ModelFile);
		files.push({
			label,
			text,
			id: file.engagement.id,
			content: file.engagement.content,
			archived: file.engagement.archived,
			createdAt: Date.parse(file.engagement.createdAt)
		});
	}
	return (elsewhere = files);
}

const RUNS = Number(process.env.MODEL_RUNS ?? 120);
let runs = 0;
/** A device with one engagement, just created and open (as the app leaves it after "New"). */
async function start(): Promise<{ model: Model; real: Real }> {
	const name = `model-${runs++}-${Math.random()}`;
	const real: Real = { name, db: openDb(name), reader: openDb(name), sessions: new Map() };
	const content = blankContent('Retail CRM', 'en');
	const id = await createFromContent(real.db, content);
	const createdAt = (await getEngagement(real.db, id))!.createdAt;
	const session = new EngagementSession(real.db, id);
	await session.open();
	real.sessions.set(id, session);
	const model: Model = {
		engagements: [{ id, content, archived: false, deletedAt: null, createdAt }],
		purged: [],
		sessions: [{ id, undo: [], redo: [] }],
		files: [...(await filesFromElsewhere())],
		clock: 0
	};
	return { model, real };
}

async function stop(real: Real) {
	for (const session of real.sessions.values()) session.close();
	real.reader.close();
	await real.db.delete();
}

describe('the engagement store against a model', () => {
	it(
		'matches the model after any sequence of user commands',
		async () => {
			ran = 0;
			// y-dexie says so on the console each time a document is released.
			const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
			await fc.assert(
				fc.asyncProperty(fc.commands(COMMANDS, { maxCommands: 30, size: 'max' }), async (cmds) => {
					const setup = await start();
					try {
						await fc.asyncModelRun(() => setup, cmds);
					} finally {
						await stop(setup.real);
					}
				}),
				{ numRuns: RUNS }
			);
			debug.mockRestore();
			console.info(`model test: ${RUNS} runs, ${ran} commands`);
		},
		10 * 60_000
	);
});
