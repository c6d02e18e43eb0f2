import {
	scaleRange,
	type Answer,
	type AssessmentTemplate,
	type RecommendationRule,
	type TemplateStage
} from './model.ts';

/**
 * Scoring an assessment run: pure arithmetic on a template and the participants' answers.
 *
 * How the numbers are made (also in the README):
 * 1. Per question, each field (current, target, intention) is aggregated over the participants
 *    who gave it, N/A answers left out: the mean is the score; the median, the lowest, the
 *    highest and the standard deviation (population) describe the spread.
 * 2. A dimension's score is the weighted mean of its questions' scores, over the questions that
 *    have one. A question with no score (all N/A, or not answered) drops out and the weights of
 *    the rest are shared out again. A weighted mean lies between its lowest and highest input,
 *    so no weight can push a score off the scale.
 * 3. The overall score is the weighted mean of the dimension scores, the same way.
 * 4. gap = target − current, in levels. For a question it is the mean, over the people who gave
 *    both levels, of each one's own gap; for a dimension and overall, the weighted mean of the
 *    gaps below it, the same way as the scores. (So a missing target never reads as a fall.) A
 *    score as 0–100 is (score − lowest level) ÷ (highest − lowest) × 100.
 * 5. Priority: the points the overall 0–100 score would gain if the gap were closed, that is
 *    gap ÷ (highest − lowest) × 100 × the item's share of the overall weight. It grows with both
 *    the gap and the weight; when every scored question has a gap, a dimension's priority is
 *    the sum of its questions'.
 * 6. The stage is the last one whose threshold the overall current score reaches.
 * Nothing is rounded here; the UI rounds for display only.
 */

/** Participants this many levels apart (or more) on one question are flagged for discussion. */
export const DISAGREEMENT_LEVELS = 2;
/** Floating-point slack for thresholds written with one decimal (2.8 must catch 2.7999…). */
const EPS = 1e-9;

export interface Spread {
	/** How many participants gave a level. */
	n: number;
	mean: number;
	median: number;
	min: number;
	max: number;
	/** Population standard deviation. */
	sd: number;
}

export interface QuestionScore {
	id: string;
	dimensionId: string;
	current: Spread | null;
	target: Spread | null;
	intention: Spread | null;
	gap: number | null;
	/** Answers marked not applicable. */
	na: number;
	/** How many participants chose each level for today (index 0 is the lowest level). */
	distribution: number[];
	disagreement: boolean;
	/** Share of the overall weight (0–1) while the question has a current score. */
	share: number;
	priority: number | null;
}

export interface Score {
	current: number | null;
	target: number | null;
	intention: number | null;
	gap: number | null;
}

export interface DimensionScore extends Score {
	id: string;
	/** Questions with a current score, out of all the dimension's questions. */
	answered: number;
	questions: number;
	share: number;
	priority: number | null;
}

export interface FiredRule {
	rule: RecommendationRule;
	/** The value the rule read (a current level or a gap, in levels). */
	value: number;
	/** The priority of the dimension or question it reads. */
	priority: number | null;
}

export interface AssessmentScore {
	min: number;
	max: number;
	questions: QuestionScore[];
	dimensions: DimensionScore[];
	overall: Score;
	stage: TemplateStage | null;
	recommendations: FiredRule[];
}

