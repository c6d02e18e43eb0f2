import { describe, expect, it } from 'vitest';
import { LOCALES } from '../locales.ts';
import { blankContent } from '../engagement/profile.ts';
import { buildReport } from './document.ts';
import { REPORT_KINDS, REPORT_SECTIONS } from './model.ts';
import { REPORT_BUILDERS } from './registry.ts';
import { optionsOf, sampleContent, textOf } from '../../../../test/reports.ts';

describe('the section builders', () => {
	it('cover every section a report offers', () => {
		for (const kind of REPORT_KINDS)
			for (const id of REPORT_SECTIONS[kind])
				expect(REPORT_BUILDERS[id], id).toBeTypeOf('function');
	});

	it.each(LOCALES)('leave every section out of a blank engagement (%s)', (lang) => {
		const content = blankContent('Blank', lang);
		content.profile.client = 'A client';
		for (const kind of REPORT_KINDS) {
			const built = buildReport(
				{ content, options: optionsOf(kind, lang), assets: {} },
				textOf(lang),
				REPORT_BUILDERS
			);
			expect(built.sections, kind).toEqual([]);
		}
	});

	it('print every section of the sample, which fills every area', () => {
		const content = sampleContent('en');
		for (const kind of REPORT_KINDS) {
			const built = buildReport(
				{ content, options: optionsOf(kind, 'en'), assets: {} },
				textOf('en'),
				REPORT_BUILDERS
			);
			expect(built.sections, kind).toEqual([...REPORT_SECTIONS[kind]]);
		}
	});
});
