import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { aSegment, anEngagement } from '../../../test/factories.ts';
import { engagementContentSchema } from '../domain/schemas.ts';
import { errorMap } from '../domain/formats/references.ts';
import type { BenefitLine, CostLine } from '../domain/business-case/model.ts';
import {
	addBenefitLine,
	addCaseOption,
	addCostLine,
	createUndoManager,
	encodeContent,
	readContent,
	removeCaseOption,
	removeSegment,
	replaceBusinessCase,
	setCaseSetting,
	setPreferredOption,
	updateCaseOption,
	updateCostLine
} from './engagement-doc.ts';

function docWith(content = anEngagement()) {
	const doc = new Y.Doc();
	Y.applyUpdateV2(doc, encodeContent(content));
	return doc;
}

const cost: CostLine = {
	id: 'c1',
	optionId: 'saas',
	category: 'licences',
	label: 'Subscriptions',
	recurring: true,
	startYear: 1,
	endYear: null,
	entry: 'unit',
	amount: 0,
	quantity: 120,
	unitPrice: 90_000,
	growth: 0.05,
	listPrice: true,
	range: { low: 0.9, high: 1.3 }
};
const benefit: BenefitLine = {
	id: 'b1',
	optionId: 'saas',
	driver: 'other',
	label: 'Fewer complaints',
	rationale: 'Complaint handling in one queue',
	segmentId: null,
	rate: 0,
	unitValue: 0,
	count: 0,
	fromChannelId: null,
	toChannelId: null,
	amount: 1_000_000,
	rampUp: [0.5, 1],
	risk: 0.2,
	range: { low: 0.6, high: 1.2 }
};

describe('the business case in the engagement document', () => {
	it('starts empty in the engagement’s currency and round-trips a whole case', () => {
		const doc = docWith();
		expect(readContent(doc).businessCase).toEqual({
			settings: { horizon: 5, discountRate: 0.1, currency: 'CNY' },
			options: [],
			costs: [],
			benefits: [],
			preferredOptionId: null
		});
		addCaseOption(doc, { id: 'base', name: 'Do nothing', description: '', baseline: true });
		addCaseOption(doc, { id: 'saas', name: 'SaaS CRM', description: 'Cloud', baseline: false });
		addCostLine(doc, cost);
		addBenefitLine(doc, benefit);
		setCaseSetting(doc, 'discountRate', 0.08);
		setPreferredOption(doc, 'saas');
		const content = readContent(doc);
		expect(content.businessCase.costs).toEqual([cost]);
		expect(content.businessCase.benefits).toEqual([benefit]);
		expect(content.businessCase.settings.discountRate).toBe(0.08);
		expect(engagementContentSchema.safeParse(content).success).toBe(true);
		expect(readContent(docWith(content))).toEqual(content);
	});

	it('keeps one baseline, and an option takes its lines when removed (one undo step)', () => {
		const doc = docWith();
		addCaseOption(doc, { id: 'base', name: 'Do nothing', description: '', baseline: true });
		addCaseOption(doc, { id: 'saas', name: 'SaaS', description: '', baseline: false });
		addCostLine(doc, cost);
		addBenefitLine(doc, benefit);
		setPreferredOption(doc, 'saas');
		updateCaseOption(doc, 'saas', { baseline: true });
		expect(readContent(doc).businessCase.options.map((o) => o.baseline)).toEqual([false, true]);
		const undo = createUndoManager(doc);
		removeCaseOption(doc, 'saas');
		let c = readContent(doc).businessCase;
		expect([c.options.length, c.costs.length, c.benefits.length, c.preferredOptionId]).toEqual([
			1,
			0,
			0,
			null
		]);
		undo.undo();
		c = readContent(doc).businessCase;
		expect([c.options.length, c.costs.length, c.benefits.length, c.preferredOptionId]).toEqual([
			2,
			1,
			1,
			'saas'
		]);
	});

	it('holds numbers written by another device to the limits', () => {
		const doc = docWith();
		addCaseOption(doc, { id: 'saas', name: 'SaaS', description: '', baseline: false });
		addCostLine(doc, cost);
		updateCostLine(doc, 'c1', { growth: 50, startYear: 3, endYear: 1, quantity: -5 });
		doc.getMap('caseSettings').set('horizon', 100);
		doc.getMap('caseSettings').set('discountRate', Number.NaN);
		const c = readContent(doc).businessCase;
		expect(c.settings).toEqual({ horizon: 5, discountRate: 0.1, currency: 'CNY' });
		expect(c.costs[0]).toMatchObject({ growth: 0, startYear: 3, endYear: 3, quantity: 0 });
	});

	it('replaces the whole case from a template in one step', () => {
		const doc = docWith();
		addCaseOption(doc, { id: 'old', name: 'Old', description: '', baseline: false });
		replaceBusinessCase(doc, {
			settings: { horizon: 7, discountRate: 0.12, currency: 'TWD' },
			options: [{ id: 'saas', name: 'SaaS', description: '', baseline: false }],
			costs: [cost],
			benefits: [],
			preferredOptionId: 'saas'
		});
		const c = readContent(doc).businessCase;
		expect(c.options.map((o) => o.id)).toEqual(['saas']);
		expect(c.settings).toEqual({ horizon: 7, discountRate: 0.12, currency: 'TWD' });
		expect(c.preferredOptionId).toBe('saas');
	});

	it('refuses in the file format a line of an unknown option and a second baseline', () => {
		const content = readContent(docWith());
		content.businessCase.options = [
			{ id: 'a', name: 'A', description: '', baseline: true },
			{ id: 'b', name: 'B', description: '', baseline: true }
		];
		content.businessCase.costs = [{ ...cost, optionId: 'nope' }];
		const result = engagementContentSchema.safeParse(content);
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
			'businessCase.options',
			'businessCase.costs.0.optionId'
		]);
	});

	it('explains a range that leaves out the likely value', () => {
		const content = readContent(docWith());
		content.businessCase.options = [{ id: 'a', name: 'A', description: '', baseline: false }];
		content.businessCase.costs = [{ ...cost, optionId: 'a', range: { low: 1.2, high: 1.5 } }];
		const result = engagementContentSchema.safeParse(content, { error: errorMap('en') });
		expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			[
				'businessCase.costs.0.range.low',
				'the range must hold the likely value: low at most 1 (100 %) and high at least 1'
			]
		]);
	});

	it('forgets a removed segment or channel in benefit lines, so the export stays valid', () => {
		const doc = docWith(anEngagement({}, [], [aSegment({ id: 's1' })]));
		addCaseOption(doc, { id: 'saas', name: 'SaaS', description: '', baseline: false });
		addBenefitLine(doc, { ...benefit, driver: 'retention', segmentId: 's1', rate: 0.01 });
		expect(readContent(doc).businessCase.benefits[0]!.segmentId).toBe('s1');
		removeSegment(doc, 's1');
		const content = readContent(doc);
		expect(content.businessCase.benefits[0]!.segmentId).toBeNull();
		expect(engagementContentSchema.safeParse(content).success).toBe(true);
	});
});
