import type { LocalizedText } from '../locales.ts';
import type { Answer, Assessment, AssessmentTemplate } from './model.ts';

/**
 * Workshop voting: the facilitator opens a session for an assessment and participants vote
 * from their phones, one question at a time. Participants never receive the engagement: a
 * session carries only what they need to see (the VoteSetup, built here) and their votes.
 *
 * Everything in a session may have been written by an untrusted device, so the readers below
 * take `unknown` and keep only what is well formed; they build new objects (never hand back
 * what they were given) and read own properties only (a `__proto__` key that a decoder turned
 * into a prototype is not followed).
 */

/** The levels a participant can vote on, in the order the facilitator page shows them. */
export const VOTE_FIELDS = ['current', 'intention', 'target'] as const;
export type VoteField = (typeof VOTE_FIELDS)[number];

export interface VoteLevel {
	value: number;
	label: LocalizedText;
	/** What the level means in general (a question may have its own, see `descriptors`). */
	descriptor: LocalizedText;
}

export interface VoteQuestion {
	/** The template's question id: votes turn into answers to it. */
	id: string;
	/** The title of the question's dimension. */
	dimension: LocalizedText;
	text: LocalizedText;
	/** What to look for, when the template says. */
	help?: LocalizedText;
	/** The question's own descriptors for some levels, as the template has them (often none). */
	descriptors: Array<{ value: number; descriptor: LocalizedText }>;
}

/** What a session shows its participants: no engagement data beyond the run's title. */
export interface VoteSetup {
	title: string;
	/** The levels asked for each question (at least one, each once). */
	fields: VoteField[];
	/** Consecutive whole levels, lowest first. */
	scale: VoteLevel[];
	/** In the order the facilitator will open them (at least one, ids unique). */
	questions: VoteQuestion[];
}

export interface VoteParticipant {
	/** 1–64 characters, no ':' (the participant's own keys are built from it). */
	id: string;
	/** Trimmed, at most 200 characters; may be empty. */
	name: string;
	/** When they joined (ms since the epoch, by their own clock). */
	joinedAt: number;
}

export interface Vote {
	participantId: string;
	questionId: string;
	field: VoteField;
	value: number;
}

/** A session as read from its document, every part checked. */
export interface VoteSession {
	setup: VoteSetup;
	/** The question participants see now, or null (between questions, or before the first). */
	open: string | null;
	/** Once closed, no vote is taken any more. */
	closed: boolean;
	/** Questions whose results are shown, in setup order; their votes are frozen. */
	revealed: string[];
	/** In the order they joined (then by id). */
	people: VoteParticipant[];
	/** By participant (people order), then question (setup order), then field (setup order). */
	votes: Vote[];
}

export const VOTE_LIMITS = {
	title: 200,
	name: 200,
	label: 100,
	heading: 200,
	text: 2000,
	questions: 1000,
	people: 500
} as const;

/* ---------- building a setup ---------- */

/** The fields a template scores: the plan (intention) only in a dual-scored one. */
export function templateVoteFields(template: Pick<AssessmentTemplate, 'dualScoring'>): VoteField[] {
	return template.dualScoring ? ['current', 'intention', 'target'] : ['current', 'target'];
}

const copyText = (t: LocalizedText): LocalizedText => ({
	'zh-CN': t['zh-CN'],
	'zh-TW': t['zh-TW'],
	en: t.en
});

/**
 * The setup of a session over some of a run's questions, in the order given (unknown ids are
 * skipped, repeated ones kept once), asking for `fields` (default: what the template scores; a
 * field it does not score is dropped). Null when no question or no field is left.
 */
export function voteSetupFor(
	template: AssessmentTemplate,
	assessment: Pick<Assessment, 'title'>,
	questionIds: readonly string[],
	fields: readonly VoteField[] = templateVoteFields(template)
): VoteSetup | null {
	const scored = templateVoteFields(template);
	const asked = VOTE_FIELDS.filter((f) => scored.includes(f) && fields.includes(f));
	const byId = new Map(
		template.dimensions.flatMap((d) => d.questions.map((q) => [q.id, { q, d }] as const))
	);
	const seen = new Set<string>();
	const questions: VoteQuestion[] = [];
	for (const id of questionIds) {
		const found = byId.get(id);
		if (!found || seen.has(id)) continue;
		seen.add(id);
		const { q, d } = found;
		questions.push({
			id,
			dimension: copyText(d.title),
			text: copyText(q.text),
			...(q.help ? { help: copyText(q.help) } : {}),
			descriptors: (q.levels ?? []).map((l) => ({
				value: l.value,
				descriptor: copyText(l.descriptor)
			}))
		});
	}
	if (questions.length === 0 || asked.length === 0) return null;
	return {
		title: assessment.title.trim().slice(0, VOTE_LIMITS.title),
		fields: asked,
		scale: template.scale.map((l) => ({
			value: l.value,
			label: copyText(l.label),
			descriptor: copyText(l.descriptor)
		})),
		questions
	};
}

