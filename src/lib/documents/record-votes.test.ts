import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { aTemplate, anAnswer, anEngagement } from '../../../test/factories.ts';
import {
	createUndoManager,
	encodeContent,
	readContent,
	recordVotes,
	setAssessmentAnswer,
	startAssessment
} from './engagement-doc.ts';

/** An engagement with one run, "a1", of the test model, with one participant, P1. */
function docWithRun() {
	const doc = new Y.Doc();
	Y.applyUpdateV2(doc, encodeContent(anEngagement()));
	startAssessment(
		doc,
		{
			id: 'a1',
			title: 'Baseline',
			templateId: 'test-model',
			templateVersion: '1.0.0',
			date: '2026-03-02',
			notes: '',
			participants: [{ id: 'P1', name: '王敏', role: 'Sponsor', department: 'Retail' }]
		},
		aTemplate()
	);
	return doc;
}

const votes = [
	{ participantId: 'P1', name: '王敏 (phone)', patch: { current: 2, target: 4 } },
	{ participantId: 'V2', name: '陈晓', patch: { current: 3 } }
];

const p1 = { id: 'P1', name: '王敏', role: 'Sponsor', department: 'Retail' };
const v2 = { id: 'V2', name: '陈晓', role: '', department: '' };

describe('recording a question’s votes into the run', () => {
	it('adds the new voters, takes every vote as an answer and reveals the question', () => {
		const doc = docWithRun();
		recordVotes(doc, 'a1', 'q1', votes);
		const run = readContent(doc).assessments[0]!;
		// P1 keeps the name they were added with; V2 joins under the name they voted with.
		expect(run.participants).toEqual([p1, v2]);
		expect(run.answers).toEqual([anAnswer('P1', 'q1', 2, 4), anAnswer('V2', 'q1', 3, null)]);
		expect(run.answers.every((a) => a.na === false)).toBe(true);
		expect(run.revealed).toEqual(['q1']);
	});

	it('is one step: one transaction, and one undo takes all of it back', () => {
		const doc = docWithRun();
		const before = readContent(doc);
		const undo = createUndoManager(doc);
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);

		recordVotes(doc, 'a1', 'q1', votes);
		expect(transactions).toBe(1);
		expect(undo.undoStack).toHaveLength(1);

		undo.undo();
		const run = readContent(doc).assessments[0]!;
		expect(run.participants).toEqual([p1]);
		expect(run.answers).toEqual([]);
		expect(run.revealed).toEqual([]);
		expect(readContent(doc)).toEqual(before);
	});

	it('adds no one twice when the same votes are recorded again', () => {
		const doc = docWithRun();
		recordVotes(doc, 'a1', 'q1', votes);
		recordVotes(doc, 'a1', 'q2', votes);
		recordVotes(doc, 'a1', 'q1', [{ participantId: 'V2', name: '陈晓', patch: { current: 4 } }]);
		const run = readContent(doc).assessments[0]!;
		expect(run.participants).toEqual([p1, v2]);
		expect(doc.getArray('participants').length).toBe(2);
		expect(run.answers).toEqual([
			anAnswer('P1', 'q1', 2, 4),
			anAnswer('P1', 'q2', 2, 4),
			anAnswer('V2', 'q1', 4, null),
			anAnswer('V2', 'q2', 3, null)
		]);
		expect(run.revealed).toEqual(['q1', 'q2']);

		// A new voter named twice in one batch joins once; the later vote is the answer.
		recordVotes(doc, 'a1', 'q3', [
			{ participantId: 'V3', name: '林', patch: { current: 1 } },
			{ participantId: 'V3', name: '林', patch: { current: 5 } }
		]);
		const again = readContent(doc).assessments[0]!;
		expect(again.participants.map((p) => p.id)).toEqual(['P1', 'V2', 'V3']);
		expect(doc.getArray('participants').length).toBe(3);
		expect(again.answers.filter((a) => a.participantId === 'V3')).toEqual([
			anAnswer('V3', 'q3', 5, null)
		]);
	});

	it('takes a vote over an earlier N/A', () => {
		const doc = docWithRun();
		setAssessmentAnswer(doc, 'a1', 'P1', 'q1', { na: true, naReason: 'Not in scope' });
		recordVotes(doc, 'a1', 'q1', [votes[0]!]);
		const answer = readContent(doc).assessments[0]!.answers[0]!;
		expect(answer).toMatchObject({ participantId: 'P1', current: 2, target: 4, na: false });
	});

	it('writes nothing for a run that is not there', () => {
		const doc = docWithRun();
		const before = Y.encodeStateVector(doc);
		let transactions = 0;
		doc.on('afterTransaction', (tr: Y.Transaction) => {
			if (tr.changed.size > 0 || tr.deleteSet.clients.size > 0) transactions++;
		});
		recordVotes(doc, 'nope', 'q1', votes);
		expect(transactions).toBe(0);
		expect(Y.encodeStateVector(doc)).toEqual(before);
		expect(readContent(doc).assessments[0]!.participants).toEqual([p1]);
	});
});
