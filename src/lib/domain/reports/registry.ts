import type { SectionRegistry } from './sections.ts';
import { assessmentSections } from './sections/assessment.ts';
import { businessCaseSections } from './sections/business-case.ts';
import { journeySections } from './sections/journey.ts';
import { roadmapSections } from './sections/roadmap.ts';
import { strategySections } from './sections/strategy.ts';
import { summarySections } from './sections/summary.ts';

/** Every section builder, by section id. */
export const REPORT_BUILDERS: SectionRegistry = {
	...summarySections,
	...strategySections,
	...journeySections,
	...assessmentSections,
	...businessCaseSections,
	...roadmapSections
};
