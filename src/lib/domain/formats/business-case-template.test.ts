import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseResults, honestyChecks } from '../business-case/cash-flows.ts';
import { LOCALES } from '../locales.ts';
import { businessCaseSchema } from '../schemas.ts';
import { checkBusinessCaseTemplate, instantiateBusinessCase } from './business-case-template.ts';
import { instantiateStarter, readStarter } from './starter.ts';

const dir = path.resolve('templates/business-cases');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
const noContext = { segments: [], channels: [] };

describe('business-case templates under templates/business-cases', () => {
	it('ships at least three', () => expect(files.length).toBeGreaterThanOrEqual(3));

	it.each(files)('%s is valid, named after its id, and honest', (file) => {
		const result = checkBusinessCaseTemplate(read(file), 'en');
		if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 1));
		expect(`${result.template.id}.json`).toBe(file);
		for (const locale of LOCALES) {
			let n = 0;
			const c = instantiateBusinessCase(result.template, locale, () => `id-${n++}`);
			expect(businessCaseSchema.safeParse(c).success).toBe(true);
			// Only list prices may be flagged: same categories, exit costs, a baseline, full spans.
			expect(honestyChecks(c, noContext).filter((w) => w.kind !== 'listPrice')).toEqual([]);
			const preferred = caseResults(c, noContext).find((r) => r.option.id === c.preferredOptionId)!;
			expect((preferred.incremental ?? preferred.figures).npv).toBeGreaterThan(0);
		}
	});
});

describe('a mistaken business-case template', () => {
	const valid = () => read(files[0]!);
	it('names a missing language', () => {
		const t = valid();
		delete t.title['zh-TW'];
		const result = checkBusinessCaseTemplate(t, 'en');
		expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['title.zh-TW']);
	});
	it('names lines of an unknown option and a second baseline', () => {
		const t = valid();
		t.costs[0].option = 'nowhere';
		t.options.forEach((o: { baseline: boolean }) => (o.baseline = true));
		const result = checkBusinessCaseTemplate(t, 'en');
		expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
			'options',
			'costs[0].option'
		]);
	});
	it('refuses negative prices, a horizon of 100 years and a rate of 1,000 %', () => {
		const t = { ...valid(), horizon: 100, discountRate: 10 };
		t.costs[0].amount = -1;
		const result = checkBusinessCaseTemplate(t, 'en');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => p.path)).toEqual([
			'horizon',
			'discountRate',
			'costs[0].amount'
		]);
	});
});

describe('the sample engagement’s business case', () => {
	it('is complete: a baseline, two options, benefits from its own segments and channels', () => {
		const result = readStarter(
			'sample-regional-bank.json',
			JSON.parse(fs.readFileSync('templates/engagements/sample-regional-bank.json', 'utf8')),
			'en'
		);
		if (!result.ok) throw new Error('sample invalid');
		let n = 0;
		const content = instantiateStarter(result.starter, 'zh-CN', () => `id-${n++}`);
		const c = content.businessCase;
		const context = { segments: content.segments, channels: content.channels.list };
		expect(c.options.map((o) => o.baseline)).toEqual([true, false, false]);
		expect(c.benefits.some((b) => b.driver === 'retention' && b.segmentId !== null)).toBe(true);
		expect(c.benefits.some((b) => b.driver === 'costToServe' && b.toChannelId !== null)).toBe(true);
		expect(honestyChecks(c, context).filter((w) => w.kind !== 'listPrice')).toEqual([]);
		const results = caseResults(c, context);
		const preferred = results.find((r) => r.option.id === c.preferredOptionId)!;
		expect(preferred.incremental!.npv).toBeGreaterThan(0);
		expect(preferred.incremental!.payback).toBeGreaterThan(1);
	});
});
