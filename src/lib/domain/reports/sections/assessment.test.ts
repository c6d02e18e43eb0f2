import { describe, expect, it } from 'vitest';
import { aTemplate, anAnswer, anEngagement } from '../../../../../test/factories.ts';
import { contextOf, sampleContent, textsOf } from '../../../../../test/reports.ts';
import type { Answer, Assessment, AssessmentTemplate } from '../../assessment/model.ts';
import { scoreAssessment } from '../../assessment/scoring.ts';
import type { EngagementContent } from '../../engagement/profile.ts';
import type { Locale } from '../../locales.ts';
import type { ReportContext } from '../context.ts';
import type { ReportAssets, ReportKind } from '../model.ts';
import {
	assessmentSections,
	gapsByPriority,
	latestRuns,
	runHistories,
	scoredRunsByModel
} from './assessment.ts';

const { assessment, assessmentDetail, reassessment } = assessmentSections as Required<
	typeof assessmentSections
>;

/*
 * The hand-worked example of scoring.test.ts (scale 1–5; a = 2 × [q1 × 1, q2 × 3], b = 1 × [q3]):
 *   q1: p1 2→4, p2 4→5: today 3 (median 3, range 2–4, sd 1), target 4.5, two levels apart
 *   q2: p1 1→3, p2 N/A: today 1, target 3
 *   q3: p1 3→4, p2 3→4: today 3, target 4
 *   a: today 1.5, target 3.375, gap 1.875, priority 31.25; b: today 3, target 4, gap 1, priority 8.33
 *   overall: today 2 (25 / 100), target 3.583, gap 1.583; stage "developing" (from 2)
 */
const XSS = '<b>x</b>{{}}';
const example: Answer[] = [
	anAnswer('p1', 'q1', 2, 4, { evidence: `Weekly report ${XSS}` }),
	anAnswer('p2', 'q1', 4, 5),
	anAnswer('p1', 'q2', 1, 3),
	anAnswer('p2', 'q2', 5, 5, { na: true, naReason: 'Not our business' }),
	anAnswer('p1', 'q3', 3, 4),
	anAnswer('p2', 'q3', 3, 4)
];
const text = (en: string) => ({ 'zh-CN': `${en}（简）`, 'zh-TW': `${en}（繁）`, en });
const template = aTemplate({
	recommendations: [
		{
			id: 'r1',
			dimension: 'a',
			measure: 'current',
			max: 2,
			text: text('A is weak'),
			initiative: {
				support: 'processes',
				title: text('Fix A'),
				description: text('Map the A process')
			}
		},
		{ id: 'r2', question: 'q3', measure: 'gap', min: 2, text: text('q3 far from target') },
		{ id: 'r3', question: 'q2', measure: 'gap', min: 2, text: text('q2 far from target') }
	]
});

function aRun(overrides: Partial<Assessment> = {}): Assessment {
	return {
		id: 'run-1',
		title: `Baseline ${XSS}`,
		templateId: template.id,
		templateVersion: template.version,
		date: '2026-03-01',
		notes: 'Kick-off',
		participants: [
			{ id: 'p1', name: 'Wang Min', role: 'Sponsor', department: 'Retail' },
			{ id: 'p2', name: '  ', role: '', department: 'IT' }
		],
		answers: example,
		revealed: [],
		initiatives: {},
		...overrides
	};
}

function engagement(
	runs: Assessment[],
	templates: AssessmentTemplate[] = [template]
): EngagementContent {
	return { ...anEngagement(), assessmentTemplates: templates, assessments: runs };
}

/** The report context with `t` giving back the key and its parameters: "key a|b". */
function keyed(
	content: EngagementContent,
	kind: ReportKind = 'assessment',
	lang: Locale = 'en',
	assets: ReportAssets = {}
): ReportContext {
	return {
		...contextOf(lang, content, kind, assets),
		t: (key, params) => (params ? `${key} ${Object.values(params).join('|')}` : key)
	};
}

type Node = Record<string, unknown>;
function walk(node: unknown, visit: (n: Node) => void) {
	if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
	else if (node && typeof node === 'object') {
		visit(node as Node);
		Object.values(node).forEach((v) => walk(v, visit));
	}
}
/** Every table's rows (header first) as the texts of each cell. */
function tables(nodes: unknown): string[][][] {
	const found: string[][][] = [];
	walk(nodes, (n) => {
		const t = n.table as { body?: unknown[][] } | undefined;
		if (t?.body && !('layout' in n && n.layout === 'noBorders'))
			found.push(t.body.map((row) => row.map((cell) => textsOf(cell).join(' '))));
	});
	return found;
}
/** The table whose header row starts with `first`. */
const tableStarting = (nodes: unknown, first: string) =>
	tables(nodes).filter((t) => t[0]![0] === first);
