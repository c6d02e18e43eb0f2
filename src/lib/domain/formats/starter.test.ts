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

	it('names touchpoint and workflow references that point at nothing, in the user’s language', () => {
		const file = JSON.parse(fs.readFileSync(path.join(dir, 'sme-programme.json'), 'utf8'));
		const text = { 'zh-CN': 'x', 'zh-TW': 'x', en: 'x' };
		const touchpoint = {
			stage: 'nowhere',
			channel: 'no-channel',
			segments: ['no-segment'],
			name: text,
			department: text,
			description: text,
			pains: text,
			momentOfTruth: false,
			ratingToday: -2,
			ratingTarget: 2,
			today: text,
			target: text,
			initiative: 'no-initiative'
		};
		file.journey = { stages: [{ ref: 'aw', name: text }], touchpoints: [touchpoint] };
		file.workflows = {
			nodes: [
				{ ref: 'a', side: 'today', kind: 'customer', label: text },
				{ ref: 'b', side: 'target', kind: 'system', label: text }
			],
			// b exists, but on the other side.
			edges: [{ side: 'today', from: 'a', to: 'b', kind: 'handoff', label: text }]
		};
		const result = readStarter('sme-programme.json', file, 'zh-CN');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toEqual([
			{ path: 'journey.touchpoints[0].stage', message: '没有 ref 为“nowhere”的旅程阶段' },
			{ path: 'journey.touchpoints[0].channel', message: '没有 ref 为“no-channel”的渠道' },
			{
				path: 'journey.touchpoints[0].initiative',
				message: '没有 ref 为“no-initiative”的变革举措'
			},
			{ path: 'journey.touchpoints[0].segments[0]', message: '没有 ref 为“no-segment”的客户细分' },
			{ path: 'workflows.edges[0].to', message: '同一版本的流程图中没有 ref 为“b”的节点' }
		]);
	});

	it('links the sample’s touchpoints to its stages, channels, segments and initiatives', () => {
		const file = JSON.parse(fs.readFileSync(path.join(dir, 'sample-regional-bank.json'), 'utf8'));
		const result = readStarter('sample-regional-bank.json', file, 'en');
		if (!result.ok) throw new Error('the sample is invalid');
		let n = 0;
		const content = instantiateStarter(result.starter, 'zh-TW', () => `id-${n++}`);
		const ids = (list: { id: string }[]) => new Set(list.map((x) => x.id));
		const stages = ids(content.journey.stages);
		const channels = ids(content.channels.list);
		const initiatives = ids(content.changePlan.initiatives);
		expect(content.journey.touchpoints.length).toBeGreaterThan(10);
		for (const t of content.journey.touchpoints) {
			expect(stages.has(t.stageId)).toBe(true);
			if (t.channelId) expect(channels.has(t.channelId)).toBe(true);
			if (t.initiativeId) expect(initiatives.has(t.initiativeId)).toBe(true);
		}
		expect(content.journey.touchpoints.some((t) => t.initiativeId)).toBe(true);
		for (const side of ['today', 'target'] as const) {
			const nodes = ids(content.workflows.nodes.filter((x) => x.side === side));
			const edges = content.workflows.edges.filter((e) => e.side === side);
			expect(edges.length).toBeGreaterThan(5);
			for (const e of edges) expect(nodes.has(e.from) && nodes.has(e.to)).toBe(true);
		}
	});
});
