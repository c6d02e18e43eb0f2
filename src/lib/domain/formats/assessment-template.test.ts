import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aTemplate } from '../../../../test/factories.ts';
import { readAssessmentTemplate, type TemplateResult } from './assessment-template.ts';
import type { Problem } from './problems.ts';

const dir = path.resolve('templates/assessments');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('assessment templates under templates/assessments', () => {
	it('ships at least the six models', () => {
		expect(files.length).toBeGreaterThanOrEqual(6);
	});

	it.each(files)('%s is valid, versioned and named after its id', (file) => {
		const text = fs.readFileSync(path.join(dir, file), 'utf8');
		const result = readAssessmentTemplate(text, 'en');
		if (!result.ok) throw new Error(JSON.stringify(result.error, null, 1));
		expect(`${result.template.id}.json`).toBe(file);
		expect(result.template.recommendations.length).toBeGreaterThan(0);
	});
});

const problems = (result: TemplateResult): Problem[] =>
	result.ok
		? []
		: result.error.code === 'invalid'
			? result.error.problems
			: [{ path: '(file)', message: result.error.code }];
const read = (value: unknown, locale: 'en' | 'zh-CN' | 'zh-TW' = 'en') =>
	readAssessmentTemplate(JSON.stringify(value), locale);

describe('a hostile or mistaken template file', () => {
	it('is accepted when well formed', () => {
		expect(read(aTemplate()).ok).toBe(true);
	});

	it('refuses text that is not JSON, or the wrong kind of file', () => {
		expect(readAssessmentTemplate('{"kind": ', 'en')).toMatchObject({ error: { code: 'notJson' } });
		expect(read({ kind: 'crm-strategy-workbench/engagement' })).toMatchObject({
			error: { code: 'wrongKind' }
		});
		expect(read([1, 2])).toMatchObject({ error: { code: 'wrongKind' } });
		expect(read({ ...aTemplate(), formatVersion: 7 })).toMatchObject({
			error: { code: 'newerVersion', found: 7 }
		});
	});

	it('names the path of a missing or empty language', () => {
		const t = aTemplate();
		const { en: _en, ...noEnglish } = t.title;
		expect(problems(read({ ...t, title: noEnglish }))).toEqual([
			{ path: 'title.en', message: expect.any(String) }
		]);
		const emptied = structuredClone(t);
		emptied.dimensions[1]!.questions[0]!.text['zh-TW'] = ' ';
		expect(problems(read(emptied)).map((p) => p.path)).toEqual([
			'dimensions[1].questions[0].text.zh-TW'
		]);
	});

	it('refuses weights of zero or below', () => {
		const t = structuredClone(aTemplate());
		t.dimensions[0]!.weight = 0;
		t.dimensions[0]!.questions[1]!.weight = -1;
		expect(problems(read(t)).map((p) => p.path)).toEqual([
			'dimensions[0].weight',
			'dimensions[0].questions[1].weight'
		]);
	});

	it('refuses duplicate ids, in the user’s language', () => {
		const t = structuredClone(aTemplate());
		t.dimensions[1]!.questions[0]!.id = 'q1';
		expect(problems(read(t, 'zh-CN'))).toEqual([
			{ path: 'dimensions[1].questions[0].id', message: 'id“q1”出现了两次，请给每一项单独的 id' }
		]);
	});

	it('refuses thresholds out of order, levels not one apart, and dangling rules', () => {
		const t = structuredClone(aTemplate());
		t.stages[2]!.from = 1.5;
		t.scale[3]!.value = 7;
		t.scale[4]!.value = 8;
		t.recommendations = [
			{ id: 'r1', dimension: 'zz', measure: 'current', text: t.title },
			{ id: 'r2', question: 'q1', dimension: 'a', measure: 'gap', min: 3, max: 1, text: t.title }
		];
		expect(problems(read(t)).map((p) => p.path)).toEqual([
			'scale[3].value',
			'stages[2].from',
			'recommendations[0].dimension',
			'recommendations[1]',
			'recommendations[1].max'
		]);
	});

	it('refuses 10 MB of text before reading it', () => {
		const t = aTemplate();
		const huge = JSON.stringify({ ...t, description: { ...t.description, en: 'x'.repeat(10e6) } });
		expect(readAssessmentTemplate(huge, 'en', huge.length)).toMatchObject({
			error: { code: 'tooLarge' }
		});
	});

	it('refuses keys that reach a prototype, and pollutes nothing', () => {
		const text = JSON.stringify(aTemplate()).replace(
			'"id":"test-model"',
			'"__proto__":{"polluted":1},"id":"test-model"'
		);
		expect(readAssessmentTemplate(text, 'en')).toMatchObject({ error: { code: 'forbiddenKey' } });
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
