import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engagementContentSchema } from '../schemas.ts';
import { LOCALES } from '../locales.ts';
import { instantiateStarter, readStarter } from './starter.ts';

const dir = path.resolve('templates/engagements');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('starter files under templates/engagements', () => {
	it('include exactly one sample', () => {
		const samples = files.filter(
			(f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).sample === true
		);
		expect(samples).toEqual(['sample-regional-bank.json']);
	});
	it.each(files)('%s is valid and gives a valid engagement in every language', (file) => {
		const result = readStarter(
			file,
			JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')),
			'en'
		);
		expect(result).toMatchObject({ ok: true });
		if (!result.ok) return;
		expect(`${result.starter.id}.json`).toBe(file);
		for (const locale of LOCALES) {
			let n = 0;
			const content = instantiateStarter(result.starter, locale, () => `id-${n++}`);
			expect(engagementContentSchema.safeParse(content).success).toBe(true);
			expect(content.profile.reportLanguage).toBe(locale);
		}
	});
	it('names the file, the path and the problem when a starter is wrong', () => {
		const result = readStarter(
			'templates/engagements/broken.json',
			{ kind: 'crm-strategy-workbench/engagement-starter', formatVersion: 1 },
			'en'
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.file).toBe('templates/engagements/broken.json');
		expect(result.problems.map((p) => p.path)).toContain('title');
	});

	it('names a value-proposition reference that points at nothing', () => {
		const file = JSON.parse(fs.readFileSync(path.join(dir, 'sme-programme.json'), 'utf8'));
		const text = { 'zh-CN': 'x', 'zh-TW': 'x', en: 'x' };
		file.valueProposition = {
			positioning: 'focus',
			positioningRationale: text,
			brandPromise: text,
			items: [
				{ ref: 'p', kind: 'pain', segment: 'nowhere', text, addresses: [] },
				{ kind: 'reliever', segment: null, text, addresses: ['gone'] }
			]
		};
		const result = readStarter('templates/engagements/sme-programme.json', file, 'en');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toEqual([
			{ path: 'valueProposition.items[0].segment', message: 'no segment has the ref "nowhere"' },
			{ path: 'valueProposition.items[1].addresses[0]', message: 'no item has the ref "gone"' }
		]);
	});
});
