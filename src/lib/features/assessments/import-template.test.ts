import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ASSESSMENT_TEMPLATE_KIND,
	templateKey,
	type AssessmentTemplate
} from '#lib/domain/assessment/model.ts';
import {
	MAX_TEMPLATE_BYTES,
	MAX_TEMPLATE_ITEMS,
	checkAssessmentTemplate
} from '#lib/domain/formats/assessment-template.ts';
import { BACKUP_FILE_KIND } from '#lib/domain/formats/backup-file.ts';
import { ENGAGEMENT_FILE_KIND } from '#lib/domain/formats/engagement-file.ts';
import type { Locale } from '#lib/domain/locales.ts';
import { i18n, loadMessages } from '#lib/i18n/i18n.svelte.ts';
import { openDb, type WorkbenchDb } from '#lib/persistence/db.ts';
import { removeImportedTemplate, saveImportedTemplate } from '#lib/persistence/templates.ts';
import { aTemplate } from '../../../../test/factories.ts';
import {
	HAS_CJK,
	dumpDb,
	hostileFiles,
	keptAll,
	prototypeIntact
} from '../../../../test/hostile.ts';
import { importTemplate, loadLibrary, type TemplateLibrary } from './library.ts';
import { describeTemplateError } from './text.svelte.ts';

/** Generated files the property throws at the template importer (reported in issue 9). */
const GENERATED_TEMPLATE_FILES = 1_000;

const text = (en: string) => ({ 'zh-CN': `${en}（简）`, 'zh-TW': `${en}（繁）`, en });

/** A firm's model with every kind of reference a template holds, so each can be broken. */
function validTemplate(): AssessmentTemplate {
	const base = aTemplate({ id: 'firm-model', version: '1.2.0' });
	base.dimensions[0]!.description = text('How customers are seen');
	base.dimensions[0]!.questions[0]!.help = text('Look at the records');
	base.dimensions[0]!.questions[0]!.levels = [
		{ value: 1, descriptor: text('No records') },
		{ value: 5, descriptor: text('One view of each customer') }
	];
	base.recommendations = [
		{
			id: 'r-a',
			dimension: 'a',
			measure: 'current',
			max: 2,
			text: text('Start with dimension A'),
			initiative: { support: 'processes', title: text('Map the processes') }
		},
		{ id: 'r-q3', question: 'q3', measure: 'gap', min: 1, text: text('Close the gap on q3') }
	];
	return base;
}

type Tree = Record<string, unknown>;
const fileWith = (edit: (t: Tree) => void) => {
	const t = JSON.parse(JSON.stringify(validTemplate())) as Tree;
	edit(t);
	return JSON.stringify(t);
};
const withRawKey = (raw: string) =>
	JSON.stringify(validTemplate()).replace('"title":{', `${raw},"title":{`);
const at = (tree: unknown, ...path: Array<string | number>) =>
	path.reduce<unknown>((v, k) => (v as Tree)[k], tree) as Tree;

let db: WorkbenchDb;
let library: TemplateLibrary;
/** A version imported before, which no import may change. */
const KEPT = aTemplate({ id: 'kept-model', version: '3.0.0' });
beforeAll(async () => {
	db = openDb(`templates-${Math.random()}`);
	await saveImportedTemplate(db, KEPT, 1000);
	library = await loadLibrary(db, 'en');
	await Promise.all((['zh-CN', 'zh-TW'] as const).map(loadMessages));
});
afterAll(() => {
	db.close();
	i18n.locale = 'en';
});

/** The real import path: the Assessments page's `importTemplate`, with a File as the page has. */
function importText(source: string, locale: Locale, size?: number) {
	const file = new File([source], 'model.json', { type: 'application/json' });
	if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
	return importTemplate(db, library, file, locale);
}

/** The lines the page shows for a refused file, in `locale`. */
function messages(error: Parameters<typeof describeTemplateError>[0], locale: Locale) {
	i18n.locale = locale;
	return describeTemplateError(error, 'model.json');
}

