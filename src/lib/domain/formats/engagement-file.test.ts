import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aTeamMember, anEngagement } from '../../../../test/factories.ts';
import { blankTouchpoint } from '../journey/model.ts';
import {
	ENGAGEMENT_FILE_KIND,
	exportFileName,
	makeEngagementFile,
	readEngagementFile
} from './engagement-file.ts';

const meta = {
	id: 'e-1',
	createdAt: Date.UTC(2026, 0, 5),
	updatedAt: Date.UTC(2026, 10, 1),
	archived: false
};
const file = makeEngagementFile(
	meta,
	anEngagement({}, [aTeamMember()]),
	'test',
	new Date(Date.UTC(2026, 10, 22))
);
const text = JSON.stringify(file);

describe('engagement export file', () => {
	it('reads back exactly what was written', () => {
		expect(readEngagementFile(text, 'en')).toEqual({ ok: true, file });
	});
	it('keeps the name as typed, spaces around it included, and refuses a blank one', () => {
		// The profile form accepts any name that is not blank; its export must bring it back.
		const spaced = makeEngagementFile(
			meta,
			anEngagement({ name: '  Harbour Bank ' }),
			'test',
			new Date(Date.UTC(2026, 10, 22))
		);
		expect(readEngagementFile(JSON.stringify(spaced), 'en')).toEqual({ ok: true, file: spaced });
		for (const blank of ['', '   ', '\u3000\n']) {
			const bad = structuredClone(spaced);
			bad.engagement.content.profile.name = blank;
			const result = readEngagementFile(JSON.stringify(bad), 'en');
			if (result.ok || result.error.code !== 'invalid') throw new Error(`took ${blank}`);
			expect(result.error.problems.map((p) => p.path)).toEqual(['engagement.content.profile.name']);
		}
	});
	it('names another kind of JSON as such', () => {
		expect(readEngagementFile('{"name":"x"}', 'en')).toEqual({
			ok: false,
			error: { code: 'wrongKind', found: null }
		});
		expect(readEngagementFile('[1,2]', 'en')).toMatchObject({
			ok: false,
			error: { code: 'wrongKind' }
		});
		expect(readEngagementFile('{"kind":"other-app"}', 'en')).toEqual({
			ok: false,
			error: { code: 'wrongKind', found: 'other-app' }
		});
	});
	it('refuses a file from a newer format version, saying which', () => {
		const newer = JSON.stringify({ ...file, formatVersion: 7 });
		expect(readEngagementFile(newer, 'en')).toEqual({
			ok: false,
			error: { code: 'newerVersion', found: 7, supported: 1 }
		});
		expect(readEngagementFile(JSON.stringify({ ...file, formatVersion: 'one' }), 'en')).toEqual({
			ok: false,
			error: { code: 'badVersion' }
		});
	});
	it('lists each invalid place with its path, in the user language', () => {
		const bad = structuredClone(file) as unknown as {
			engagement: {
				content: { profile: Record<string, unknown>; team: Array<Record<string, unknown>> };
			};
		};
		bad.engagement.content.profile.fiscalYearStartMonth = 13;
		bad.engagement.content.team[0]!.email = 'not-an-email';
		const en = readEngagementFile(JSON.stringify(bad), 'en');
		expect(en.ok).toBe(false);
		if (en.ok || en.error.code !== 'invalid') throw new Error('expected invalid');
		expect(en.error.problems.map((p) => p.path)).toEqual([
			'engagement.content.profile.fiscalYearStartMonth',
			'engagement.content.team[0].email'
		]);
		expect(en.error.problems[0]!.message).toMatch(/12/);
		const zh = readEngagementFile(JSON.stringify(bad), 'zh-CN');
		if (zh.ok || zh.error.code !== 'invalid') throw new Error('expected invalid');
		expect(zh.error.problems[0]!.message).toMatch(/[\u4e00-\u9fff]/);
	});
	it('refuses a touchpoint without its stage and a connection without its nodes', () => {
		const content = anEngagement();
		content.journey.stages = [{ id: 'st', name: 'Purchase' }];
		content.journey.touchpoints = [
			{ ...blankTouchpoint('t1', 'st', null) },
			{ ...blankTouchpoint('t2', 'gone', null) }
		];
		content.workflows.nodes = [
			{ id: 'a', side: 'today', kind: 'customer', label: 'A' },
			{ id: 'b', side: 'target', kind: 'system', label: 'B' }
		];
		content.workflows.edges = [
			{ id: 'e', side: 'today', from: 'a', to: 'b', kind: 'handoff', label: '' }
		];
		const result = readEngagementFile(
			JSON.stringify(makeEngagementFile(meta, content, 'test', new Date())),
			'zh-TW'
		);
		if (result.ok || result.error.code !== 'invalid') throw new Error('expected invalid');
		expect(result.error.problems).toEqual([
			{
				path: 'engagement.content.journey.touchpoints[1].stageId',
				message: '沒有 ref 為「gone」的旅程階段'
			},
			{
				path: 'engagement.content.workflows.edges[0].to',
				message: '同一版本的流程圖中沒有 ref 為「b」的節點'
			}
		]);
	});
	it('refuses unknown fields rather than dropping them silently', () => {
		const extra = JSON.stringify({ ...file, engagement: { ...file.engagement, secret: 1 } });
		expect(readEngagementFile(extra, 'en')).toMatchObject({
			ok: false,
			error: { code: 'invalid' }
		});
	});
	it('passes the safety checks first', () => {
		expect(
			readEngagementFile(`{"kind":"${ENGAGEMENT_FILE_KIND}","__proto__":{}}`, 'en')
		).toMatchObject({
			ok: false,
			error: { code: 'forbiddenKey' }
		});
	});
	it('makes file names that every system accepts', () => {
		const day = new Date(Date.UTC(2026, 10, 22));
		expect(exportFileName('零售 CRM: 2027/Q1?', day)).toBe(
			'零售-CRM-2027-Q1-2026-11-22.crmws.json'
		);
		expect(exportFileName('  ', day)).toBe('engagement-2026-11-22.crmws.json');
	});
	it('still reads a file written before segments existed (fixture)', () => {
		const text = fs.readFileSync('test/fixtures/engagement-v1-before-segments.crmws.json', 'utf8');
		const result = readEngagementFile(text, 'zh-CN');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.file.engagement.content.segments).toEqual([]);
		expect(result.file.engagement.content.team[0]!.name).toBe('林若溪');
		// No business case then: an empty one, in the engagement's own currency.
		const { businessCase, profile } = result.file.engagement.content;
		expect(businessCase.options).toEqual([]);
		expect(businessCase.settings.currency).toBe(profile.currency);
	});
});
