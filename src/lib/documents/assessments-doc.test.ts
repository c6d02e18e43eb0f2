import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { aTemplate, anAnswer, anEngagement } from '../../../test/factories.ts';
import { engagementContentSchema } from '../domain/schemas.ts';
import {
	addParticipant,
	addRecommendedInitiative,
	createUndoManager,
	encodeContent,
	readContent,
	removeAssessment,
	removeParticipant,
	setAssessmentAnswer,
	setRevealed,
	startAssessment,
	updateAssessment,
	updateParticipant
} from './engagement-doc.ts';

function docWith(content = anEngagement()) {
	const doc = new Y.Doc();
	Y.applyUpdateV2(doc, encodeContent(content));
	return doc;
}

const run = {
	id: 'a1',
	title: 'Baseline',
	templateId: 'test-model',
	templateVersion: '1.0.0',
	date: '2026-03-02',
	notes: '',
	participants: [
		{ id: 'p1', name: '王敏', role: 'Sponsor', department: 'Retail' },
		{ id: 'p2', name: '', role: '', department: 'IT' }
	]
};

describe('assessments in the engagement document', () => {
	it('starts a run with its template pinned, and round-trips it', () => {
		const doc = docWith();
		startAssessment(doc, run, aTemplate());
		setAssessmentAnswer(doc, 'a1', 'p1', 'q1', { current: 2, target: 4 });
		setAssessmentAnswer(doc, 'a1', 'p2', 'q1', { na: true, naReason: 'Not in scope' });
		const content = readContent(doc);
		expect(content.assessmentTemplates).toEqual([aTemplate()]);
		expect(content.assessments).toEqual([
			{
				...run,
				answers: [
					anAnswer('p1', 'q1', 2, 4),
					anAnswer('p2', 'q1', null, null, { na: true, naReason: 'Not in scope' })
				],
				revealed: [],
				initiatives: {}
			}
		]);
		// What the document reads passes the file format, and comes back the same.
		expect(engagementContentSchema.safeParse(content).success).toBe(true);
		expect(readContent(docWith(content))).toEqual(content);
	});

	it('merges answer fields, and drops an answer emptied again', () => {
		const doc = docWith();
		startAssessment(doc, run, aTemplate());
		setAssessmentAnswer(doc, 'a1', 'p1', 'q2', { current: 3 });
		setAssessmentAnswer(doc, 'a1', 'p1', 'q2', { target: 5, confidence: 'high' });
		expect(readContent(doc).assessments[0]!.answers).toEqual([
			anAnswer('p1', 'q2', 3, 5, { confidence: 'high' })
		]);
		setAssessmentAnswer(doc, 'a1', 'p1', 'q2', { current: null, target: null, confidence: null });
		expect(readContent(doc).assessments[0]!.answers).toEqual([]);
		expect(doc.getMap('assessmentAnswers').size).toBe(0);
	});

	it('keeps answers to the scale, to the people and to the questions; N/A only with a reason', () => {
		const doc = docWith();
		startAssessment(doc, run, aTemplate());
		const answers = doc.getMap('assessmentAnswers');
		doc.transact(() => {
			answers.set('a1:p1:q1:current', 9);
			answers.set('a1:p1:q1:target', 4);
			answers.set('a1:ghost:q1:current', 2);
			answers.set('a1:p1:nope:current', 2);
			answers.set('a1:p1:q2:colour', 'red');
			answers.set('a1:p2:q3:na', true);
			answers.set('a1:p2:q3:naReason', '  ');
			answers.set('a1:p2:q3:current', 3);
		});
		expect(readContent(doc).assessments[0]!.answers).toEqual([
			anAnswer('p1', 'q1', null, 4),
			anAnswer('p2', 'q3', 3, null, { naReason: '  ' })
		]);
	});

	it('merges edits of different fields of one answer made on two devices', () => {
		const a = docWith();
		startAssessment(a, run, aTemplate());
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		setAssessmentAnswer(a, 'a1', 'p1', 'q1', { current: 2 });
		setAssessmentAnswer(b, 'a1', 'p1', 'q1', { evidence: 'Survey of 2026' });
		setRevealed(a, 'a1', 'q1', true);
		setRevealed(b, 'a1', 'q2', true);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		for (const doc of [a, b]) {
			const run1 = readContent(doc).assessments[0]!;
			expect(run1.answers).toEqual([anAnswer('p1', 'q1', 2, null, { evidence: 'Survey of 2026' })]);
			expect(run1.revealed).toEqual(['q1', 'q2']);
		}
	});

	it('refuses a run or participant id with a colon in the file format', () => {
		const content = readContent(docWith());
		content.assessmentTemplates = [aTemplate()];
		content.assessments = [{ ...run, id: 'a:1', answers: [], revealed: [], initiatives: {} }];
		expect(engagementContentSchema.safeParse(content).success).toBe(false);
	});

	it('drops a run whose dates or template copy are damaged without failing to open', () => {
		const doc = docWith();
		startAssessment(doc, run, aTemplate());
		doc.getArray<Y.Map<unknown>>('assessments').get(0).set('date', '2026-02-30');
		expect(readContent(doc).assessments[0]!.date).toBe('2000-01-01');
		const broken = { ...aTemplate(), dimensions: [{ id: 'a', weight: 1 }] };
		doc.getMap('assessmentTemplates').set('test-model@1.0.0', broken);
		expect(readContent(doc).assessments).toEqual([]);
	});

	it('edits people; removing one takes their answers', () => {
		const doc = docWith();
		startAssessment(doc, run, aTemplate());
		addParticipant(doc, 'a1', { id: 'p3', name: 'Li', role: '', department: '' });
		updateParticipant(doc, 'p3', { role: 'CFO' });
		setAssessmentAnswer(doc, 'a1', 'p3', 'q1', { current: 4 });
		setAssessmentAnswer(doc, 'a1', 'p1', 'q1', { current: 2 });
		removeParticipant(doc, 'a1', 'p1');
		const a = readContent(doc).assessments[0]!;
		expect(a.participants.map((p) => [p.id, p.role])).toEqual([
			['p2', ''],
			['p3', 'CFO']
		]);
		expect(a.answers).toEqual([anAnswer('p3', 'q1', 4)]);
	});

	it('reveals questions and links a recommendation to its new initiative in one step', () => {
		const doc = docWith();
		startAssessment(doc, run, aTemplate());
		const undo = createUndoManager(doc);
		setRevealed(doc, 'a1', 'q1', true);
		setRevealed(doc, 'a1', 'q1', true);
		updateAssessment(doc, 'a1', { title: 'Baseline, March' });
		undo.stopCapturing();
		addRecommendedInitiative(doc, 'a1', 'r1', {
			id: 'i1',
			support: 'processes',
			title: 'Write the value proposition',
			description: '',
			owner: '',
			effort: null,
			impact: null,
			status: 'idea'
		});
		let content = readContent(doc);
		expect(content.assessments[0]).toMatchObject({
			title: 'Baseline, March',
			revealed: ['q1'],
			initiatives: { r1: 'i1' }
		});
		expect(content.changePlan.initiatives.map((i) => i.id)).toEqual(['i1']);
		undo.undo();
		content = readContent(doc);
		expect(content.changePlan.initiatives).toEqual([]);
		expect(content.assessments[0]!.initiatives).toEqual({});
		setRevealed(doc, 'a1', 'q1', false);
		expect(readContent(doc).assessments[0]!.revealed).toEqual([]);
	});

	it('removes a run with its people, answers and (when unused) its template copy', () => {
		const doc = docWith();
		startAssessment(doc, run, aTemplate());
		startAssessment(doc, { ...run, id: 'a2', participants: [] }, aTemplate());
		setAssessmentAnswer(doc, 'a1', 'p1', 'q1', { current: 2 });
		removeAssessment(doc, 'a1');
		expect(doc.getArray('participants').length).toBe(0);
		expect(doc.getMap('assessmentAnswers').size).toBe(0);
		expect(readContent(doc).assessmentTemplates).toHaveLength(1);
		removeAssessment(doc, 'a2');
		expect(doc.getMap('assessmentTemplates').size).toBe(0);
		expect(readContent(doc).assessments).toEqual([]);
	});

	it('drops a run whose template copy is missing or malformed', () => {
		const doc = docWith();
		startAssessment(doc, run, aTemplate());
		doc.getMap('assessmentTemplates').set('test-model@1.0.0', { kind: 'something else' });
		expect(readContent(doc).assessments).toEqual([]);
	});
});
