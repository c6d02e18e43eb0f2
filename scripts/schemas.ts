import { z } from 'zod';
import {
	engagementFileSchema,
	ENGAGEMENT_FILE_VERSION
} from '../src/lib/domain/formats/engagement-file.ts';
import { starterSchema, STARTER_FORMAT_VERSION } from '../src/lib/domain/formats/starter.ts';
import { BACKUP_FILE_VERSION, backupFileSchema } from '../src/lib/domain/formats/backup-file.ts';
import { assessmentTemplateSchema } from '../src/lib/domain/schemas.ts';
import { ASSESSMENT_TEMPLATE_FORMAT_VERSION } from '../src/lib/domain/assessment/model.ts';
import {
	BUSINESS_CASE_TEMPLATE_FORMAT_VERSION,
	businessCaseTemplateSchema
} from '../src/lib/domain/formats/business-case-template.ts';
import {
	ROADMAP_TEMPLATE_FORMAT_VERSION,
	roadmapTemplateSchema
} from '../src/lib/domain/formats/roadmap-template.ts';

/**
 * The published JSON Schemas, generated from the same zod definitions that validate files at
 * run time. `npm run schemas` writes them to static/schemas/ (served by the app); a unit test
 * fails when the committed files differ from what the code would generate.
 */
export function schemaFiles(): Array<{ path: string; text: string }> {
	const make = (name: string, schema: z.ZodType) => {
		const json = {
			$id: `${name}.schema.json`,
			...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' })
		};
		return {
			path: `static/schemas/${name}.schema.json`,
			text: JSON.stringify(json, null, '\t') + '\n'
		};
	};
	return [
		make(`engagement-file.v${ENGAGEMENT_FILE_VERSION}`, engagementFileSchema),
		make(`engagement-starter.v${STARTER_FORMAT_VERSION}`, starterSchema),
		make(`backup.v${BACKUP_FILE_VERSION}`, backupFileSchema),
		make(`assessment-template.v${ASSESSMENT_TEMPLATE_FORMAT_VERSION}`, assessmentTemplateSchema),
		make(
			`business-case-template.v${BUSINESS_CASE_TEMPLATE_FORMAT_VERSION}`,
			businessCaseTemplateSchema
		),
		make(`roadmap-template.v${ROADMAP_TEMPLATE_FORMAT_VERSION}`, roadmapTemplateSchema)
	];
}
