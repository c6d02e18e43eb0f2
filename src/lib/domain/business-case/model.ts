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

export interface CaseSettings {
	/** Years after year 0: 5 means years 0 to 5. */
	horizon: number;
	discountRate: number;
	currency: string;
}

export const DEFAULT_SETTINGS: Omit<CaseSettings, 'currency'> = { horizon: 5, discountRate: 0.1 };
/** The limits the forms and the file format hold inputs to (so nothing on screen is NaN). */
export const LIMITS = {
	horizon: { min: 1, max: 30 },
	discountRate: { min: 0, max: 1 },
	growth: { min: -0.5, max: 2 },
	risk: { min: 0, max: 1 },
	/** Low and high as multiples of the likely value, for scenarios and uncertainty. */
	range: { min: 0, max: 10 }
} as const;

export interface CaseOption {
	id: string;
	name: string;
	description: string;
	/** The do-nothing baseline the other options are measured against. */
	baseline: boolean;
}

/** Low and high as multiples of the entered (likely) value: 0.8 and 1.3 mean −20 % and +30 %. */
export interface Range {
	low: number;
	high: number;
}

export interface CostLine {
	id: string;
	optionId: string;
	category: CostCategory;
	label: string;
	/** Once, in `startYear`; or every year from `startYear` to `endYear` (null: the horizon). */
	recurring: boolean;
	startYear: number;
	endYear: number | null;
	/** Entered as an amount a year, or as quantity × unit price. */
	entry: 'amount' | 'unit';
	amount: number;
	quantity: number;
	unitPrice: number;
	/** Yearly growth of a recurring cost after its first year (0.03 = +3 % a year). */
	growth: number;
	/** The price is the vendor's list price, not a negotiated one. */
	listPrice: boolean;
	range: Range;
}

export interface BenefitLine {
	id: string;
	optionId: string;
	driver: BenefitDriver;
	label: string;
	/** Why the benefit arises; a line without a driver must say so. */
	rationale: string;
	/** retention, crossSell: the segment whose customers it counts. */
	segmentId: string | null;
	/** retention: the rise in the retention rate (0.02 = 2 points); crossSell: the take-up rate. */
	rate: number;
	/** crossSell: margin per sale; salesProductivity: cost of an hour; salesCycle: margin per deal (minor units). */
	unitValue: number;
	/** salesProductivity: hours saved a year; salesCycle: extra deals a year; costToServe: contacts moved a year. */
	count: number;
	/** costToServe: the channels the contacts move from and to. */
	fromChannelId: string | null;
	toChannelId: string | null;
	/** other: the amount a year (minor units). */
	amount: number;
	/** Share of the full benefit reached in year 1, 2, …; later years keep the last share. */
	rampUp: number[];
	/** Risk adjustment: the share taken off the benefit for the risk that it does not come (0.2 = 20 %). */
	risk: number;
	range: Range;
}

export interface BusinessCase {
	settings: CaseSettings;
	options: CaseOption[];
	costs: CostLine[];
	benefits: BenefitLine[];
	/** The option the executive summary reports, or null. */
	preferredOptionId: string | null;
}
