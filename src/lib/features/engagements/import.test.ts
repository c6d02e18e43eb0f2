import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ASSESSMENT_TEMPLATE_KIND } from '#lib/domain/assessment/model.ts';
import type { EngagementContent } from '#lib/domain/engagement/profile.ts';
import { BACKUP_FILE_KIND } from '#lib/domain/formats/backup-file.ts';
import {
	ENGAGEMENT_FILE_KIND,
	makeEngagementFile,
	readEngagementFile,
	type EngagementFile
} from '#lib/domain/formats/engagement-file.ts';
import { MAX_FILE_BYTES, MAX_LIST_ITEMS } from '#lib/domain/formats/safe-json.ts';
import type { Locale } from '#lib/domain/locales.ts';
import { interpolate, type Params } from '#lib/i18n/interpolate.ts';
import { en, type MessageKey } from '#lib/i18n/messages/en.ts';
import { zhCN } from '#lib/i18n/messages/zh-CN.ts';
import { zhTW } from '#lib/i18n/messages/zh-TW.ts';
import { openDb, type WorkbenchDb } from '#lib/persistence/db.ts';
import { purgeDeleted, softDeleteEngagement } from '#lib/persistence/engagements.ts';
import {
	aSegment,
	aTeamMember,
	aTemplate,
	anAnswer,
	anEngagement
} from '../../../../test/factories.ts';
import {
	HAS_CJK,
	dumpDb,
	hostileFiles,
	keptAll,
	prototypeIntact
} from '../../../../test/hostile.ts';
import {
	buildExport,
	checkImportFile,
	createFromContent,
	importAsNew,
	readEngagementContent
} from './actions.ts';
import { describeImportError } from './import-errors.ts';

/** Generated files the property throws at the engagement importer (reported in issue 9). */
const GENERATED_ENGAGEMENT_FILES = 1_000;

const MESSAGES = { en, 'zh-CN': zhCN, 'zh-TW': zhTW } as const;
const tIn = (locale: Locale) => (key: MessageKey, params?: Params) =>
	interpolate(MESSAGES[locale][key], params);

