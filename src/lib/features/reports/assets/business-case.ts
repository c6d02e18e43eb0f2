import { caseResults } from '#lib/domain/business-case/cash-flows.ts';
import { COST_CATEGORIES } from '#lib/domain/business-case/model.ts';
import { caseContextOf, optionLabel } from '#lib/domain/reports/sections/business-case.ts';
import { currencyExponent } from '#lib/i18n/format.ts';
import { cumulativeChart, tcoChart } from '#lib/integrations/charts/business-case-charts.ts';
import type { AssetRequest, PlanInput } from './types.ts';

const WIDTH = 640;
const HEIGHT = 320;

/**
 * The business case's charts for a report, built as the business-case page builds them: the
 * cumulative net cash flow of every option with lines (against the baseline when there is one)
 * and the total cost of ownership of every option stacked by cost category.
 */
export function businessCaseAssets(input: PlanInput): AssetRequest[] {
	const { content, lang, text } = input;
	const c = content.businessCase;
	if (c.options.length === 0) return [];
	const results = caseResults(c, caseContextOf(content));
	const currency = c.settings.currency;
	const exponent = currencyExponent(currency);
	const axis = text.t('case.amountIn', { currency });
	const name = (id: string) => optionLabel(text, c, id);
	const years = Array.from({ length: c.settings.horizon + 1 }, (_, i) =>
		text.t('case.yearN', { n: i })
	);
	const requests: AssetRequest[] = [];
	const drawn = results.filter((r) => !r.empty);
	if (drawn.length > 0)
		requests.push({
			key: 'businessCase.cumulative',
			type: 'chart',
			config: cumulativeChart(
				drawn.map((r) => ({
					label: name(r.option.id),
					values: (r.incremental ?? r.figures).cumulative
				})),
				years,
				exponent,
				axis,
				lang
			),
			width: WIDTH,
			height: HEIGHT
		});
	if (results.some((r) => r.flows.costs.some((x) => x !== 0)))
		requests.push({
			key: 'businessCase.tco',
			type: 'chart',
			config: tcoChart(
				results.map((r) => name(r.option.id)),
				COST_CATEGORIES.map((k) => ({
					label: text.t(`costCategory.${k}`),
					totals: results.map((r) => r.flows.costsByCategory[k].reduce((a, b) => a + b, 0))
				})),
				exponent,
				axis,
				lang
			),
			width: WIDTH,
			height: HEIGHT
		});
	return requests;
}