/** What a level means for a question: its own descriptor if it has one, else the scale's. */
export function voteDescriptor(
	setup: VoteSetup,
	question: VoteQuestion,
	value: number
): LocalizedText | null {
	return (
		question.descriptors.find((l) => l.value === value)?.descriptor ??
		setup.scale.find((l) => l.value === value)?.descriptor ??
		null
	);
}

/* ---------- reading untrusted values ---------- */

/** A plain object (an array, a class instance or an object with a swapped prototype is not). */
function isRecord(v: unknown): v is Record<string, unknown> {
	if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
	const proto = Object.getPrototypeOf(v);
	return proto === Object.prototype || proto === null;
}
const own = (o: Record<string, unknown>, key: string): unknown =>
	Object.hasOwn(o, key) ? o[key] : undefined;
const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** Ids that are joined with ':' into keys: 1–64 characters, none of them ':'. */
export const isKeyId = (v: unknown): v is string =>
	typeof v === 'string' && v.length > 0 && v.length <= 64 && !v.includes(':');
/** Template ids: lower-case letters, digits and hyphens. */
const isTemplateRef = (v: unknown): v is string =>
	typeof v === 'string' && /^[a-z0-9][a-z0-9-]{0,62}$/.test(v);
const isLevel = (v: unknown): v is number =>
	typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10;

/** A participant's name as shown: trimmed, cut to 200 characters; empty when not a string. */
export function cleanName(v: unknown): string {
	return typeof v === 'string' ? v.trim().slice(0, VOTE_LIMITS.name).trim() : '';
}

function readText(v: unknown, max: number): LocalizedText | null {
	if (!isRecord(v)) return null;
	const cn = own(v, 'zh-CN');
	const tw = own(v, 'zh-TW');
	const en = own(v, 'en');
	return isString(cn, max) && isString(tw, max) && isString(en, max)
		? { 'zh-CN': cn, 'zh-TW': tw, en }
		: null;
}

function readList<T>(v: unknown, max: number, read: (x: unknown) => T | null): T[] | null {
	if (!Array.isArray(v) || v.length > max) return null;
	const out: T[] = [];
	for (const x of v) {
		const item = read(x);
		if (item === null) return null;
		out.push(item);
	}
	return out;
}

function readLevel(v: unknown): VoteLevel | null {
	if (!isRecord(v)) return null;
	const value = own(v, 'value');
	const label = readText(own(v, 'label'), VOTE_LIMITS.label);
	const descriptor = readText(own(v, 'descriptor'), VOTE_LIMITS.text);
	return isLevel(value) && label && descriptor ? { value, label, descriptor } : null;
}

function readQuestion(v: unknown, levels: ReadonlySet<number>): VoteQuestion | null {
	if (!isRecord(v)) return null;
	const id = own(v, 'id');
	const dimension = readText(own(v, 'dimension'), VOTE_LIMITS.heading);
	const text = readText(own(v, 'text'), VOTE_LIMITS.text);
	const rawHelp = own(v, 'help');
	const help = rawHelp === undefined ? undefined : readText(rawHelp, VOTE_LIMITS.text);
	const seen = new Set<number>();
	const descriptors = readList(own(v, 'descriptors'), 11, (x) => {
		if (!isRecord(x)) return null;
		const value = own(x, 'value');
		const descriptor = readText(own(x, 'descriptor'), VOTE_LIMITS.text);
		if (!isLevel(value) || !levels.has(value) || seen.has(value) || !descriptor) return null;
		seen.add(value);
		return { value, descriptor };
	});
	if (!isTemplateRef(id) || !dimension || !text || help === null || !descriptors) return null;
	return { id, dimension, text, ...(help ? { help } : {}), descriptors };
}

/**
 * A setup as written by `voteSetupFor`, or null when anything in it is out of shape: a session
 * whose setup was tampered with is not shown at all, rather than shown in part.
 */