/** A small engagement holding one of every link between its parts, so each can be broken. */
function linkedContent(): EngagementContent {
	const content = anEngagement({ name: 'Linked' }, [
		aTeamMember({ id: 'm1' }),
		aTeamMember({ id: 'm2', name: 'Chen Jie', email: '' })
	]);
	content.segments = [aSegment({ id: 's1' }), aSegment({ id: 's2', name: 'Mass', needs: [] })];
	const item = (id: string, kind: 'job' | 'pain' | 'gain' | 'offering' | 'reliever' | 'creator') =>
		({
			id,
			kind,
			segmentId: null,
			text: id,
			addresses: []
		}) as EngagementContent['valueProposition']['items'][number];
	content.valueProposition.items = [
		{ ...item('j1', 'job'), segmentId: 's1' },
		{ ...item('p1', 'pain'), segmentId: 's1' },
		{ ...item('g1', 'gain'), segmentId: 's2' },
		item('o1', 'offering'),
		{ ...item('r1', 'reliever'), addresses: ['p1'] },
		{ ...item('c1', 'creator'), addresses: ['g1'] }
	];
	const initiative = (id: string) => ({
		id,
		support: 'processes' as const,
		title: `Initiative ${id}`,
		description: '',
		owner: '',
		effort: null,
		impact: null,
		status: 'idea' as const
	});
	content.changePlan.initiatives = [initiative('i1'), initiative('i2')];
	content.channels = {
		list: [
			{ id: 'ch1', kind: 'faceToFace', name: 'Branch', costPerContact: 6_000 },
			{ id: 'ch2', kind: 'selfService', name: 'App', costPerContact: 50 }
		],
		preferences: { 's1:ch1': 3, 's2:ch2': 1 },
		assignments: ['o1:ch1:s1'],
		conflicts: [
			{ id: 'cf1', description: 'Commission', channelIds: ['ch1', 'ch2'], resolution: '' }
		]
	};
	content.answers = { 'start-where': 'Retail first' };
	content.journey = {
		stages: [
			{ id: 'st1', name: 'Aware' },
			{ id: 'st2', name: 'Buy' }
		],
		touchpoints: [
			{
				id: 't1',
				stageId: 'st1',
				channelId: 'ch1',
				segmentIds: ['s1'],
				name: 'Visit',
				department: 'Retail',
				description: '',
				pains: '',
				momentOfTruth: true,
				ratingToday: -1,
				ratingTarget: 2,
				today: '',
				target: '',
				initiativeId: 'i1'
			},
			{
				id: 't2',
				stageId: 'st2',
				channelId: null,
				segmentIds: null,
				name: 'Sign',
				department: '',
				description: '',
				pains: '',
				momentOfTruth: false,
				ratingToday: null,
				ratingTarget: null,
				today: '',
				target: '',
				initiativeId: null
			}
		]
	};
	content.workflows = {
		nodes: [
			{ id: 'n-a', side: 'today', kind: 'customer', label: 'Customer' },
			{ id: 'n-b', side: 'today', kind: 'department', label: 'Branch' },
			{ id: 'n-c', side: 'target', kind: 'system', label: 'CRM' }
		],
		edges: [{ id: 'e1', side: 'today', from: 'n-a', to: 'n-b', kind: 'handoff', label: 'asks' }]
	};
	content.diagrams = [{ id: 'd1', title: 'Flow', text: 'flowchart LR\n  A --> B' }];
	const template = aTemplate();
	content.assessmentTemplates = [template];
	content.assessments = [
		{
			id: 'as1',
			title: 'Baseline',
			templateId: template.id,
			templateVersion: template.version,
			date: '2026-11-02',
			notes: '',
			participants: [
				{ id: 'pa1', name: 'Wang', role: 'CIO', department: 'IT' },
				{ id: 'pa2', name: '', role: '', department: '' }
			],
			answers: [anAnswer('pa1', 'q1', 2, 4), anAnswer('pa2', 'q3', 3)],
			revealed: ['q1'],
			initiatives: {}
		}
	];
	const range = { low: 0.9, high: 1.2 };
	content.businessCase = {
		settings: { horizon: 5, discountRate: 0.08, currency: 'CNY' },
		options: [{ id: 'op1', name: 'SaaS', description: '', baseline: false }],
		costs: [
			{
				id: 'co1',
				optionId: 'op1',
				category: 'licences',
				label: 'Seats',
				recurring: true,
				startYear: 0,
				endYear: null,
				entry: 'unit',
				amount: 0,
				quantity: 40,
				unitPrice: 120_000,
				growth: 0.03,
				listPrice: true,
				range
			}
		],
		benefits: [
			{
				id: 'be1',
				optionId: 'op1',
				driver: 'costToServe',
				label: 'Move to the app',
				rationale: '',
				segmentId: 's1',
				rate: 0.1,
				unitValue: 0,
				count: 1000,
				fromChannelId: 'ch1',
				toChannelId: 'ch2',
				amount: 0,
				rampUp: [0.5, 1],
				risk: 0.2,
				range
			}
		],
		preferredOptionId: 'op1'
	};
	const task = (id: string, fields: Partial<EngagementContent['roadmap']['tasks'][number]>) => ({
		id,
		phaseId: null,
		title: id,
		milestone: false,
		ownerId: null,
		role: null,
		start: null,
		duration: 5,
		dependsOn: [],
		status: 'notStarted' as const,
		percent: 0,
		effort: null,
		costLineId: null,
		origin: null,
		notes: '',
		...fields
	});
	content.roadmap = {
		settings: { start: '2027-01-04', excludeWeekends: true, holidays: ['2027-02-10'] },
		phases: [
			{ id: 'ph1', title: 'Strategy', goal: '', start: null, end: null, exitCriteria: '' },
			{
				id: 'ph2',
				title: 'Build',
				goal: '',
				start: '2027-03-01',
				end: '2027-06-30',
				exitCriteria: ''
			}
		],
		tasks: [
			task('tk1', {
				phaseId: 'ph1',
				ownerId: 'm1',
				costLineId: 'co1',
				origin: { kind: 'initiative', initiativeId: 'i1' }
			}),
			task('tk2', { phaseId: 'ph2', dependsOn: ['tk1'] })
		],
		kpis: [
			{
				id: 'kp1',
				phaseId: 'ph1',
				metric: 'Retention',
				unit: '%',
				direction: 'up',
				baseline: 80,
				target: 90,
				actuals: [{ date: '2027-03-31', value: 82 }]
			}
		],
		gates: [
			{ id: 'ga1', phaseId: 'ph1', date: null, decision: 'go', notes: '', assessmentId: 'as1' }
		],
		roles: { m1: 'sponsor' },
		raci: { 'ph1:m1': 'A' },
		baselines: [
			{
				id: 'bl1',
				name: 'Plan',
				savedOn: '2027-01-04',
				tasks: { tk1: { start: '2027-01-04', finish: '2027-01-08' } }
			}
		]
	};
	return content;
}