type Case = [
	name: string,
	source: () => string,
	code: string,
	problem?: { path: string; message: string }
];
/** One hand-written file per way a template file can be hostile or wrong, and what must be said. */
const CASES: Case[] = [
	['not JSON', () => '<html>not a model</html>', 'notJson'],
	['empty', () => '', 'notJson'],
	['cut short', () => JSON.stringify(validTemplate()).slice(0, 300), 'notJson'],
	['JSON but a list', () => '[]', 'wrongKind'],
	[
		'another kind: an engagement file',
		() => fileWith((t) => (t.kind = ENGAGEMENT_FILE_KIND)),
		'wrongKind'
	],
	['another kind: a backup', () => fileWith((t) => (t.kind = BACKUP_FILE_KIND)), 'wrongKind'],
	['no kind at all', () => fileWith((t) => delete t.kind), 'wrongKind'],
	['newer format version', () => fileWith((t) => (t.formatVersion = 2)), 'newerVersion'],
	[
		'format version as text',
		() => fileWith((t) => (t.formatVersion = '1')),
		'invalid',
		{ path: 'formatVersion', message: 'Invalid input: expected 1' }
	],
	[
		'very deep nesting',
		() => fileWith((t) => (t.source = JSON.parse('['.repeat(80) + ']'.repeat(80)))),
		'tooDeep'
	],
	[
		`a huge list (${MAX_TEMPLATE_ITEMS + 1} items)`,
		() => fileWith((t) => (t.dimensions = new Array(MAX_TEMPLATE_ITEMS + 1).fill(0))),
		'tooManyItems'
	],
	[
		'more dimensions than a model may have (51)',
		() =>
			fileWith((t) => {
				const one = at(t, 'dimensions', 0);
				t.dimensions = Array.from({ length: 51 }, (_, i) => ({ ...one, id: `d${i}` }));
				t.recommendations = [];
			}),
		'invalid',
		{ path: 'dimensions', message: 'Too big: expected array to have <=50 items' }
	],
	['__proto__ key', () => withRawKey('"__proto__":{"polluted":true}'), 'forbiddenKey'],
	[
		'constructor key',
		() => withRawKey('"constructor":{"prototype":{"polluted":true}}'),
		'forbiddenKey'
	],
	['prototype key', () => withRawKey('"prototype":{"polluted":true}'), 'forbiddenKey'],
	[
		'wrong type: a text for a weight',
		() => fileWith((t) => (at(t, 'dimensions', 0).weight = 'heavy')),
		'invalid',
		{ path: 'dimensions[0].weight', message: 'Invalid input: expected number, received string' }
	],
	[
		'wrong type: one text for a text in three languages',
		() => fileWith((t) => (t.title = 'Firm model')),
		'invalid',
		{ path: 'title', message: 'Invalid input: expected object, received string' }
	],
	[
		'an unknown field',
		() => fileWith((t) => (t.script = 'alert(1)')),
		'invalid',
		{ path: '(root)', message: 'Unrecognized key: "script"' }
	],
	[
		'dangling: a rule on a missing dimension',
		() => fileWith((t) => (at(t, 'recommendations', 0).dimension = 'gone')),
		'invalid',
		{
			path: 'recommendations[0].dimension',
			message: 'the template has no dimension with the id "gone"'
		}
	],
	[
		'dangling: a rule on a missing question',
		() => fileWith((t) => (at(t, 'recommendations', 1).question = 'gone')),
		'invalid',
		{
			path: 'recommendations[1].question',
			message: 'the template has no question with the id "gone"'
		}
	],
	[
		'dangling: a question level not on the scale',
		() => fileWith((t) => (at(t, 'dimensions', 0, 'questions', 0, 'levels', 1).value = 9)),
		'invalid',
		{
			path: 'dimensions[0].questions[0].levels[1].value',
			message: "level 9 is not on the template's scale, or is given twice"
		}
	],
	[
		'the same question id twice',
		() => fileWith((t) => (at(t, 'dimensions', 1, 'questions', 0).id = 'q1')),
		'invalid',
		{
			path: 'dimensions[1].questions[0].id',
			message: 'the id "q1" is used twice; give each one its own'
		}
	],
	[
		'stages out of order',
		() => fileWith((t) => (at(t, 'stages', 2).from = 1.5)),
		'invalid',
		{
			path: 'stages[2].from',
			message:
				'the stage threshold 1.5 is out of order: the first stage starts at the lowest level, and each next one higher, up to the highest level'
		}
	],
	[
		'a rule on a dimension and a question at once',
		() => fileWith((t) => (at(t, 'recommendations', 0).question = 'q1')),
		'invalid',
		{ path: 'recommendations[0]', message: 'a rule needs exactly one of "dimension" or "question"' }
	]
];

