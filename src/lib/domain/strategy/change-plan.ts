/**
 * The enterprise change plan (全方位变革的支撑): the five supports a CRM strategy needs, each with
 * today, target and initiatives; and two diagnostic views, McKinsey's 7-S and Porter's favourable
 * conditions. Pure data rules and summaries.
 */

export const SUPPORTS = [
	'processes',
	'organisation',
	'locations',
	'dataFlows',
	'technology'
] as const;
export type Support = (typeof SUPPORTS)[number];

export const LEVELS = ['low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];

export const INITIATIVE_STATUSES = ['idea', 'planned', 'inProgress', 'done', 'dropped'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** Where an initiative sits on the impact × effort grid. */
export type Priority = 'quickWin' | 'majorProject' | 'fillIn' | 'reconsider';

/**
 * High impact and low effort: a quick win; high impact, high effort: a major project; low impact
 * and low effort: a fill-in; low impact, high effort: reconsider. Medium counts as the lower side
 * for impact and the higher side for effort, so that only clear cases come out as quick wins.
 */
export function priority(impact: Level | null, effort: Level | null): Priority | null {
	if (impact === null || effort === null) return null;
	const big = impact === 'high';
	const cheap = effort === 'low';
	if (big) return cheap ? 'quickWin' : 'majorProject';
	return cheap ? 'fillIn' : 'reconsider';
}

export interface InitiativeLike {
	support: Support;
	status: InitiativeStatus;
}

/** Per support: how many initiatives, how many done, and whether any is still open. */
export function supportProgress(
	initiatives: readonly InitiativeLike[]
): Record<Support, { total: number; done: number; open: number }> {
	const out = Object.fromEntries(
		SUPPORTS.map((s) => [s, { total: 0, done: 0, open: 0 }])
	) as Record<Support, { total: number; done: number; open: number }>;
	for (const i of initiatives) {
		if (i.status === 'dropped') continue;
		const p = out[i.support];
		p.total++;
		if (i.status === 'done') p.done++;
		else p.open++;
	}
	return out;
}

/** McKinsey 7-S: three hard elements and four soft ones. */
export const SEVEN_S = [
	'strategy',
	'structure',
	'systems',
	'style',
	'staff',
	'skills',
	'sharedValues'
] as const;
export type SevenS = (typeof SEVEN_S)[number];
export const HARD_S: readonly SevenS[] = ['strategy', 'structure', 'systems'];

/** Porter's favourable conditions for a market. */
export const PORTER_CONDITIONS = [
	'entryBarriers',
	'rivals',
	'substitutes',
	'buyers',
	'suppliers'
] as const;
export type PorterCondition = (typeof PORTER_CONDITIONS)[number];

/** A rating from 1 (poor) to 5 (strong), or null when not rated. */
export type Rating = 1 | 2 | 3 | 4 | 5;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5];

export interface RatingSummary {
	/** Mean of the rated items, or null if none is rated. */
	average: number | null;
	rated: number;
	/** The rated items with the lowest rating (ties all listed), the first place to act. */
	weakest: string[];
}

export function summariseRatings<K extends string>(
	ratings: Partial<Record<K, Rating | null>>
): RatingSummary {
	const rated = Object.entries(ratings).filter(
		(e): e is [string, Rating] => typeof e[1] === 'number'
	);
	if (rated.length === 0) return { average: null, rated: 0, weakest: [] };
	const min = Math.min(...rated.map(([, r]) => r));
	return {
		average: rated.reduce((sum, [, r]) => sum + r, 0) / rated.length,
		rated: rated.length,
		weakest: rated.filter(([, r]) => r === min).map(([k]) => k)
	};
}

const emptySide = (): { today: string; target: string } => ({ today: '', target: '' });
const emptyS = () => ({ today: '', target: '', alignment: null as number | null });
const emptyCondition = () => ({ rating: null as number | null, notes: '' });

/** Blank values, for new engagements and for files written before these parts existed. */
export const BLANK_CHANGE_PLAN = {
	supports: {
		processes: emptySide(),
		organisation: emptySide(),
		locations: emptySide(),
		dataFlows: emptySide(),
		technology: emptySide()
	},
	initiatives: [] as never[]
};
export const BLANK_SEVEN_S = {
	strategy: emptyS(),
	structure: emptyS(),
	systems: emptyS(),
	style: emptyS(),
	staff: emptyS(),
	skills: emptyS(),
	sharedValues: emptyS()
};
export const BLANK_PORTER = {
	entryBarriers: emptyCondition(),
	rivals: emptyCondition(),
	substitutes: emptyCondition(),
	buyers: emptyCondition(),
	suppliers: emptyCondition()
};