/**
 * What the document makes of a file's content, where that differs and nothing is lost: a list
 * that is a set holds each entry once, assignments are sorted, a run's answers and reveals
 * follow its people and its template's questions; a blank workshop answer or an answer with
 * nothing in it is no answer; a template copy that no run uses is not kept.
 */
function asStored(file: EngagementContent): EngagementContent {
	// Half a character (a lone surrogate) is stored as the replacement character, as in UTF-8.
	const c = JSON.parse(JSON.stringify(file), (_, v: unknown) =>
		typeof v === 'string' ? v.toWellFormed() : v
	) as EngagementContent;
	c.channels.assignments = [...new Set(c.channels.assignments)].sort();
	c.answers = Object.fromEntries(Object.entries(c.answers).filter(([, v]) => v !== ''));
	const used = new Set(c.assessments.map((a) => `${a.templateId}@${a.templateVersion}`));
	c.assessmentTemplates = c.assessmentTemplates.filter((t) => used.has(`${t.id}@${t.version}`));
	for (const a of c.assessments) {
		const template = c.assessmentTemplates.find(
			(t) => t.id === a.templateId && t.version === a.templateVersion
		)!;
		const questions = template.dimensions.flatMap((d) => d.questions.map((q) => q.id));
		const people = a.participants.map((p) => p.id);
		a.revealed = questions.filter((q) => a.revealed.includes(q));
		a.answers = a.answers
			.filter(
				(x) =>
					x.current !== null ||
					x.target !== null ||
					x.intention !== null ||
					x.na ||
					x.naReason !== '' ||
					x.evidence !== '' ||
					x.confidence !== null
			)
			.sort(
				(x, y) =>
					people.indexOf(x.participantId) - people.indexOf(y.participantId) ||
					questions.indexOf(x.questionId) - questions.indexOf(y.questionId)
			);
	}
	c.roadmap.settings.holidays = [...new Set(c.roadmap.settings.holidays)];
	for (const t of c.roadmap.tasks) t.dependsOn = [...new Set(t.dependsOn)];
	for (const k of c.roadmap.kpis) k.actuals.sort((x, y) => x.date.localeCompare(y.date));
	return c;
}

const meta = {
	id: 'linked',
	createdAt: Date.UTC(2026, 10, 1),
	updatedAt: Date.UTC(2026, 10, 2),
	archived: false
};
const validFile = (): EngagementFile =>
	makeEngagementFile(meta, linkedContent(), 'test', new Date(Date.UTC(2026, 10, 23)));

type Tree = Record<string, unknown>;
/** The valid file as plain JSON, changed by `edit`. */
function fileWith(edit: (file: Tree, content: Tree) => void): string {
	const file = JSON.parse(JSON.stringify(validFile())) as Tree;
	edit(file, (file.engagement as Tree).content as Tree);
	return JSON.stringify(file);
}
/** The valid file's text with `raw` written into the profile (a key JSON.stringify would not). */
const withRawProfileKey = (raw: string) =>
	JSON.stringify(validFile()).replace('"profile":{', `"profile":{${raw},`);
const at = (tree: unknown, ...path: Array<string | number>) =>
	path.reduce<unknown>((v, k) => (v as Tree)[k], tree) as Tree;

let db: WorkbenchDb;
const KEPT_ID = 'kept-before';
beforeAll(async () => {
	db = openDb(`import-${Math.random()}`);
	// Something stored before, which no import may change.
	await createFromContent(db, anEngagement({ name: 'Stored before' }, [aTeamMember()]), {
		id: KEPT_ID
	});
});
afterAll(() => db.close());