const headings = (nodes: unknown, style: string) => {
	const found: string[] = [];
	walk(nodes, (n) => {
		if (n.style === style && typeof n.text === 'string') found.push(n.text);
	});
	return found;
};
const images = (nodes: unknown) => {
	let count = 0;
	walk(nodes, (n) => {
		if ('image' in n) count++;
	});
	return count;
};

describe('assessment sections: no data', () => {
	it('leave every section out with no run, no answers, or only "not applicable"', () => {
		const naOnly = example.map((a) => ({ ...a, na: true, naReason: 'n/a' }));
		const blank = example.map((a) => ({ ...a, current: null }));
		for (const runs of [
			[],
			[aRun({ answers: [] })],
			[aRun({ answers: naOnly })],
			[aRun({ answers: blank })]
		]) {
			const ctx = keyed(engagement(runs));
			expect(assessment(ctx)).toBeNull();
			expect(assessmentDetail(ctx)).toBeNull();
			expect(reassessment(ctx)).toBeNull();
		}
	});

	it('leave out a run whose pinned template version is missing', () => {
		const ctx = keyed(engagement([aRun({ templateVersion: '9.9.9' })]));
		expect(assessment(ctx)).toBeNull();
	});

	it('print no re-assessment for a single scored run (an unscored later run does not count)', () => {
		const ctx = keyed(engagement([aRun(), aRun({ id: 'run-2', date: '2026-09-01', answers: [] })]));
		expect(assessment(ctx)).not.toBeNull();
		expect(reassessment(ctx)).toBeNull();
	});
});

describe('assessment: the hand-worked run', () => {
	const ctx = keyed(engagement([aRun()]));
	const nodes = assessment(ctx)!;
	const texts = textsOf(nodes);

	it('starts with the section heading and names the model', () => {
		expect(nodes[0]).toMatchObject({ text: 'report.section.assessment', id: 'assessment' });
		expect(headings(nodes, 'h2')).toEqual(['Test model']);
	});

	it('gives the overall score on the level scale and as 0–100, the target, gap and stage', () => {
		expect(texts).toContain('2.0');
		expect(texts).toContain('res.outOf 5|25');
		expect(texts).toContain('3.6');
		expect(texts).toContain('res.gapIs +1.6');
		expect(texts).toContain('res.stage: Developing');
		expect(texts).toContain(' Growing');
	});

	it('tables each dimension: today, target, gap, 0–100, priority', () => {
		const [t] = tableStarting(nodes, 'assess.dimension');
		expect(t!.slice(1)).toEqual([
			['Dimension A', '1.5', '3.4', '+1.9', '13', '31.3', 'assess.answeredOf 2|2'],
			['Dimension B', '3.0', '4.0', '+1.0', '50', '8.3', 'assess.answeredOf 1|1'],
			['report.assessment.overall', '2.0', '3.6', '+1.6', '25', '', '']
		]);
	});

	it('lists the questions with the highest priority, the largest first', () => {
		const [t] = tableStarting(nodes, 'res.question');
		expect(t!.slice(1).map((r) => [r[0], r[5]])).toEqual([
			['Question 2', '25.0'],
			['Question 3', '8.3'],
			['Question 1', '6.3']
		]);
	});

	it('prints the rules that fired with their suggested initiative, by priority', () => {
		const [t] = tableStarting(nodes, 'report.assessment.finding');
		expect(t!.slice(1)).toEqual([
			['Dimension A res.ruleCurrent 1.5', 'A is weak', 'Fix A support.processes Map the A process'],
			['Question 2 res.ruleGap +2.0', 'q2 far from target', '–']
		]);
	});

	it('says when a suggested initiative is already in the change plan', () => {
		const content = engagement([aRun({ initiatives: { r1: 'i1' } })]);
		content.changePlan = {
			...content.changePlan,
			initiatives: [
				{
					id: 'i1',
					support: 'processes',
					title: 'Fix A',
					description: '',
					owner: '',
					effort: null,
					impact: 'high',
					status: 'idea'
				}
			]
		};
		expect(textsOf(assessment(keyed(content))!)).toContain('res.inPlan');
		expect(texts).not.toContain('res.inPlan');
	});

	it('asks for the radar and gap pictures under the run id, and notes them when not drawn', () => {
		const picture = {
			type: 'image',
			dataUrl: 'data:image/png;base64,AA',
			width: 480,
			height: 400
		} as const;
		const drawn = assessment(
			keyed(engagement([aRun()]), 'assessment', 'en', {
				'assessment.radar.run-1': picture,
				'assessment.gaps.run-1': picture
			})
		)!;
		expect(images(drawn)).toBe(2);
		expect(images(nodes)).toBe(0);
		expect(texts.filter((t) => t.startsWith('report.notDrawn'))).toHaveLength(2);
	});

	it('passes user text through as text', () => {
		expect(texts.some((t) => t.includes(`Baseline ${XSS}`))).toBe(true);
	});

	it('prints the template in the report language', () => {
		const zh = textsOf(assessment({ ...keyed(engagement([aRun()]), 'assessment', 'zh-TW') })!);
		expect(zh).toContain('A is weak（繁）');
		expect(zh).not.toContain('A is weak');
	});

	it('prints fewer top questions in the executive report', () => {
		const many = aTemplate({
			dimensions: [
				{
					id: 'a',
					title: text('A'),
					weight: 1,
					questions: Array.from({ length: 12 }, (_, i) => ({
						id: `q${i}`,
						text: text(`Q${i}`),
						weight: 1
					}))
				}
			]
		});
		const answers = Array.from({ length: 12 }, (_, i) =>
			anAnswer('p1', `q${i}`, 1, 1 + (i % 4) + 1)
		);
		const content = engagement([aRun({ answers })], [many]);
		const rows = (kind: ReportKind) =>
			tableStarting(assessment(keyed(content, kind))!, 'res.question')[0]!.length - 1;
		expect(rows('assessment')).toBe(10);
		expect(rows('executive')).toBe(5);
	});
});

