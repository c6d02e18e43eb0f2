import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aTemplate, anAnswer } from '../../../../test/factories.ts';
import type { Answer, AssessmentTemplate } from './model.ts';
import { compareRuns, scoreAssessment, spreadOf, stageOf, toPercent } from './scoring.ts';

/*
 * The hand-worked example (scale 1–5; a = 2 × [q1 × 1, q2 × 3], b = 1 × [q3 × 1]):
 *   q1: p1 2→4, p2 4→5      current 3, target 4.5, gap 1.5, two levels apart: flagged
 *   q2: p1 1→3, p2 N/A      current 1, target 3, gap 2
 *   q3: p1 3→4, p2 3→4      current 3, target 4, gap 1
 *   a: current (3×1 + 1×3)/4 = 1.5, target (4.5 + 9)/4 = 3.375, gap 1.875
 *   b: current 3, target 4, gap 1
 *   overall: current (2×1.5 + 3)/3 = 2, target (2×3.375 + 4)/3 = 3.58333…, gap 1.58333…
 *   0–100: current (2 − 1)/4 × 100 = 25; target 64.5833…
 *   priority: a 1.875/4 × 100 × 2/3 = 31.25; b 1/4 × 100 × 1/3 = 8.333…
 *             q1 1.5/4 × 100 × 1/4 × 2/3 = 6.25; q2 2/4 × 100 × 3/4 × 2/3 = 25; q3 = 8.333…
 */
const people = ['p1', 'p2'];
const example: Answer[] = [
	anAnswer('p1', 'q1', 2, 4),
	anAnswer('p2', 'q1', 4, 5),
	anAnswer('p1', 'q2', 1, 3),
	anAnswer('p2', 'q2', 5, 5, { na: true, naReason: 'Not our business' }),
	anAnswer('p1', 'q3', 3, 4),
	anAnswer('p2', 'q3', 3, 4)
];

describe('scoreAssessment: the hand-worked example', () => {
	const score = scoreAssessment(
		aTemplate({
			recommendations: [
				{ id: 'r1', dimension: 'a', measure: 'current', max: 2, text: t('A is weak') },
				{ id: 'r2', question: 'q3', measure: 'gap', min: 2, text: t('q3 far from target') },
				{ id: 'r3', question: 'q2', measure: 'gap', min: 2, text: t('q2 far from target') },
				{ id: 'r4', dimension: 'b', measure: 'current', max: 2.5, text: t('B is weak') }
			]
		}),
		people,
		example
	);
	const q = (id: string) => score.questions.find((x) => x.id === id)!;
	const d = (id: string) => score.dimensions.find((x) => x.id === id)!;

	it('aggregates each question over the participants, N/A left out', () => {
		expect(q('q1').current).toEqual({ n: 2, mean: 3, median: 3, min: 2, max: 4, sd: 1 });
		expect(q('q1').target?.mean).toBe(4.5);
		expect(q('q1').gap).toBe(1.5);
		expect(q('q1').disagreement).toBe(true);
		expect(q('q1').distribution).toEqual([0, 1, 0, 1, 0]);
		expect(q('q2').current?.n).toBe(1);
		expect(q('q2').na).toBe(1);
		expect(q('q2').gap).toBe(2);
		expect(q('q3').disagreement).toBe(false);
	});

	it('weights questions into dimensions and dimensions into the overall score', () => {
		expect(d('a')).toMatchObject({ current: 1.5, target: 3.375, gap: 1.875, answered: 2 });
		expect(d('b')).toMatchObject({ current: 3, target: 4, gap: 1 });
		expect(score.overall.current).toBe(2);
		expect(score.overall.target).toBeCloseTo(3.583333333, 8);
		expect(score.overall.gap).toBeCloseTo(1.583333333, 8);
		expect(toPercent(score.overall.current!, score.min, score.max)).toBe(25);
		expect(toPercent(score.overall.target!, score.min, score.max)).toBeCloseTo(64.583333, 5);
	});

	it('ranks by priority: the overall points that closing the gap would bring', () => {
		expect(d('a').priority).toBeCloseTo(31.25, 10);
		expect(d('b').priority).toBeCloseTo(8.333333, 5);
		expect(q('q1').priority).toBeCloseTo(6.25, 10);
		expect(q('q2').priority).toBeCloseTo(25, 10);
		expect(q('q3').priority).toBeCloseTo(8.333333, 5);
		expect(q('q1').priority! + q('q2').priority!).toBeCloseTo(d('a').priority!, 10);
	});

	it('names the stage and fires the rules whose range holds, highest priority first', () => {
		expect(score.stage?.id).toBe('developing');
		expect(score.recommendations.map((f) => [f.rule.id, f.value])).toEqual([
			['r1', 1.5],
			['r3', 2]
		]);
	});
});