/** The real import path: the dialog's check, then, for a file that passes, the import. */
async function importText(text: string, locale: Locale, size?: number) {
	const file = new File([text], 'hostile.crmws.json', { type: 'application/json' });
	const checked = await checkImportFile(
		size === undefined ? file : Object.defineProperty(file, 'size', { value: size }),
		locale
	);
	if (!checked.ok) return { ok: false as const, error: checked.error };
	const id = await importAsNew(db, checked.file);
	return { ok: true as const, id, file: checked.file };
}

type Case = [
	name: string,
	text: () => string,
	code: string,
	problem?: { path: string; message: string }
];
const content = 'engagement.content';
/** One hand-written file per way a file can be hostile or wrong, with what the importer must say. */
const CASES: Case[] = [
	['not JSON (a zip file)', () => 'PK\u0003\u0004 not json', 'notJson'],
	['empty', () => '', 'notJson'],
	['cut short', () => JSON.stringify(validFile()).slice(0, 500), 'notJson'],
	['JSON but a list', () => '[1,2,3]', 'wrongKind'],
	['another kind: a backup', () => fileWith((f) => (f.kind = BACKUP_FILE_KIND)), 'wrongKind'],
	[
		'another kind: a template',
		() => fileWith((f) => (f.kind = ASSESSMENT_TEMPLATE_KIND)),
		'wrongKind'
	],
	['newer version', () => fileWith((f) => (f.formatVersion = 2)), 'newerVersion'],
	['version as text', () => fileWith((f) => (f.formatVersion = '1')), 'badVersion'],
	['version zero', () => fileWith((f) => (f.formatVersion = 0)), 'badVersion'],
	[
		'very deep nesting',
		() =>
			fileWith((_, c) => (at(c, 'profile').notes = JSON.parse('['.repeat(100) + ']'.repeat(100)))),
		'tooDeep'
	],
	[
		'a huge list (a million and one items)',
		() => fileWith((_, c) => (c.team = new Array(MAX_LIST_ITEMS + 1).fill(0))),
		'tooManyItems'
	],
	[
		'a list longer than its part allows (101 journey stages)',
		() =>
			fileWith((_, c) => {
				at(c, 'journey').stages = Array.from({ length: 101 }, (_, i) => ({
					id: `x${i}`,
					name: ''
				}));
				at(c, 'journey').touchpoints = [];
			}),
		'invalid',
		{ path: `${content}.journey.stages`, message: 'Too big: expected array to have <=100 items' }
	],
	['__proto__ key', () => withRawProfileKey('"__proto__":{"polluted":true}'), 'forbiddenKey'],
	[
		'constructor key',
		() => withRawProfileKey('"constructor":{"prototype":{"polluted":true}}'),
		'forbiddenKey'
	],
	['prototype key', () => withRawProfileKey('"prototype":{"polluted":true}'), 'forbiddenKey'],
	[
		'wrong type: a number for a name',
		() => fileWith((_, c) => (at(c, 'profile').name = 42)),
		'invalid',
		{ path: `${content}.profile.name`, message: 'Invalid input: expected string, received number' }
	],
	[
		'wrong type: an object for a list',
		() => fileWith((_, c) => (c.team = {})),
		'invalid',
		{ path: `${content}.team`, message: 'Invalid input: expected array, received object' }
	],
	[
		'an unknown field',
		() => fileWith((_, c) => (at(c, 'profile').secret = 1)),
		'invalid',
		{ path: `${content}.profile`, message: 'Unrecognized key: "secret"' }
	],
	...(
		[
			[
				'a touchpoint at a missing stage',
				['journey', 'touchpoints', 0, 'stageId'],
				'no journey stage has the ref "gone"'
			],
			[
				'a touchpoint at a missing channel',
				['journey', 'touchpoints', 0, 'channelId'],
				'no channel has the ref "gone"'
			],
			[
				'a touchpoint for a missing segment',
				['journey', 'touchpoints', 0, 'segmentIds', 0],
				'no segment has the ref "gone"'
			],
			[
				'a touchpoint tied to a missing initiative',
				['journey', 'touchpoints', 0, 'initiativeId'],
				'no change-plan initiative has the ref "gone"'
			],
			[
				'a pain of a missing segment',
				['valueProposition', 'items', 1, 'segmentId'],
				'no segment has the ref "gone"'
			],
			[
				'a reliever of a missing pain',
				['valueProposition', 'items', 4, 'addresses', 0],
				'no item has the ref "gone"'
			],
			[
				'a conflict of a missing channel',
				['channels', 'conflicts', 0, 'channelIds', 1],
				'no channel has the ref "gone"'
			],
			[
				'a connection from a missing node',
				['workflows', 'edges', 0, 'from'],
				'no workflow node on this side has the ref "gone"'
			],
			[
				'an answer of a missing participant',
				['assessments', 0, 'answers', 0, 'participantId'],
				'no participant of this assessment has the id "gone"'
			],
			[
				'an answer to a missing question',
				['assessments', 0, 'answers', 0, 'questionId'],
				'the template has no question with the id "gone"'
			],
			[
				'a benefit of a missing segment',
				['businessCase', 'benefits', 0, 'segmentId'],
				'no segment has the ref "gone"'
			],
			[
				'a cost of a missing option',
				['businessCase', 'costs', 0, 'optionId'],
				'no option of the business case has the id "gone"'
			],
			[
				'a task in a missing phase',
				['roadmap', 'tasks', 0, 'phaseId'],
				'no roadmap phase has the id "gone"'
			],
			[
				'a task depending on a missing task',
				['roadmap', 'tasks', 1, 'dependsOn', 0],
				'no roadmap task has the id "gone"'
			],
			[
				'a task owned by a missing person',
				['roadmap', 'tasks', 0, 'ownerId'],
				'no one in the engagement team has the id "gone"'
			],
			[
				'a KPI of a missing phase',
				['roadmap', 'kpis', 0, 'phaseId'],
				'no roadmap phase has the id "gone"'
			],
			[
				'a gate review of a missing assessment',
				['roadmap', 'gates', 0, 'assessmentId'],
				'no assessment run has the id "gone"'
			]
		] as const
	).map(([name, path, message]): Case => [
		`dangling: ${name}`,
		() =>
			fileWith((_, c) => {
				const parent = at(c, ...path.slice(0, -1));
				parent[path.at(-1)!] = 'gone';
			}),
		'invalid',
		{ path: `${content}.${pathText(path)}`, message }
	]),
	[
		'dangling: a preference for a missing segment',
		() => fileWith((_, c) => (at(c, 'channels', 'preferences')['gone:ch1'] = 2)),
		'invalid',
		{ path: `${content}.channels.preferences.gone:ch1`, message: 'no segment has the ref "gone"' }
	],
	[
		'dangling: an assignment of a missing product',
		() => fileWith((_, c) => ((at(c, 'channels').assignments as string[])[0] = 'gone:ch1:s1')),
		'invalid',
		{ path: `${content}.channels.assignments[0]`, message: 'no item has the ref "gone"' }
	],
	[
		'dangling: a run of a template the file does not hold',
		() => fileWith((_, c) => (c.assessmentTemplates = [])),
		'invalid',
		{
			path: `${content}.assessments[0].templateVersion`,
			message:
				'the assessment model "test-model@1.0.0" is missing: it must be in assessmentTemplates, or bundled under templates/assessments'
		}
	],
	[
		'the same id twice (a segment)',
		() => fileWith((_, c) => (at(c, 'segments', 1).id = 's1')),
		'invalid',
		{
			path: `${content}.segments[1].id`,
			message: 'the id "s1" is used twice; give each one its own'
		}
	],
	[
		'the same person in two runs',
		() =>
			fileWith((_, c) => {
				const runs = c.assessments as Tree[];
				runs.push({ ...structuredClone(runs[0]!), id: 'as2', answers: [], revealed: [] });
			}),
		'invalid',
		{
			path: `${content}.assessments[1].participants[0].id`,
			message: 'the id "pa1" is used twice; give each one its own'
		}
	]
];

