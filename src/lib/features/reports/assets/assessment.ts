import {
	dimensionTitles,
	gapsByPriority,
	latestRuns,
	runHistories
} from '#lib/domain/reports/sections/assessment.ts';
import { gapChart, radarChart, runsChart } from '#lib/integrations/charts/assessment-charts.ts';
import type { AssetRequest, PlanInput } from './types.ts';

/**
 * The assessment charts, built the way the results page builds them: per model, the radar of
 * today against the target and the gaps in priority order for the run the report prints (the
 * latest with scores), and the model's scored runs over time when it has two or more.
 */
export function assessmentAssets(input: PlanInput): AssetRequest[] {
	const { content, lang, text } = input;
	const localized = (v: Partial<Record<string, string>>) => v[lang] ?? v.en ?? '';
	const requests: AssetRequest[] = [];

	for (const r of latestRuns(content)) {
		const titles = dimensionTitles([r], localized);
		const score = r.score;
		requests.push({
			key: `assessment.radar.${r.run.id}`,
			type: 'chart',
			config: radarChart(
				{
					labels: score.dimensions.map((d) => titles.get(d.id) ?? d.id),
					current: score.dimensions.map((d) => d.current),
					target: score.dimensions.map((d) => d.target),
					min: score.min,
					max: score.max,
					series: { current: text.t('assess.field.current'), target: text.t('assess.field.target') }
				},
				lang
			),
			width: 480,
			height: 400
		});
		const gaps = gapsByPriority(score);
		if (gaps.length)
			requests.push({
				key: `assessment.gaps.${r.run.id}`,
				type: 'chart',
				config: gapChart(
					{
						items: gaps.map((d) => ({ label: titles.get(d.id) ?? d.id, gap: d.gap! })),
						series: text.t('res.gap'),
						axis: text.t('res.gapAxis')
					},
					lang
				),
				width: 640,
				// Room for each bar's (wrapped) label.
				height: Math.min(560, Math.max(320, 60 + 30 * gaps.length))
			});
	}

	for (const h of runHistories(content)) {
		const titles = dimensionTitles(h.runs, localized);
		const comparison = {
			...h.comparison,
			runs: h.comparison.runs.map((run) => ({
				...run,
				title: run.title.trim() || text.t('assess.untitled'),
				date: text.day(run.date)
			}))
		};
		requests.push({
			key: `assessment.runs.${h.templateId}`,
			type: 'chart',
			config: runsChart(
				comparison,
				comparison.dimensionIds.map((id) => titles.get(id) ?? id),
				h.latest.score.min,
				h.latest.score.max,
				lang
			),
			width: 640,
			height: 320
		});
	}
	return requests;
}