describe('importing an assessment template', () => {
	it('keeps a valid model once, and never overwrites a kept version', async () => {
		const source = JSON.stringify(validTemplate());
		const first = await importText(source, 'en');
		expect(first).toMatchObject({ ok: true, result: 'added' });
		const stored = await db.templates.get(templateKey('firm-model', '1.2.0'));
		expect(checkAssessmentTemplate(stored!.template, 'en')).toEqual({
			ok: true,
			template: stored!.template
		});
		const before = await dumpDb(db);
		expect(await importText(source, 'en')).toMatchObject({ ok: true, result: 'unchanged' });
		const changed = fileWith((t) => (t.source = 'Changed without a new version'));
		expect(await importText(changed, 'en')).toMatchObject({ ok: true, result: 'conflict' });
		// A bundled model's version is never shadowed by an import.
		const bundled = [...library.models.values()][0]![0]!.template;
		const copy = JSON.stringify({ ...bundled, source: 'A copy' });
		expect(await importText(copy, 'en')).toMatchObject({ ok: true, result: 'bundled' });
		expect(await dumpDb(db)).toEqual(before);
		await removeImportedTemplate(db, templateKey('firm-model', '1.2.0'));
	});

	it.each(CASES)(
		'refuses %s, says why in each language, and writes nothing',
		async (_, source, code, problem) => {
			const file = source();
			for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
				const before = await dumpDb(db);
				const outcome = await importText(file, locale);
				expect(outcome.ok).toBe(false);
				if (outcome.ok) return;
				expect(outcome.error.code).toBe(code);
				if (problem && locale === 'en' && outcome.error.code === 'invalid')
					expect(outcome.error.problems).toContainEqual(problem);
				const lines = messages(outcome.error, locale);
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
		const outcome = await importText(
			JSON.stringify(validTemplate()),
			'zh-TW',
			MAX_TEMPLATE_BYTES + 1
		);
		expect(outcome).toMatchObject({
			ok: false,
			error: { code: 'tooLarge', limitBytes: MAX_TEMPLATE_BYTES }
		});
		if (outcome.ok) return;
		expect(messages(outcome.error, 'zh-TW')[0]).toMatch(HAS_CJK);
		expect(await dumpDb(db)).toEqual(before);
	});

	it(`survives ${GENERATED_TEMPLATE_FILES} generated hostile files: never throws, writes all or nothing, reaches no prototype`, async () => {
		const seen = { mutated: 0, any: 0, refused: 0, kept: 0, notKept: 0 };
		const baseline = await dumpDb(db);
		await fc.assert(
			fc.asyncProperty(
				hostileFiles(JSON.parse(JSON.stringify(validTemplate())), {
					listItemsLimit: MAX_TEMPLATE_ITEMS,
					kinds: [ENGAGEMENT_FILE_KIND, BACKUP_FILE_KIND, `${ASSESSMENT_TEMPLATE_KIND}s`]
				}),
				fc.constantFrom<Locale>('en', 'zh-CN', 'zh-TW'),
				async ({ text: source, origin }, locale) => {
					seen[origin]++;
					const outcome = await importText(source, locale);
					expect(prototypeIntact()).toBe(true);
					if (!outcome.ok) {
						seen.refused++;
						expect(await dumpDb(db)).toEqual(baseline);
						const lines = messages(outcome.error, locale);
						expect(lines.length).toBeGreaterThan(0);
						if (locale !== 'en') for (const line of lines) expect(line).toMatch(HAS_CJK);
						return;
					}
					// Accepted: the model passes the format; it is kept whole, or (a version the
					// library has already) nothing is written.
					expect(checkAssessmentTemplate(outcome.template, 'en').ok).toBe(true);
					const key = templateKey(outcome.template.id, outcome.template.version);
					if (outcome.result !== 'added') {
						seen.notKept++;
						expect(await dumpDb(db)).toEqual(baseline);
						return;
					}
					seen.kept++;
					try {
						expect(keptAll(baseline, await dumpDb(db))).toEqual([]);
						const row = await db.templates.get(key);
						expect(row?.template).toEqual(outcome.template);
						expect(checkAssessmentTemplate(row?.template, 'en')).toEqual({
							ok: true,
							template: outcome.template
						});
					} finally {
						await removeImportedTemplate(db, key);
					}
					expect(await dumpDb(db)).toEqual(baseline);
				}
			),
			{ numRuns: GENERATED_TEMPLATE_FILES }
		);
		expect(seen.mutated + seen.any).toBe(GENERATED_TEMPLATE_FILES);
		expect(seen.refused).toBeGreaterThan(GENERATED_TEMPLATE_FILES / 2);
		expect(seen.kept).toBeGreaterThan(0);
		expect((await db.templates.get(templateKey(KEPT.id, KEPT.version)))?.template).toEqual(KEPT);
		console.info(`template importer: ${JSON.stringify(seen)}`);
	}, 120_000);
});
