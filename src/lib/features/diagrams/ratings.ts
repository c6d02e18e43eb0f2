import { RATING_KEYS, type Rating } from '#lib/domain/journey/model.ts';
import type { DiagramLabels } from '#lib/domain/journey/mermaid-text.ts';
import { i18n } from '#lib/i18n/i18n.svelte.ts';

/** The words of a rating (a sign, a number and a word: never colour alone). */
export const ratingText = (r: number | null): string =>
	r === null || !(r in RATING_KEYS) ? i18n.t('rating.none') : i18n.t(RATING_KEYS[r as Rating]);

/** The labels the diagram text builders need, in the current language. */
export function diagramLabels(): DiagramLabels {
	return {
		untitled: i18n.t('touch.untitled'),
		noChannel: i18n.t('touch.noChannel'),
		rating: (r) => i18n.t(RATING_KEYS[r]),
		notRated: i18n.t('rating.none'),
		momentOfTruth: i18n.t('touch.moment')
	};
}
