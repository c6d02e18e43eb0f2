/**
 * Segment economics: shares, customer lifetime value, the Pareto (80/20) curve and a suggested
 * tier. Pure functions on plain numbers. Money is in integer minor units (fen, cents); rates are
 * decimals (0.85 = 85 %). Results are unrounded; the UI rounds for display.
 */

export const TIERS = ['develop', 'maintain', 'serve'] as const;
/** develop: deepen the relationship; maintain: keep; serve: serve at the lowest cost. */
export type Tier = (typeof TIERS)[number];

export interface SegmentEconomics {
	id: string;
	/** Number of customers in the segment. */
	customers: number;
	/** Annual revenue of the whole segment, minor units. */
	revenue: number;
	/** Gross margin on that revenue, as a decimal. */
	grossMargin: number;
	/** Share of customers kept each year, as a decimal. */
	retention: number;
	/** Cost to win one new customer, minor units. */
	acquisitionCost: number;
	/** Yearly cost to serve one customer (sales, service, marketing), minor units. */
	costToServe: number;
	/** Expected yearly growth of the segment's revenue, as a decimal (may be negative). */
	growth: number;
}

export interface SegmentMetrics {
	id: string;
	/** Gross profit less the cost to serve: revenue × margin − customers × cost to serve. */
	profit: number;
	revenueShare: number;
	profitShare: number;
	customerShare: number;
	/** Yearly margin per customer: profit ÷ customers. */
	marginPerCustomer: number;
	/** m × (1 + d) ÷ (1 + d − r) − acquisition cost; null when there are no customers. */
	lifetimeValue: number | null;
	/**
	 * Margin per customer ÷ the average margin per customer over all segments: above 1, a customer
	 * here is worth more than the average customer. Null with no customers, or when the segments
	 * together make no profit (there is then no meaningful average).
	 */
	valueIndex: number | null;
	suggestedTier: Tier;
	/** Why the tier was suggested, as a code the UI words in the user's language. */
	tierReason: TierReason;
}

export type TierReason =
	'lossMaking' | 'highValue' | 'growingAboveAverage' | 'lowValue' | 'average' | 'noCustomers';

export const DEFAULT_DISCOUNT_RATE = 0.1;

export function segmentProfit(s: SegmentEconomics): number {
	return s.revenue * s.grossMargin - s.customers * s.costToServe;
}

/**
 * Customer lifetime value with margins received at the start of each year and retention r:
 * the sum over years t ≥ 0 of m · rᵗ ÷ (1 + d)ᵗ = m · (1 + d) ÷ (1 + d − r), less the cost of
 * winning the customer.
 */
export function lifetimeValue(
	marginPerCustomer: number,
	retention: number,
	acquisitionCost: number,
	discountRate = DEFAULT_DISCOUNT_RATE
): number {
	return (
		(marginPerCustomer * (1 + discountRate)) / (1 + discountRate - retention) - acquisitionCost
	);
}

/**
 * The suggested tier:
 * - serve at the lowest cost when the segment loses money, or a customer is worth less than half
 *   the average (value index < 0.5);
 * - develop when a customer is worth at least 1.5 times the average customer (the value index:
 *   margin per customer ÷ the average margin per customer of all segments), or more than the
 *   average in a segment that grows at least 5 % a year;
 * - maintain otherwise.
 */
export function suggestTier(
	profit: number,
	valueIndex: number | null,
	growth: number,
	customers = 1
): { tier: Tier; reason: TierReason } {
	if (customers <= 0) return { tier: 'serve', reason: 'noCustomers' };
	if (profit <= 0) return { tier: 'serve', reason: 'lossMaking' };
	// A profitable segment while the segments together lose money: no average to compare with.
	if (valueIndex === null) return { tier: 'maintain', reason: 'average' };
	if (valueIndex >= 1.5) return { tier: 'develop', reason: 'highValue' };
	if (valueIndex > 1 && growth >= 0.05) return { tier: 'develop', reason: 'growingAboveAverage' };
	if (valueIndex < 0.5) return { tier: 'serve', reason: 'lowValue' };
	return { tier: 'maintain', reason: 'average' };
}

const share = (part: number, total: number) => (total === 0 ? 0 : part / total);

export function segmentMetrics(
	segments: readonly SegmentEconomics[],
	discountRate = DEFAULT_DISCOUNT_RATE
): SegmentMetrics[] {
	const profits = segments.map(segmentProfit);
	const totalRevenue = segments.reduce((sum, s) => sum + s.revenue, 0);
	const totalCustomers = segments.reduce((sum, s) => sum + s.customers, 0);
	// Shares of profit are taken of the profitable segments' total, so that a loss-making segment
	// shows a negative share instead of inflating the others past 100 %.
	const totalProfit = profits.reduce((sum, p) => sum + Math.max(p, 0), 0);
	const netProfit = profits.reduce((sum, p) => sum + p, 0);
	const averageMargin = totalCustomers > 0 && netProfit > 0 ? netProfit / totalCustomers : null;
	return segments.map((s, i) => {
		const profit = profits[i]!;
		const customerShare = share(s.customers, totalCustomers);
		const profitShare = share(profit, totalProfit);
		const marginPerCustomer = s.customers > 0 ? profit / s.customers : 0;
		const valueIndex =
			s.customers > 0 && averageMargin !== null ? marginPerCustomer / averageMargin : null;
		const { tier, reason } = suggestTier(profit, valueIndex, s.growth, s.customers);
		return {
			id: s.id,
			profit,
			revenueShare: share(s.revenue, totalRevenue),
			profitShare,
			customerShare,
			marginPerCustomer,
			lifetimeValue:
				s.customers > 0
					? lifetimeValue(marginPerCustomer, s.retention, s.acquisitionCost, discountRate)
					: null,
			valueIndex,
			suggestedTier: tier,
			tierReason: reason
		};
	});
}

export interface ParetoPoint {
	id: string;
	/** Cumulative share of customers after this segment, most profitable per customer first. */
	cumulativeCustomers: number;
	/** Cumulative share of profit after this segment. */
	cumulativeProfit: number;
	profitShare: number;
}

/**
 * The Pareto curve: segments ordered by profit per customer, highest first, with the running
 * shares of customers and profit. Reading it: "the first 20 % of customers bring 80 % of profit".
 */
export function paretoCurve(segments: readonly SegmentEconomics[]): ParetoPoint[] {
	const metrics = segmentMetrics(segments);
	const order = metrics
		.map((m, i) => ({ m, customers: segments[i]!.customers }))
		.filter((x) => x.customers > 0)
		.sort((a, b) => b.m.marginPerCustomer - a.m.marginPerCustomer || a.m.id.localeCompare(b.m.id));
	let customers = 0;
	let profit = 0;
	return order.map(({ m }) => {
		customers += m.customerShare;
		profit += m.profitShare;
		return {
			id: m.id,
			cumulativeCustomers: customers,
			cumulativeProfit: profit,
			profitShare: m.profitShare
		};
	});
}

/**
 * The smallest share of customers (whole segments, best first) that brings at least `target` of
 * the profit, for the sentence "x % of customers bring y % of profit".
 */
export function paretoHeadline(
	curve: readonly ParetoPoint[],
	target = 0.8
): { customers: number; profit: number } | null {
	for (const p of curve)
		if (p.cumulativeProfit >= target - 1e-9)
			return { customers: p.cumulativeCustomers, profit: p.cumulativeProfit };
	return null;
}