function t(en: string) {
	return { 'zh-CN': en, 'zh-TW': en, en };
}

describe('scoreAssessment: edges', () => {
	it('a dimension answered N/A throughout drops out and the others carry the weight', () => {
		const score = scoreAssessment(
			aTemplate(),
			['p1'],
			[
				anAnswer('p1', 'q1', null, null, { na: true, naReason: 'n/a' }),
				anAnswer('p1', 'q2', null, null, { na: true, naReason: 'n/a' }),
				anAnswer('p1', 'q3', 4, 5)
			]
		);
		expect(score.dimensions[0]!.current).toBeNull();
		expect(score.dimensions[0]!.share).toBe(0);
		expect(score.dimensions[1]!.share).toBe(1);
		expect(score.overall.current).toBe(4);
		expect(score.stage?.id).toBe('defined');
	});

	it('takes gaps from people who gave both levels, so a missing target never reads as a fall', () => {
		// q1: today 1 → target 2; q2: today 5, no target. Dimension a: today (1 + 3×5)/4 = 4,
		// target 2 (q1 only), gap 1 (q1 only), not 2 − 4.
		const score = scoreAssessment(
			aTemplate(),
			['p1', 'p2'],
			[
				anAnswer('p1', 'q1', 1, 2),
				anAnswer('p1', 'q2', 5, null),
				// Within a question too: p1 gives 1 → 3, p2 only today 5; the gap is p1's, 2.
				anAnswer('p1', 'q3', 1, 3),
				anAnswer('p2', 'q3', 5, null)
			]
		);
		const a = score.dimensions[0]!;
		expect([a.current, a.target, a.gap]).toEqual([4, 2, 1]);
		expect(score.questions.find((q) => q.id === 'q3')!.gap).toBe(2);
		// Overall gap: (2 × 1 + 1 × 2) / 3.
		expect(score.overall.gap).toBeCloseTo(4 / 3, 10);
	});

	it('ignores answers of people no longer taking part and levels off the scale', () => {
		const score = scoreAssessment(
			aTemplate(),
			['p1'],
			[anAnswer('p1', 'q3', 2), anAnswer('gone', 'q3', 5), anAnswer('p1', 'q1', 9)]
		);
		expect(score.questions.find((q) => q.id === 'q3')!.current?.mean).toBe(2);
		expect(score.questions.find((q) => q.id === 'q1')!.current).toBeNull();
	});

	it('scores nothing (and names no stage) before anyone answers', () => {
		const score = scoreAssessment(aTemplate(), [], []);
		expect(score.overall).toEqual({ current: null, target: null, intention: null, gap: null });
		expect(score.stage).toBeNull();
		expect(score.recommendations).toEqual([]);
	});

	it('scores intention only for dual-scored templates', () => {
		const answers = [anAnswer('p1', 'q3', 2, 4, { intention: 4 })];
		expect(scoreAssessment(aTemplate(), ['p1'], answers).overall.intention).toBeNull();
		expect(
			scoreAssessment(aTemplate({ dualScoring: true }), ['p1'], answers).overall.intention
		).toBe(4);
	});

	it('takes the median of an even count as the mean of the middle two', () => {
		expect(spreadOf([1, 4, 2, 5])).toMatchObject({ median: 3, mean: 3, min: 1, max: 5 });
		expect(spreadOf([])).toBeNull();
	});

	it('reaches a stage threshold written with one decimal despite float error', () => {
		const stages = aTemplate().stages;
		expect(stageOf(stages, 3.4999999999999996 + 1e-12)?.id).toBe('defined');
		expect(stageOf(stages, 1.9)?.id).toBe('initial');
	});
});

describe('compareRuns', () => {
	it('lines runs up by date and by dimension id', () => {
		const template = aTemplate();
		const later = scoreAssessment(
			template,
			['p1'],
			[anAnswer('p1', 'q1', 3), anAnswer('p1', 'q3', 4)]
		);
		const earlier = scoreAssessment(template, ['p1'], [anAnswer('p1', 'q3', 2)]);
		const cmp = compareRuns([
			{ id: 'r2', date: '2026-10-01', title: 'Gate 1', score: later },
			{ id: 'r1', date: '2026-03-01', title: 'Baseline', score: earlier }
		]);
		expect(cmp.dimensionIds).toEqual(['a', 'b']);
		expect(cmp.runs.map((r) => [r.id, r.dimensions.a, r.dimensions.b])).toEqual([
			['r1', null, 2],
			['r2', 3, 4]
		]);
	});
});

/* ---------- properties ---------- */