export function readVoteSetup(v: unknown): VoteSetup | null {
	if (!isRecord(v)) return null;
	const title = own(v, 'title');
	const fields = readList(
		own(v, 'fields'),
		VOTE_FIELDS.length,
		(x) => VOTE_FIELDS.find((f) => f === x) ?? null
	);
	const scale = readList(own(v, 'scale'), 11, readLevel);
	if (!isString(title, VOTE_LIMITS.title) || !fields || fields.length === 0 || !scale) return null;
	if (new Set(fields).size !== fields.length) return null;
	if (scale.length < 2 || scale.some((l, i) => i > 0 && l.value !== scale[i - 1]!.value + 1))
		return null;
	const levels = new Set(scale.map((l) => l.value));
	const questions = readList(own(v, 'questions'), VOTE_LIMITS.questions, (x) =>
		readQuestion(x, levels)
	);
	if (!questions || questions.length === 0) return null;
	if (new Set(questions.map((q) => q.id)).size !== questions.length) return null;
	return { title, fields, scale, questions };
}

/* ---------- results ---------- */

export interface VoteTally {
	/** Every level of the scale, lowest first, with how many voted for it. */
	counts: Array<{ value: number; count: number }>;
	/** Participants who voted, in people order. */
	voted: string[];
	/** Participants who have not (yet), in people order. */
	notVoted: string[];
	/** The mean of the votes, or null without any. */
	mean: number | null;
}

/**
 * The votes of a session that count: on its fields and scale, by its people (the first for a
 * participant, question and field). A session read from a document holds only these already;
 * this keeps a snapshot built by hand to the same rules.
 */
function countedVotes(session: VoteSession, questionId: string): Vote[] {
	const fields = new Set<string>(session.setup.fields);
	const levels = new Set(session.setup.scale.map((l) => l.value));
	const people = new Set(session.people.map((p) => p.id));
	const seen = new Set<string>();
	return session.votes.filter((v) => {
		const key = `${v.participantId}:${v.field}`;
		if (v.questionId !== questionId || seen.has(key)) return false;
		seen.add(key);
		return fields.has(v.field) && levels.has(v.value) && people.has(v.participantId);
	});
}

/** The votes on one field of one question. */
export function tally(session: VoteSession, questionId: string, field: VoteField): VoteTally {
	const byPerson = new Map<string, number>();
	for (const v of countedVotes(session, questionId))
		if (v.field === field) byPerson.set(v.participantId, v.value);
	const counts = session.setup.scale.map((l) => ({ value: l.value, count: 0 }));
	let sum = 0;
	for (const value of byPerson.values()) {
		sum += value;
		const c = counts.find((x) => x.value === value);
		if (c) c.count++;
	}
	const ids = session.people.map((p) => p.id);
	return {
		counts,
		voted: ids.filter((id) => byPerson.has(id)),
		notVoted: ids.filter((id) => !byPerson.has(id)),
		mean: byPerson.size > 0 ? sum / byPerson.size : null
	};
}

export type VoteAnswerPatch = Partial<Pick<Answer, VoteField>>;

/**
 * The votes on a question as answer patches, one per participant who voted on it (people
 * order), holding only the fields they voted on.
 */
export function votesToAnswers(
	session: VoteSession,
	questionId: string
): Array<{ participantId: string; name: string; patch: VoteAnswerPatch }> {
	const patches = new Map<string, VoteAnswerPatch>();
	for (const v of countedVotes(session, questionId)) {
		let patch = patches.get(v.participantId);
		if (!patch) patches.set(v.participantId, (patch = {}));
		patch[v.field] = v.value;
	}
	return session.people.flatMap((p) => {
		const patch = patches.get(p.id);
		return patch ? [{ participantId: p.id, name: p.name, patch }] : [];
	});
}

/* ---------- a session from its stored parts ---------- */

export const VOTE_SESSION_KIND = 'crm-strategy-workbench/vote-session';
export const VOTE_SESSION_VERSION = 1;

/** A session's parts as stored, none of them trusted (entries are key → value). */
export interface StoredVoteSession {
	kind: unknown;
	version: unknown;
	setup: unknown;
	open: unknown;
	closed: unknown;
	/** question id → the votes frozen when it was revealed (see `frozenVotes`). */
	revealed: Iterable<[string, unknown]>;
	/** participant id → { name, joinedAt } */
	people: Iterable<[string, unknown]>;
	/** `participantId:questionId:field` → level */
	votes: Iterable<[string, unknown]>;
}

