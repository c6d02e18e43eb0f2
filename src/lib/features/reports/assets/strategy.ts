import {
	SEGMENT_CHARTS,
	segmentChartKeys,
	segmentName
} from '#lib/domain/reports/sections/strategy.ts';
import { paretoChart, portfolioChart } from '#lib/integrations/charts/segment-charts.ts';
import { currencyExponent } from '#lib/i18n/format.ts';
import type { AssetRequest, PlanInput } from './types.ts';

const SIZE = { width: 640, height: 320 } as const;

/**
 * The strategy studio's charts for a report: the segments' Pareto curve and their portfolio,
 * with the same inputs and labels as the segments page (SegmentCharts.svelte), in the report's
 * language. Nothing when the engagement has no segments.
 */
export function strategyAssets(input: PlanInput): AssetRequest[] {
	const { content, lang } = input;
	const { t } = input.text;
	const keys = segmentChartKeys(content.segments);
	if (keys.length === 0) return [];
	const currency = content.profile.currency;
	const named = content.segments.map((s, i) => ({ ...s, name: segmentName(t, s, i) }));
	const out: AssetRequest[] = [];
	if (keys.includes(SEGMENT_CHARTS.pareto))
		out.push({
			key: SEGMENT_CHARTS.pareto,
			type: 'chart',
			config: paretoChart(
				named,
				{
					profitShare: t('segments.chart.profitShare'),
					cumulativeProfit: t('segments.chart.cumulativeProfit'),
					cumulativeCustomers: t('segments.chart.cumulativeCustomers'),
					axis: t('segments.chart.percentAxis')
				},
				lang
			),
			...SIZE
		});
	if (keys.includes(SEGMENT_CHARTS.portfolio))
		out.push({
			key: SEGMENT_CHARTS.portfolio,
			type: 'chart',
			config: portfolioChart(
				named,
				{
					x: t('segments.chart.growthAxis'),
					y: t('segments.chart.marginAxis', { currency }),
					tiers: {
						develop: t('tier.develop'),
						maintain: t('tier.maintain'),
						serve: t('tier.serve')
					}
				},
				currencyExponent(currency),
				lang
			),
			...SIZE
		});
	return out;
}