const arbTemplate: fc.Arbitrary<AssessmentTemplate> = fc
	.record({
		min: fc.integer({ min: 0, max: 2 }),
		levels: fc.integer({ min: 2, max: 7 }),
		dims: fc.array(
			fc.record({
				weight: fc.double({ min: 0.01, max: 1000, noNaN: true }),
				questions: fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), {
					minLength: 1,
					maxLength: 6
				})
			}),
			{ minLength: 1, maxLength: 5 }
		)
	})
	.map(({ min, levels, dims }) => {
		const base = aTemplate();
		return {
			...base,
			scale: Array.from({ length: levels }, (_, i) => ({ ...base.scale[0]!, value: min + i })),
			stages: [{ ...base.stages[0]!, from: min }],
			dimensions: dims.map((d, i) => ({
				id: `d${i}`,
				title: base.title,
				weight: d.weight,
				questions: d.questions.map((w, j) => ({ id: `d${i}q${j}`, text: base.title, weight: w }))
			}))
		};
	});

/** A template and answers from up to 4 participants, some N/A, some missing. */
const arbRun = arbTemplate.chain((template) => {
	const min = template.scale[0]!.value;
	const max = template.scale[template.scale.length - 1]!.value;
	const ids = template.dimensions.flatMap((d) => d.questions.map((q) => q.id));
	const level = fc.option(fc.integer({ min, max }), { nil: null });
	const answer = (p: string, q: string) =>
		fc
			.record({
				current: level,
				target: level,
				na: fc.integer({ min: 0, max: 7 }).map((n) => n === 0)
			})
			.map((a) => anAnswer(p, q, a.current, a.target, { na: a.na, naReason: a.na ? 'x' : '' }));
	return fc
		.tuple(...['p1', 'p2', 'p3', 'p4'].flatMap((p) => ids.map((q) => answer(p, q))))
		.map((answers) => ({ template, answers, min, max }));
});

const within = (v: number | null, min: number, max: number) =>
	v === null || (v >= min - 1e-9 && v <= max + 1e-9);

describe('scoring properties', () => {
	it('every score stays within the scale, whatever the weights', () => {
		fc.assert(
			fc.property(arbRun, ({ template, answers, min, max }) => {
				const s = scoreAssessment(template, ['p1', 'p2', 'p3', 'p4'], answers);
				for (const x of [...s.dimensions, s.overall])
					for (const v of [x.current, x.target]) if (!within(v, min, max)) return false;
				return s.questions.every((q) => within(q.current?.mean ?? null, min, max));
			}),
			{ numRuns: 300 }
		);
	});

	it('raising any one answer never lowers a score', () => {
		fc.assert(
			fc.property(arbRun, fc.nat(), ({ template, answers, max }, pick) => {
				const raisable = answers.filter((a) => !a.na && a.current !== null && a.current < max);
				if (raisable.length === 0) return true;
				const chosen = raisable[pick % raisable.length]!;
				const raised = answers.map((a) => (a === chosen ? { ...a, current: a.current! + 1 } : a));
				const people = ['p1', 'p2', 'p3', 'p4'];
				const before = scoreAssessment(template, people, answers);
				const after = scoreAssessment(template, people, raised);
				const dim = after.dimensions.find((d) => d.id === chosen.questionId.split('q')[0])!;
				const dimBefore = before.dimensions.find((d) => d.id === dim.id)!;
				return (
					dim.current! > dimBefore.current! - 1e-9 &&
					after.overall.current! > before.overall.current! - 1e-9 &&
					after.overall.current! >= before.overall.current!
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('does not depend on the order of dimensions, questions or answers', () => {
		fc.assert(
			fc.property(arbRun, fc.integer(), ({ template, answers }, seed) => {
				const shuffle = <T>(list: readonly T[]) =>
					list
						.map((x, i) => ({ x, k: Math.sin(seed + i * 7.1) }))
						.sort((a, b) => a.k - b.k)
						.map(({ x }) => x);
				const shuffled: AssessmentTemplate = {
					...template,
					dimensions: shuffle(template.dimensions).map((d) => ({
						...d,
						questions: shuffle(d.questions)
					}))
				};
				const people = ['p1', 'p2', 'p3', 'p4'];
				const a = scoreAssessment(template, people, answers);
				const b = scoreAssessment(shuffled, people, shuffle(answers));
				const close = (x: number | null, y: number | null) =>
					x === null ? y === null : y !== null && Math.abs(x - y) < 1e-9;
				return (
					close(a.overall.current, b.overall.current) &&
					close(a.overall.target, b.overall.target) &&
					a.dimensions.every((d) => {
						const e = b.dimensions.find((x) => x.id === d.id)!;
						return close(d.current, e.current) && close(d.priority, e.priority);
					})
				);
			}),
			{ numRuns: 300 }
		);
	});
});
