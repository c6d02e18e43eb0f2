import type { z } from 'zod';
import type {
	benefitLineSchema,
	businessCaseSchema,
	caseOptionSchema,
	costLineSchema
} from '../schemas.ts';

/**
 * The business case of the CRM programme: options side by side (one may be the do-nothing
 * baseline), their cost lines and benefit lines, and the settings. Money is in integer minor
 * units of `settings.currency` where the user enters it; rates are decimals.
 */

export const COST_CATEGORIES = [
	'licences',
	'infrastructure',
	'implementation',
	'integration',
	'dataMigration',
	'customisation',
	'training',
	'internalStaff',
	'changeManagement',
	'support',
	'upgrades',
	'outsourcedSeats',
	'exit'
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const BENEFIT_DRIVERS = [
	'retention',
	'crossSell',
	'salesProductivity',
	'salesCycle',
	'costToServe',
	'other'
] as const;
export type BenefitDriver = (typeof BENEFIT_DRIVERS)[number];

export const SCENARIOS = ['conservative', 'expected', 'optimistic'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const DEFAULT_SETTINGS = { horizon: 5, discountRate: 0.1 };
/** The limits the forms and the file format hold inputs to (so nothing on screen is NaN). */
export const LIMITS = {
	horizon: { min: 1, max: 30 },
	discountRate: { min: 0, max: 1 },
	growth: { min: -0.5, max: 2 },
	risk: { min: 0, max: 1 },
	/** Low and high as multiples of the likely value, for scenarios and uncertainty. */
	range: { min: 0, max: 10 }
} as const;

// The types come from the zod schemas in schemas.ts (one definition for validation, types and
// the published JSON Schema); a type-only import keeps zod out of code that only uses them.
export type BusinessCase = z.infer<typeof businessCaseSchema>;
export type CaseSettings = BusinessCase['settings'];
export type CaseOption = z.infer<typeof caseOptionSchema>;
export type CostLine = z.infer<typeof costLineSchema>;
export type BenefitLine = z.infer<typeof benefitLineSchema>;
/** Low and high as multiples of the entered (likely) value: 0.8 and 1.3 mean −20 % and +30 %. */
export type Range = CostLine['range'];

/** An engagement's business case before anything is entered, in its currency. */
export function blankBusinessCase(currency: string): BusinessCase {
	return {
		settings: { ...DEFAULT_SETTINGS, currency },
		options: [],
		costs: [],
		benefits: [],
		preferredOptionId: null
	};
}