function pathText(path: ReadonlyArray<string | number>): string {
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

describe('importing an engagement file', () => {
	it('imports the valid file whole: what is read back and exported again is what was in it', async () => {
		const result = await importText(JSON.stringify(validFile()), 'en');
		if (!result.ok) throw new Error(JSON.stringify(result.error));
		expect(await readEngagementContent(db, result.id)).toEqual(linkedContent());
		const again = readEngagementFile((await buildExport(db, result.id)).text, 'en');
		if (!again.ok) throw new Error(JSON.stringify(again.error));
		expect(again.file.engagement.content).toEqual(linkedContent());
	});

	it.each(CASES)(
		'refuses %s, says why in each language, and writes nothing',
		async (_, text, code, problem) => {
			const source = text();
			for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
				const before = await dumpDb(db);
				const result = await importText(source, locale);
				expect(result.ok).toBe(false);
				if (result.ok) return;
				expect(result.error.code).toBe(code);
				if (problem && locale === 'en' && result.error.code === 'invalid')
					expect(result.error.problems).toContainEqual(problem);
				const lines = describeImportError(result.error, 'hostile.crmws.json', tIn(locale));
				expect(lines.length).toBeGreaterThan(0);
				for (const line of lines) {
					expect(line).not.toMatch(/\{\w+\}|undefined/);
					if (locale !== 'en') expect(line).toMatch(HAS_CJK);
				}
				expect(await dumpDb(db)).toEqual(before);
			}
			expect(prototypeIntact()).toBe(true);
		}
	);

	it('refuses a file over the size limit before reading it', async () => {
		const before = await dumpDb(db);
		const result = await importText(JSON.stringify(validFile()), 'zh-CN', MAX_FILE_BYTES + 1);
		expect(result).toMatchObject({
			ok: false,
			error: { code: 'tooLarge', limitBytes: MAX_FILE_BYTES }
		});
		if (result.ok) return;
		expect(describeImportError(result.error, 'big.json', tIn('zh-CN'))[0]).toMatch(HAS_CJK);
		expect(await dumpDb(db)).toEqual(before);
	});

	it(`survives ${GENERATED_ENGAGEMENT_FILES} generated hostile files: never throws, writes all or nothing, reaches no prototype`, async () => {
		const seen = { mutated: 0, any: 0, refused: 0, imported: 0 };
		// y-dexie says "Y.Doc … was destroyed" on the debug console for each document let go.
		vi.spyOn(console, 'debug').mockImplementation(() => {});
		onTestFinished(() => vi.mocked(console.debug).mockRestore());
		const kept = await readEngagementContent(db, KEPT_ID);
		// What the database holds between runs (each run leaves it as it found it).
		const baseline = await dumpDb(db);
		await fc.assert(
			fc.asyncProperty(
				hostileFiles(JSON.parse(JSON.stringify(validFile())), {
					listItemsLimit: MAX_LIST_ITEMS,
					kinds: [BACKUP_FILE_KIND, ASSESSMENT_TEMPLATE_KIND, `${ENGAGEMENT_FILE_KIND}-x`]
				}),
				fc.constantFrom<Locale>('en', 'zh-CN', 'zh-TW'),
				async ({ text, origin }, locale) => {
					seen[origin]++;
					const result = await importText(text, locale);
					expect(prototypeIntact()).toBe(true);
					if (!result.ok) {
						seen.refused++;
						expect(await dumpDb(db)).toEqual(baseline);
						const lines = describeImportError(result.error, 'f.json', tIn(locale));
						expect(lines.length).toBeGreaterThan(0);
						if (locale !== 'en') for (const line of lines) expect(line).toMatch(HAS_CJK);
						return;
					}
					seen.imported++;
					try {
						// Whole: what was stored before is all still there; what was added reads back as
						// the file's content, exports again and passes the format.
						expect(keptAll(baseline, await dumpDb(db))).toEqual([]);
						const stored = await readEngagementContent(db, result.id);
						expect(stored).toEqual(asStored(result.file.engagement.content));
						const again = readEngagementFile(
							JSON.stringify(makeEngagementFile(meta, stored, 'test', new Date())),
							'en'
						);
						expect(again.ok).toBe(true);
					} finally {
						// Gone again, so that the next file meets the same database.
						await softDeleteEngagement(db, result.id);
						await purgeDeleted(db, Date.now() + 1);
					}
					expect(await dumpDb(db)).toEqual(baseline);
				}
			),
			{ numRuns: GENERATED_ENGAGEMENT_FILES }
		);
		expect(seen.mutated + seen.any).toBe(GENERATED_ENGAGEMENT_FILES);
		// Both ways through the importer were taken.
		expect(seen.refused).toBeGreaterThan(GENERATED_ENGAGEMENT_FILES / 2);
		expect(seen.imported).toBeGreaterThan(0);
		expect(await readEngagementContent(db, KEPT_ID)).toEqual(kept);
		console.info(`engagement importer: ${JSON.stringify(seen)}`);
	}, 120_000);
});