describe('assessment: which runs', () => {
	const later: Answer[] = ['p1', 'p2'].flatMap((p) =>
		['q1', 'q2', 'q3'].map((q) => anAnswer(p, q, 3, 4))
	);
	const other = aTemplate({ id: 'other-model', title: text('Other model') });
	const content = engagement(
		[
			aRun({ id: 'run-2', date: '2026-09-01', title: 'Gate 2', answers: later }),
			aRun(),
			aRun({ id: 'run-3', date: '2026-12-01', title: 'Not started', answers: [] }),
			aRun({ id: 'run-x', templateId: 'other-model', title: 'Other', date: '2026-01-01' })
		],
		[template, other]
	);

	it('reports per model its latest run that has scores', () => {
		expect(latestRuns(content).map((r) => r.run.id)).toEqual(['run-2', 'run-x']);
		expect(scoredRunsByModel(content).map((l) => l.map((r) => r.run.id))).toEqual([
			['run-1', 'run-2'],
			['run-x']
		]);
		const nodes = assessment(keyed(content))!;
		expect(headings(nodes, 'h2')).toEqual(['Test model', 'Other model']);
		expect(textsOf(nodes)).toContain('3.0');
	});

	it('draws gaps only where a dimension has one', () => {
		const noTargets = example.map((a) => ({ ...a, target: null }));
		const r = latestRuns(engagement([aRun({ answers: noTargets })]))[0]!;
		expect(gapsByPriority(r.score)).toEqual([]);
		expect(gapsByPriority(latestRuns(engagement([aRun()]))[0]!.score).map((d) => d.id)).toEqual([
			'a',
			'b'
		]);
	});

	describe('re-assessment', () => {
		const nodes = reassessment(keyed(content))!;

		it('compares the scored runs of a model with two or more, oldest first', () => {
			const histories = runHistories(content);
			expect(histories.map((h) => h.templateId)).toEqual(['test-model']);
			expect(histories[0]!.comparison.runs.map((r) => r.id)).toEqual(['run-1', 'run-2']);
			expect(nodes[0]).toMatchObject({ id: 'reassessment' });
			expect(headings(nodes, 'h2')).toEqual(['Test model']);
		});

		it('tables the runs side by side with the change since the first', () => {
			const [t] = tableStarting(nodes, 'assess.dimension');
			expect(t![0]).toEqual([
				'assess.dimension',
				`Baseline ${XSS}\nMar 1, 2026`,
				'Gate 2\nSep 1, 2026',
				'report.assessment.change'
			]);
			expect(t!.slice(1)).toEqual([
				['Dimension A', '1.5', '3.0', '+1.5'],
				['Dimension B', '3.0', '3.0', '0.0'],
				['report.assessment.overall', '2.0', '3.0', '+1.0'],
				['res.stage', 'Developing', 'Developing', '']
			]);
			expect(textsOf(nodes)).toContain('+1.0');
		});

		it('leaves out runs on another level scale', () => {
			const wider = aTemplate({
				version: '2.0.0',
				scale: [0, 1, 2, 3, 4, 5].map((value) => ({
					value,
					label: text(`L${value}`),
					descriptor: text('d')
				})),
				stages: [{ id: 's', from: 0, name: text('S'), description: text('S') }]
			});
			const mixed = engagement(
				[
					aRun(),
					aRun({ id: 'run-2', date: '2026-09-01', templateVersion: '2.0.0', answers: later })
				],
				[template, wider]
			);
			expect(runHistories(mixed)).toEqual([]);
			expect(reassessment(keyed(mixed))).toBeNull();
		});
	});
});

