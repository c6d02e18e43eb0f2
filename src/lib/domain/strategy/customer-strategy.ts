import type { Tier } from './segments.ts';

/**
 * Customer strategy per segment, in its four elements (understanding, competition, affinity,
 * management) and the relationship tactics a segment plan can pick from (see BRIEF.md).
 */

/** Who manages these customers. */
export const MANAGEMENT_MODELS = ['keyAccount', 'team', 'selfService'] as const;
export type ManagementModel = (typeof MANAGEMENT_MODELS)[number];

/** The library of relationship tactics. */
export const TACTICS = [
	'customerFirst',
	'trustLoyalty',
	'clubs',
	'education',
	'credit',
	'complaints',
	'records',
	'diplomacy',
	'service',
	'regularBenefits',
	'cooperation'
] as const;
export type Tactic = (typeof TACTICS)[number];

/**
 * Tactics that fit a tier, offered first on the page: deepening calls for closeness and personal
 * attention, keeping for loyalty at a reasonable cost, serving at the lowest cost for what works
 * without people.
 */
const FIT: Record<Tier, readonly Tactic[]> = {
	develop: ['diplomacy', 'clubs', 'regularBenefits', 'cooperation', 'records', 'service'],
	maintain: ['trustLoyalty', 'regularBenefits', 'complaints', 'education', 'records'],
	serve: ['education', 'complaints', 'records', 'customerFirst']
};

export function tacticsFor(tier: Tier): readonly Tactic[] {
	return FIT[tier];
}

/** The management model that usually fits a tier: named managers for the few worth the most. */
export function suggestedManagement(tier: Tier): ManagementModel {
	return tier === 'develop' ? 'keyAccount' : tier === 'maintain' ? 'team' : 'selfService';
}

/**
 * How complete a segment's strategy is: the four elements each count once filled (understanding
 * notes; a share to keep or a wallet goal; a cross- or up-sell offer; a management model), and a
 * fifth for at least one tactic. Returns 0–5.
 */
export function strategyCompleteness(s: {
	understanding: string;
	shareToKeep: number | null;
	walletGoal: number | null;
	crossSell: string;
	upSell: string;
	management: ManagementModel | null;
	tactics: readonly string[];
}): number {
	return [
		s.understanding.trim() !== '',
		s.shareToKeep !== null || s.walletGoal !== null,
		s.crossSell.trim() !== '' || s.upSell.trim() !== '',
		s.management !== null,
		s.tactics.length > 0
	].filter(Boolean).length;
}