/** The key of one vote: each participant writes only keys of their own. */
export const voteKey = (participantId: string, questionId: string, field: VoteField) =>
	`${participantId}:${questionId}:${field}`;

/** A revealed question's votes as stored: [participantId, field, level] triples. */
export type FrozenVotes = Array<[string, VoteField, number]>;

export function frozenVotes(session: VoteSession, questionId: string): FrozenVotes {
	return countedVotes(session, questionId).map((v) => [v.participantId, v.field, v.value]);
}

function readPeople(entries: Iterable<[string, unknown]>): VoteParticipant[] {
	const people: VoteParticipant[] = [];
	for (const [id, v] of entries) {
		if (!isKeyId(id)) continue;
		const name = isRecord(v) ? cleanName(own(v, 'name')) : '';
		const at = isRecord(v) ? own(v, 'joinedAt') : undefined;
		const joinedAt = typeof at === 'number' && Number.isFinite(at) && at >= 0 ? at : 0;
		people.push({ id, name, joinedAt });
	}
	people.sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return people.slice(0, VOTE_LIMITS.people);
}

/**
 * A session from its stored parts, or null when it holds no valid setup (or is of another kind
 * or a later version). `trusted`: the setup the facilitator wrote, read instead of the stored
 * one, so that a participant who overwrites the setup changes nothing the facilitator counts.
 * Kept: the open question if it is one of the setup's; people with valid ids (at most 500, first
 * to join first); votes by those people on the setup's questions, fields and scale. A revealed
 * question's votes are the ones frozen when it was revealed: a vote cast after (by a device
 * that had not heard of the reveal yet) does not count. `revealedHere`: the questions the
 * facilitator revealed, as the facilitator's device remembers them; a frozen list for any other
 * question (a participant could write one) is ignored and its live votes read instead.
 */
export function readStoredVoteSession(
	stored: StoredVoteSession,
	trusted?: VoteSetup,
	revealedHere?: readonly string[]
): VoteSession | null {
	if (stored.kind !== VOTE_SESSION_KIND || stored.version !== VOTE_SESSION_VERSION) return null;
	const setup = trusted ?? readVoteSetup(stored.setup);
	if (!setup) return null;
	const questionAt = new Map(setup.questions.map((q, i) => [q.id, i]));
	const fieldAt = new Map(setup.fields.map((f, i) => [f, i]));
	const levels = new Set(setup.scale.map((l) => l.value));
	const people = readPeople(stored.people);
	const personAt = new Map(people.map((p, i) => [p.id, i]));
	const frozen = new Map<string, unknown[]>();
	for (const [qid, v] of stored.revealed)
		if (questionAt.has(qid) && Array.isArray(v) && (revealedHere?.includes(qid) ?? true))
			frozen.set(qid, v);

	const found = new Map<string, Vote>();
	const add = (pid: unknown, qid: string, field: unknown, value: unknown) => {
		if (typeof pid !== 'string' || !personAt.has(pid)) return;
		const f = setup.fields.find((x) => x === field);
		if (!f || !isLevel(value) || !levels.has(value)) return;
		const key = voteKey(pid, qid, f);
		if (!found.has(key)) found.set(key, { participantId: pid, questionId: qid, field: f, value });
	};
	for (const [qid, list] of frozen)
		for (const entry of list.slice(0, VOTE_LIMITS.people * VOTE_FIELDS.length))
			if (Array.isArray(entry) && entry.length === 3) add(entry[0], qid, entry[1], entry[2]);
	for (const [key, value] of stored.votes) {
		const parts = key.split(':');
		if (parts.length !== 3) continue;
		const [pid, qid, field] = parts as [string, string, string];
		if (questionAt.has(qid) && !frozen.has(qid)) add(pid, qid, field, value);
	}
	const votes = [...found.values()].sort(
		(a, b) =>
			personAt.get(a.participantId)! - personAt.get(b.participantId)! ||
			questionAt.get(a.questionId)! - questionAt.get(b.questionId)! ||
			fieldAt.get(a.field)! - fieldAt.get(b.field)!
	);
	const open = typeof stored.open === 'string' && questionAt.has(stored.open) ? stored.open : null;
	return {
		setup,
		open,
		closed: stored.closed === true,
		revealed: setup.questions.filter((q) => frozen.has(q.id)).map((q) => q.id),
		people,
		votes
	};
}
