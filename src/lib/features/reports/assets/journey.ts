import { journeyDiagrams } from '#lib/domain/reports/sections/journey.ts';
import type { AssetRequest, PlanInput } from './types.ts';

/**
 * The touchpoint and workflow diagrams of a report: the app's own Mermaid texts (the journey
 * diagram and the touchpoint path for every segment, the workflow flowcharts), today and target,
 * under the keys the `touchpoints` and `workflows` sections look them up by. A diagram that has
 * nothing to draw, or is beyond Mermaid's limits, is not asked for (the section says why).
 */
export function journeyAssets(input: PlanInput): AssetRequest[] {
	return journeyDiagrams(input.content, input.text)
		.filter((d) => d.blocked === null)
		.map((d) => ({ key: d.key, type: 'mermaid', text: d.source.text }));
}