export function spreadOf(values: readonly number[]): Spread | null {
	const n = values.length;
	if (n === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mean = sorted.reduce((s, v) => s + v, 0) / n;
	const mid = Math.floor(n / 2);
	const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
	const variance = sorted.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
	return { n, mean, median, min: sorted[0]!, max: sorted[n - 1]!, sd: Math.sqrt(variance) };
}

/** The weighted mean of the items that have a value; null when none has. */
function weightedMean(items: ReadonlyArray<{ value: number | null; weight: number }>) {
	let sum = 0;
	let weights = 0;
	for (const { value, weight } of items) {
		if (value === null) continue;
		sum += value * weight;
		weights += weight;
	}
	return weights > 0 ? sum / weights : null;
}

/** A level on the 0–100 scale. */
export function toPercent(value: number, min: number, max: number): number {
	return ((value - min) / (max - min)) * 100;
}

/**
 * Scores a run. Answers from people not in `participantIds`, for questions the template does
 * not have, or off the scale, are ignored.
 */
export function scoreAssessment(
	template: AssessmentTemplate,
	participantIds: readonly string[],
	answers: readonly Answer[]
): AssessmentScore {
	const { min, max } = scaleRange(template);
	const range = max - min;
	const people = new Set(participantIds);
	const onScale = (v: number | null): v is number => v !== null && v >= min && v <= max;
	const byQuestion = new Map<string, Answer[]>();
	for (const a of answers) {
		if (!people.has(a.participantId)) continue;
		let list = byQuestion.get(a.questionId);
		if (!list) byQuestion.set(a.questionId, (list = []));
		list.push(a);
	}

	const questions: QuestionScore[] = [];
	const dimensions: DimensionScore[] = [];
	for (const d of template.dimensions) {
		const scored = d.questions.map((q) => {
			const given = (byQuestion.get(q.id) ?? []).filter((a) => !a.na);
			const field = (f: 'current' | 'target' | 'intention') =>
				spreadOf(given.map((a) => a[f]).filter(onScale));
			const current = field('current');
			const distribution = Array.from({ length: range + 1 }, () => 0);
			for (const a of given) if (onScale(a.current)) distribution[a.current - min]!++;
			const target = field('target');
			const gaps = given.flatMap((a) =>
				onScale(a.current) && onScale(a.target) ? [a.target - a.current] : []
			);
			return {
				q,
				score: {
					id: q.id,
					dimensionId: d.id,
					current,
					target,
					intention: template.dualScoring ? field('intention') : null,
					gap: gaps.length ? gaps.reduce((x, y) => x + y, 0) / gaps.length : null,
					na: (byQuestion.get(q.id) ?? []).length - given.length,
					distribution,
					disagreement: current !== null && current.max - current.min >= DISAGREEMENT_LEVELS,
					share: 0,
					priority: null
				} satisfies QuestionScore
			};
		});
		const mean = (f: 'current' | 'target' | 'intention') =>
			weightedMean(
				scored.map(({ q, score }) => ({ value: score[f]?.mean ?? null, weight: q.weight }))
			);
		const current = mean('current');
		const target = mean('target');
		dimensions.push({
			id: d.id,
			current,
			target,
			intention: template.dualScoring ? mean('intention') : null,
			gap: weightedMean(scored.map(({ q, score }) => ({ value: score.gap, weight: q.weight }))),
			answered: scored.filter(({ score }) => score.current !== null).length,
			questions: d.questions.length,
			share: 0,
			priority: null
		});
		questions.push(...scored.map(({ score }) => score));
	}

	// Shares of the overall weight, among what has a current score.
	const dimensionWeights = template.dimensions.reduce(
		(sum, d, i) => sum + (dimensions[i]!.current === null ? 0 : d.weight),
		0
	);
	const priorityOf = (gap: number | null, share: number) =>
		gap === null ? null : (gap / range) * 100 * share;
	let qi = 0;
	template.dimensions.forEach((d, i) => {
		const dim = dimensions[i]!;
		dim.share = dim.current === null ? 0 : d.weight / dimensionWeights;
		dim.priority = priorityOf(dim.gap, dim.share);
		const own = questions.slice(qi, qi + d.questions.length);
		qi += d.questions.length;
		const questionWeights = d.questions.reduce(
			(sum, q, j) => sum + (own[j]!.current === null ? 0 : q.weight),
			0
		);
		d.questions.forEach((q, j) => {
			const score = own[j]!;
			score.share = score.current === null ? 0 : (q.weight / questionWeights) * dim.share;
			score.priority = priorityOf(score.gap, score.share);
		});
	});

	const overallMean = (f: 'current' | 'target' | 'intention' | 'gap') =>
		weightedMean(
			template.dimensions.map((d, i) => ({ value: dimensions[i]![f], weight: d.weight }))
		);
	const overall: Score = {
		current: overallMean('current'),
		target: overallMean('target'),
		intention: template.dualScoring ? overallMean('intention') : null,
		gap: overallMean('gap')
	};

	return {
		min,
		max,
		questions,
		dimensions,
		overall,
		stage: stageOf(template.stages, overall.current),
		recommendations: fireRules(template.recommendations, dimensions, questions)
	};
}

export function stageOf(
	stages: readonly TemplateStage[],
	score: number | null
): TemplateStage | null {
	if (score === null) return null;
	let stage: TemplateStage | null = null;
	for (const s of stages) if (score + EPS >= s.from) stage = s;
	return stage;
}

function fireRules(
	rules: readonly RecommendationRule[],
	dimensions: readonly DimensionScore[],
	questions: readonly QuestionScore[]
): FiredRule[] {
	const dims = new Map(dimensions.map((d) => [d.id, d]));
	const qs = new Map(questions.map((q) => [q.id, q]));
	const fired: FiredRule[] = [];
	for (const rule of rules) {
		const scope =
			rule.dimension !== undefined ? dims.get(rule.dimension) : qs.get(rule.question ?? '');
		if (!scope) continue;
		const current = 'answered' in scope ? scope.current : (scope.current?.mean ?? null);
		const value = rule.measure === 'gap' ? scope.gap : current;
		if (value === null) continue;
		if (rule.min !== undefined && value < rule.min - EPS) continue;
		if (rule.max !== undefined && value > rule.max + EPS) continue;
		fired.push({ rule, value, priority: scope.priority });
	}
	// The largest priority first; rules without one keep the template's order, after them.
	return fired
		.map((f, i) => ({ f, i }))
		.sort((a, b) => (b.f.priority ?? -Infinity) - (a.f.priority ?? -Infinity) || a.i - b.i)
		.map(({ f }) => f);
}

export interface RunPoint {
	id: string;
	date: string;
	title: string;
	score: AssessmentScore;
}

export interface RunComparison {
	/** Dimension ids in the order of the latest run's template, then any only earlier runs had. */
	dimensionIds: string[];
	runs: Array<{
		id: string;
		date: string;
		title: string;
		overall: number | null;
		/** Current score per dimension id; null where that run has no score or no such dimension. */
		dimensions: Record<string, number | null>;
	}>;
}

/** Runs of one model side by side, oldest first, matched by dimension id across versions. */
export function compareRuns(runs: readonly RunPoint[]): RunComparison {
	const ordered = [...runs].sort(
		(a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)
	);
	const ids: string[] = [];
	for (const run of [...ordered].reverse())
		for (const d of run.score.dimensions) if (!ids.includes(d.id)) ids.push(d.id);
	return {
		dimensionIds: ids,
		runs: ordered.map((run) => {
			const byId = new Map(run.score.dimensions.map((d) => [d.id, d.current]));
			return {
				id: run.id,
				date: run.date,
				title: run.title,
				overall: run.score.overall.current,
				dimensions: Object.fromEntries(ids.map((id) => [id, byId.get(id) ?? null]))
			};
		})
	};
}
