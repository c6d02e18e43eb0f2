import type { ChartConfiguration } from 'chart.js';
import type { EngagementContent } from '#lib/domain/engagement/profile.ts';
import type { Locale } from '#lib/domain/locales.ts';
import type { ReportText } from '#lib/domain/reports/context.ts';

/**
 * A picture a report section wants drawn before the layout, under the key the section's
 * builder looks it up by: a Mermaid diagram (kept as vector SVG, labels as text) or a Chart.js
 * chart (drawn at twice its size as a PNG, animation off).
 */
export type AssetRequest =
	| { key: string; type: 'mermaid'; text: string }
	| { key: string; type: 'chart'; config: ChartConfiguration; width: number; height: number };

/** What an area's planner reads; it returns nothing for an area with no data. */
export interface PlanInput {
	content: EngagementContent;
	lang: Locale;
	text: ReportText;
}
