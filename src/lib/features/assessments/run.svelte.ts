import {
	templateKey,
	type Assessment,
	type AssessmentTemplate
} from '#lib/domain/assessment/model.ts';
import type { EngagementContent } from '#lib/domain/engagement/profile.ts';
import { scoreAssessment } from '#lib/domain/assessment/scoring.ts';
import type { EngagementSession } from '#lib/features/workspace/index.ts';
import { i18n } from '#lib/i18n/i18n.svelte.ts';
import { pinnedChecker } from './library.ts';

/** The copy of a run's template version that the engagement keeps (not yet checked in full). */
export function pinnedCopy(
	content: EngagementContent,
	run: Pick<Assessment, 'templateId' | 'templateVersion'>
): AssessmentTemplate | undefined {
	const key = templateKey(run.templateId, run.templateVersion);
	return content.assessmentTemplates.find((t) => templateKey(t.id, t.version) === key);
}

/**
 * One assessment run as the pages see it: the run, its pinned template (fully checked before
 * use), and its scores, all following the engagement as it changes.
 */
export class RunView {
	#session: () => EngagementSession;
	#id: () => string;
	#check = $state<((t: AssessmentTemplate) => AssessmentTemplate | null) | null>(null);

	constructor(session: () => EngagementSession, id: () => string) {
		this.#session = session;
		this.#id = id;
		void pinnedChecker(i18n.locale).then((check) => (this.#check = check));
	}

	readonly run = $derived.by(
		() => this.#session().content?.assessments.find((a) => a.id === this.#id()) ?? null
	);

	/** undefined while the checker loads; null when the copy is damaged. */
	readonly template = $derived.by((): AssessmentTemplate | null | undefined => {
		const run = this.run;
		if (!run || !this.#check) return undefined;
		const raw = pinnedCopy(this.#session().content!, run);
		return raw ? this.#check(raw) : null;
	});

	/** A template copy of this engagement, fully checked; null when damaged or still loading. */
	checked(template: AssessmentTemplate | undefined): AssessmentTemplate | null {
		return template && this.#check ? this.#check(template) : null;
	}

	readonly score = $derived.by(() => {
		const run = this.run;
		const template = this.template;
		if (!run || !template) return null;
		return scoreAssessment(
			template,
			run.participants.map((p) => p.id),
			run.answers
		);
	});

	/** Questions in template order, each with its dimension. */
	readonly questions = $derived(
		this.template ? this.template.dimensions.flatMap((d) => d.questions.map((q) => ({ q, d }))) : []
	);
}
