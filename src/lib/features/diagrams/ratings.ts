import type { MessageKey } from '#lib/i18n/messages/en.ts';
import type { Rating } from '#lib/domain/journey/model.ts';
import type { DiagramLabels } from '#lib/domain/journey/mermaid-text.ts';
import { i18n } from '#lib/i18n/i18n.svelte.ts';

/** The words of each experience rating (a sign, a number and a word: never colour alone). */
export const RATING_KEY: Record<Rating, MessageKey> = {
	[-2]: 'rating.neg2',
	[-1]: 'rating.neg1',
	0: 'rating.zero',
	1: 'rating.pos1',
	2: 'rating.pos2'
};

export const ratingText = (r: number | null): string =>
	r === null || !(r in RATING_KEY) ? i18n.t('rating.none') : i18n.t(RATING_KEY[r as Rating]);

/** The labels the diagram text builders need, in the current language. */
export function diagramLabels(): DiagramLabels {
	return {
		untitled: i18n.t('touch.untitled'),
		noChannel: i18n.t('touch.noChannel'),
		rating: (r) => i18n.t(RATING_KEY[r]),
		notRated: i18n.t('rating.none'),
		momentOfTruth: i18n.t('touch.moment')
	};
}