describe('assessmentDetail', () => {
	const nodes = assessmentDetail(keyed(engagement([aRun()])))!;
	const texts = textsOf(nodes);

	it('lists the participants, anonymous for a blank name', () => {
		const [t] = tableStarting(nodes, '#');
		expect(t!.slice(1)).toEqual([
			['1', 'Wang Min', 'Sponsor', 'Retail'],
			['2', 'assess.anonymous 2', '–', 'IT']
		]);
	});

	it('tables each question: today, median, range, spread, target, N/A and a discussion flag', () => {
		const t = tableStarting(nodes, 'res.question').filter((x) => x[0]!.length === 8);
		expect(t.map((x) => x.slice(1))).toEqual([
			[
				['Question 1', '3.0', '3', '2–4', '1.0', '4.5', '0', 'report.assessment.discuss'],
				['Question 2', '1.0', '1', '1–1', '0.0', '3.0', '1', '']
			],
			[['Question 3', '3.0', '3', '3–3', '0.0', '4.0', '0', '']]
		]);
		expect(headings(nodes, 'h3')).toEqual(['assess.people', 'Dimension A', 'Dimension B']);
	});

	it('prints evidence and reasons for "not applicable" where given, user text verbatim', () => {
		const [t] = tableStarting(nodes, 'res.question').filter((x) => x[0]!.length === 3);
		expect(t!.slice(1)).toEqual([
			['Question 1', 'Wang Min', `Weekly report ${XSS}`],
			['Question 2', 'assess.anonymous 2', 'res.na: Not our business']
		]);
		expect(texts).toContain('Kick-off');
	});
});

describe('assessment sections in each language', () => {
	it('formats dates and numbers in the report language', () => {
		const content = engagement([aRun({ date: '2026-03-01', title: 'T' })]);
		const line = (lang: Locale) =>
			textsOf(assessment(keyed(content, 'assessment', lang))!).find((t) =>
				t.startsWith('report.assessment.runLine T|')
			);
		expect(line('en')).toContain('Mar 1, 2026');
		expect(line('zh-CN')).toContain('2026年3月1日');
		expect(line('zh-TW')).toContain('2026年3月1日');
	});
});

describe('the sample engagement', () => {
	for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
		it(`reports the latest run and the re-assessment in ${lang}`, () => {
			const content = sampleContent(lang);
			const ctx = keyed(content, 'assessment', lang);
			const [latest] = latestRuns(content);
			expect(latest!.run.date).toBe('2026-10-15');
			const pinned = content.assessmentTemplates.find((t) => t.id === latest!.run.templateId)!;
			const direct = scoreAssessment(
				pinned,
				latest!.run.participants.map((p) => p.id),
				latest!.run.answers
			);
			expect(latest!.score).toEqual(direct);
			const [t] = tableStarting(assessment(ctx)!, 'assess.dimension');
			const overall = t!.at(-1)!;
			expect(overall[0]).toBe('report.assessment.overall');
			const from = pinned.dualScoring ? 2 : 1;
			expect(overall.slice(from, from + 2)).toEqual([
				ctx.number(direct.overall.current!, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
				ctx.number(direct.overall.target!, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
			]);
			expect(assessmentDetail(ctx)).not.toBeNull();
			const history = runHistories(content);
			expect(history).toHaveLength(1);
			expect(history[0]!.comparison.runs.map((r) => r.date)).toEqual(['2026-03-12', '2026-10-15']);
			expect(reassessment(ctx)).not.toBeNull();
		});
	}
});
