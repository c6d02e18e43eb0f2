import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engagementContentSchema } from '../schemas.ts';
import { LOCALES } from '../locales.ts';
import { checkStarterAssessments, instantiateStarter, readStarter } from './starter.ts';
import { checkAssessmentTemplate } from './assessment-template.ts';
import { templateKey, type AssessmentTemplate } from '../assessment/model.ts';
import { scoreAssessment } from '../assessment/scoring.ts';

const dir = path.resolve('templates/engagements');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

/** The bundled assessment models, by id@version. */
const models = new Map<string, AssessmentTemplate>(
	fs
		.readdirSync('templates/assessments')
		.map((f) => {
			const r = checkAssessmentTemplate(
				JSON.parse(fs.readFileSync(path.join('templates/assessments', f), 'utf8')),
				'en'
			);
			if (!r.ok) throw new Error(f);
			return r.template;
		})
		.map((t) => [templateKey(t.id, t.version), t])
);
const lookup = (id: string, version: string) => models.get(templateKey(id, version));

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
		expect(checkStarterAssessments(result.starter, lookup, 'en')).toEqual([]);
		for (const locale of LOCALES) {
			let n = 0;
			const content = instantiateStarter(result.starter, locale, () => `id-${n++}`, lookup);
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

describe('assessments in a starter', () => {
	const sample = () =>
		JSON.parse(fs.readFileSync(path.join(dir, 'sample-regional-bank.json'), 'utf8'));

	it('gives the sample a finished three-person run and an earlier one to compare with', () => {
		const result = readStarter('sample-regional-bank.json', sample(), 'en');
		if (!result.ok) throw new Error('sample invalid');
		let n = 0;
		const content = instantiateStarter(result.starter, 'zh-TW', () => `id-${n++}`, lookup);
		expect(content.assessmentTemplates.map((t) => t.id)).toEqual(['crm-strategy-maturity']);
		const [earlier, later] = content.assessments;
		expect(earlier!.date < later!.date).toBe(true);
		for (const run of content.assessments) {
			expect(run.participants).toHaveLength(3);
			const template = content.assessmentTemplates[0]!;
			const score = scoreAssessment(
				template,
				run.participants.map((p) => p.id),
				run.answers
			);
			// Finished: every question scored, and revealed in the facilitator view.
			expect(score.questions.every((q) => q.current !== null)).toBe(true);
			expect(run.revealed).toHaveLength(score.questions.length);
			expect(score.recommendations.length).toBeGreaterThan(0);
		}
		expect(later!.participants[0]!.name).toBe('宋啟川');
		expect(later!.answers.some((a) => a.na && a.naReason !== '')).toBe(true);
	});

	it('names a missing model, an unknown question and a level off the scale', () => {
		const file = sample();
		file.assessments[0].answers[0].question = 'no-such-question';
		file.assessments[0].answers[1].current = 9;
		file.assessments[1].template.version = '9.9.9';
		const result = readStarter('sample-regional-bank.json', file, 'en');
		if (!result.ok) throw new Error('schema should pass');
		expect(checkStarterAssessments(result.starter, lookup, 'en')).toEqual([
			{
				path: 'assessments[0].answers[0].question',
				message: 'the template has no question with the id "no-such-question"'
			},
			{ path: 'assessments[0].answers[1].current', message: expect.stringContaining('level 9') },
			{
				path: 'assessments[1].template',
				message: expect.stringContaining(
					'the assessment model "crm-strategy-maturity@9.9.9" is missing'
				)
			}
		]);
	});
});
