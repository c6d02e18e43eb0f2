import type { z } from 'zod';
import type {
	assessmentAnswerSchema,
	assessmentParticipantSchema,
	assessmentSchema,
	assessmentTemplateSchema
} from '../schemas.ts';

/**
 * Assessments: a maturity or readiness template (a level scale, weighted dimensions of
 * questions, stage thresholds, recommendation rules) and the runs of it in an engagement.
 * The types come from the zod schemas (type-only import: no zod in code that only uses them).
 */
export type AssessmentTemplate = z.infer<typeof assessmentTemplateSchema>;
export type TemplateLevel = AssessmentTemplate['scale'][number];
export type TemplateDimension = AssessmentTemplate['dimensions'][number];
export type TemplateQuestion = TemplateDimension['questions'][number];
export type TemplateStage = AssessmentTemplate['stages'][number];
export type RecommendationRule = AssessmentTemplate['recommendations'][number];
export type Assessment = z.infer<typeof assessmentSchema>;
export type Participant = z.infer<typeof assessmentParticipantSchema>;
export type Answer = z.infer<typeof assessmentAnswerSchema>;

export const ASSESSMENT_TEMPLATE_KIND = 'crm-strategy-workbench/assessment-template';
export const ASSESSMENT_TEMPLATE_FORMAT_VERSION = 1;

/** What a recommendation rule measures: the current level, or the gap to the target. */
export const MEASURES = ['current', 'gap'] as const;
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** The key under which an engagement keeps a pinned template version. */
export const templateKey = (id: string, version: string) => `${id}@${version}`;

/** An answer with nothing in it yet. */
export function blankAnswer(participantId: string, questionId: string): Answer {
	return {
		participantId,
		questionId,
		current: null,
		target: null,
		intention: null,
		na: false,
		naReason: '',
		evidence: '',
		confidence: null
	};
}

/** Semantic versions compared part by part: 1.10.0 is later than 1.9.3. */
export function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < 3; i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}

export function scaleRange(template: Pick<AssessmentTemplate, 'scale'>): {
	min: number;
	max: number;
} {
	const values = template.scale.map((l) => l.value);
	return { min: Math.min(...values), max: Math.max(...values) };
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDay(v: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
	const d = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
