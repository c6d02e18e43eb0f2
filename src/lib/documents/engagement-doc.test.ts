import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { aSegment, aTeamMember, anEngagement } from '../../../test/factories.ts';
import { blankTouchpoint } from '../domain/journey/model.ts';
import {
	DocumentTooNewError,
	addStages,
	addTouchpoint,
	moveStage,
	removeStage,
	removeTouchpoint,
	renameStage,
	updateTouchpoint,
	addWorkflowNode,
	addWorkflowEdge,
	updateWorkflowEdge,
	removeWorkflowNode,
	replaceWorkflow,
	addDiagram,
	updateDiagram,
	removeDiagram,
	addChannel,
	addConflict,
	removeChannel,
	setAssignment,
	setPreference,
	addInitiative,
	removeInitiative,
	setPorter,
	setSevenS,
	setSupportText,
	updateInitiative,
	addNeed,
	addVpItem,
	moveVpItem,
	removeVpItem,
	setValueProposition,
	updateVpItem,
	addSegment,
	addTeamMember,
	moveSegment,
	removeNeed,
	removeSegment,
	updateNeed,
	updateSegment,
	createUndoManager,
	encodeContent,
	readContent,
	removeTeamMember,
	replaceContent,
	setProfileField,
	updateTeamMember
} from './engagement-doc.ts';

function docWith(content = anEngagement()) {
	const doc = new Y.Doc();
	Y.applyUpdateV2(doc, encodeContent(content));
	return doc;
}

describe('engagement document', () => {
	it('round-trips content through a document update', () => {
		const content = anEngagement({}, [
			aTeamMember(),
			aTeamMember({ id: 'm2', name: 'Chen Jie', side: 'consultancy' })
		]);
		expect(readContent(docWith(content))).toEqual(content);
	});

	it('applies profile and team commands', () => {
		const doc = docWith();
		setProfileField(doc, 'client', 'Acme');
		addTeamMember(doc, aTeamMember());
		addTeamMember(doc, aTeamMember({ id: 'm0' }), 0);
		updateTeamMember(doc, 'm1', { role: 'Sponsor', side: 'client' });
		removeTeamMember(doc, 'm0');
		const c = readContent(doc);
		expect(c.profile.client).toBe('Acme');
		expect(c.team).toEqual([aTeamMember({ role: 'Sponsor' })]);
	});

	it('undoes and redoes each command, but not edits from elsewhere', () => {
		const doc = docWith();
		const undo = createUndoManager(doc);
		setProfileField(doc, 'client', 'First');
		undo.stopCapturing();
		setProfileField(doc, 'region', 'North');
		undo.stopCapturing();
		// An edit that arrives from another tab is not on this tab's undo stack.
		doc.transact(() => doc.getMap('profile').set('industry', 'Remote'), 'remote');
		undo.undo();
		expect(readContent(doc).profile).toMatchObject({
			client: 'First',
			region: '华东',
			industry: 'Remote'
		});
		undo.undo();
		expect(readContent(doc).profile.client).toBe('澄湖银行');
		undo.redo();
		undo.redo();
		expect(readContent(doc).profile).toMatchObject({ client: 'First', region: 'North' });
	});

	it('merges quick typing into one undo step', () => {
		const doc = docWith();
		const undo = createUndoManager(doc);
		for (const text of ['A', 'Ac', 'Acm', 'Acme']) setProfileField(doc, 'client', text);
		undo.undo();
		expect(readContent(doc).profile.client).toBe('澄湖银行');
	});

	it('replaces all content in one undoable step', () => {
		const doc = docWith(anEngagement({}, [aTeamMember()]));
		const undo = createUndoManager(doc);
		const other = anEngagement({ client: 'Other Co', notes: '' }, []);
		replaceContent(doc, other);
		expect(readContent(doc)).toEqual(other);
		undo.undo();
		expect(readContent(doc)).toEqual(anEngagement({}, [aTeamMember()]));
	});

	it('keeps two copies (two tabs) in step by exchanging updates', () => {
		const a = docWith();
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
		b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u));
		setProfileField(a, 'client', 'From A');
		addTeamMember(b, aTeamMember({ id: 'from-b' }));
		expect(readContent(a)).toEqual(readContent(b));
		expect(readContent(a).profile.client).toBe('From A');
	});

	it('fills defaults for malformed values instead of trusting them', () => {
		const doc = new Y.Doc();
		doc.getMap('profile').set('fiscalYearStartMonth', 40);
		doc.getMap('profile').set('currency', 'yuan');
		doc.getMap('profile').set('companySize', 'huge');
		doc.getMap('profile').set('name', 7);
		const { profile } = readContent(doc);
		expect(profile).toMatchObject({
			fiscalYearStartMonth: 1,
			currency: 'USD',
			companySize: null,
			name: ''
		});
	});

	it('refuses a document written by a newer version', () => {
		const doc = new Y.Doc();
		doc.getMap('meta').set('schemaVersion', 99);
		expect(() => readContent(doc)).toThrow(DocumentTooNewError);
	});

	it('round-trips segments with their nested needs', () => {
		const content = anEngagement(
			{},
			[],
			[aSegment(), aSegment({ id: 's2', name: 'Mass retail', needs: [] })]
		);
		expect(readContent(docWith(content))).toEqual(content);
	});

	it('edits segments and needs as undoable commands', () => {
		const doc = docWith();
		const undo = createUndoManager(doc);
		addSegment(doc, aSegment({ needs: [] }));
		undo.stopCapturing();
		addNeed(doc, 's1', { id: 'n1', text: 'Priority service', mode: 'pull' });
		addNeed(doc, 's1', { id: 'n2', text: 'Portfolio reviews', mode: 'push' });
		updateNeed(doc, 's1', 'n1', { mode: 'push' });
		removeNeed(doc, 's1', 'n2');
		updateSegment(doc, 's1', {
			customers: 50_000,
			tierOverride: 'maintain',
			tierOverrideReason: 'Capacity'
		});
		expect(readContent(doc).segments[0]).toMatchObject({
			customers: 50_000,
			tierOverride: 'maintain',
			needs: [{ id: 'n1', text: 'Priority service', mode: 'push' }]
		});
		undo.undo();
		expect(readContent(doc).segments[0]).toMatchObject({
			customers: 42_000,
			tierOverride: null,
			needs: []
		});
		undo.undo();
		expect(readContent(doc).segments).toEqual([]);
	});

	it('moves and removes segments', () => {
		const doc = docWith(
			anEngagement({}, [], [aSegment({ id: 'a' }), aSegment({ id: 'b' }), aSegment({ id: 'c' })])
		);
		moveSegment(doc, 'c', 0);
		expect(readContent(doc).segments.map((s) => s.id)).toEqual(['c', 'a', 'b']);
		moveSegment(doc, 'c', 99);
		expect(readContent(doc).segments.map((s) => s.id)).toEqual(['a', 'b', 'c']);
		removeSegment(doc, 'b');
		expect(readContent(doc).segments.map((s) => s.id)).toEqual(['a', 'c']);
		expect(readContent(doc).segments[1]).toEqual(aSegment({ id: 'c' }));
	});

	it('normalises malformed segment numbers to safe values', () => {
		const doc = docWith(anEngagement({}, [], [aSegment()]));
		const seg = doc.getArray<Y.Map<unknown>>('segments').get(0);
		seg.set('retention', 7);
		seg.set('customers', -5);
		seg.set('growth', Number.NaN);
		seg.set('needs', 'oops');
		expect(readContent(doc).segments[0]).toMatchObject({
			retention: 0,
			customers: 0,
			growth: 0,
			needs: []
		});
	});

	it('shows a record once when two devices moved it at the same time', () => {
		const a = docWith(
			anEngagement({}, [], [aSegment({ id: 's1' }), aSegment({ id: 's2' }), aSegment({ id: 's3' })])
		);
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		moveSegment(a, 's1', 2);
		moveSegment(b, 's1', 1);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const ids = readContent(a).segments.map((s) => s.id);
		expect(ids.filter((id) => id === 's1')).toHaveLength(1);
		expect(ids.sort()).toEqual(['s1', 's2', 's3']);
		expect(readContent(b)).toEqual(readContent(a));
	});

	it('keeps the value proposition with its links, and cleans links when an item goes', () => {
		const doc = docWith(anEngagement({}, [], [aSegment({ id: 'w' })]));
		const undo = createUndoManager(doc);
		setValueProposition(doc, 'positioning', 'differentiation');
		addVpItem(doc, { id: 'p1', kind: 'pain', segmentId: 'w', text: 'Queues', addresses: [] });
		addVpItem(doc, { id: 'p2', kind: 'pain', segmentId: 'w', text: 'No adviser', addresses: [] });
		addVpItem(doc, {
			id: 'r1',
			kind: 'reliever',
			segmentId: null,
			text: 'Named manager',
			addresses: []
		});
		updateVpItem(doc, 'r1', { addresses: ['p1', 'p2'] });
		moveVpItem(doc, 'p2', 0);
		let vp = readContent(doc).valueProposition;
		expect(vp.positioning).toBe('differentiation');
		expect(vp.items.map((i) => i.id)).toEqual(['p2', 'p1', 'r1']);
		expect(vp.items[2]!.addresses).toEqual(['p1', 'p2']);
		undo.stopCapturing();
		removeVpItem(doc, 'p1');
		vp = readContent(doc).valueProposition;
		expect(vp.items.find((i) => i.id === 'r1')!.addresses).toEqual(['p2']);
		undo.undo();
		expect(readContent(doc).valueProposition.items.find((i) => i.id === 'r1')!.addresses).toEqual([
			'p1',
			'p2'
		]);
	});

	it('removes a segment with its jobs, pains and gains, and undo brings all back', () => {
		const doc = docWith({
			...anEngagement({}, [], [aSegment({ id: 'w' }), aSegment({ id: 'm' })]),
			valueProposition: {
				positioning: 'focus',
				positioningRationale: 'Regional SMEs',
				brandPromise: 'Your bank, by name',
				items: [
					{ id: 'j1', kind: 'job', segmentId: 'w', text: 'Grow wealth', addresses: [] },
					{ id: 'j2', kind: 'job', segmentId: 'm', text: 'Pay bills', addresses: [] },
					{ id: 'o1', kind: 'offering', segmentId: null, text: 'Advice', addresses: [] },
					{ id: 'p1', kind: 'pain', segmentId: 'w', text: 'Queues', addresses: [] },
					{ id: 'r1', kind: 'reliever', segmentId: null, text: 'Named manager', addresses: ['p1'] }
				]
			}
		});
		const before = readContent(doc);
		expect(before.valueProposition.brandPromise).toBe('Your bank, by name');
		const undo = createUndoManager(doc);
		removeSegment(doc, 'w');
		const after = readContent(doc).valueProposition.items;
		expect(after.map((i) => i.id)).toEqual(['j2', 'o1', 'r1']);
		// No link is left pointing at a removed pain.
		expect(after.find((i) => i.id === 'r1')!.addresses).toEqual([]);
		undo.undo();
		expect(readContent(doc)).toEqual(before);
	});

	it('keeps the change plan, 7-S and Porter views, each field its own undo step', () => {
		const doc = docWith();
		const undo = createUndoManager(doc);
		setSupportText(doc, 'processes', 'today', 'Paper credit files');
		undo.stopCapturing();
		addInitiative(doc, {
			id: 'i1',
			support: 'processes',
			title: 'Scorecard pre-check',
			description: '',
			owner: 'Credit',
			effort: 'low',
			impact: 'high',
			status: 'planned'
		});
		updateInitiative(doc, 'i1', { status: 'inProgress' });
		undo.stopCapturing();
		setSevenS(doc, 'skills', 'alignment', 2);
		setPorter(doc, 'rivals', 'rating', 4);
		setPorter(doc, 'rivals', 'notes', 'Three national banks');
		const c = readContent(doc);
		expect(c.changePlan.supports.processes).toEqual({ today: 'Paper credit files', target: '' });
		expect(c.changePlan.initiatives).toEqual([
			{
				id: 'i1',
				support: 'processes',
				title: 'Scorecard pre-check',
				description: '',
				owner: 'Credit',
				effort: 'low',
				impact: 'high',
				status: 'inProgress'
			}
		]);
		expect(c.sevenS.skills).toEqual({ today: '', target: '', alignment: 2 });
		expect(c.porter.rivals).toEqual({ rating: 4, notes: 'Three national banks' });
		expect(readContent(docWith(c))).toEqual(c); // round trip through an update
		undo.undo();
		expect(readContent(doc).sevenS.skills.alignment).toBeNull();
		removeInitiative(doc, 'i1');
		expect(readContent(doc).changePlan.initiatives).toEqual([]);
	});

	it('keeps channels, their matrices and conflicts, and cleans them when a channel or segment goes', () => {
		const doc = docWith(anEngagement({}, [], [aSegment({ id: 'w' }), aSegment({ id: 'm' })]));
		addChannel(doc, { id: 'branch', kind: 'faceToFace', name: 'Branch', costPerContact: 6_000 });
		addChannel(doc, { id: 'app', kind: 'selfService', name: 'App', costPerContact: 50 });
		addVpItem(doc, { id: 'o1', kind: 'offering', segmentId: null, text: 'Loans', addresses: [] });
		setPreference(doc, 'w', 'branch', 3);
		setPreference(doc, 'm', 'app', 2);
		setPreference(doc, 'm', 'branch', 1);
		setPreference(doc, 'm', 'branch', 0);
		setAssignment(doc, 'o1', 'branch', 'w', true);
		setAssignment(doc, 'o1', 'app', 'm', true);
		addConflict(doc, {
			id: 'c1',
			description: 'Branch staff lose commission to the app',
			channelIds: ['branch', 'app'],
			resolution: 'Shared targets'
		});
		let c = readContent(doc).channels;
		expect(c.preferences).toEqual({ 'w:branch': 3, 'm:app': 2 });
		expect(c.assignments).toEqual(['o1:app:m', 'o1:branch:w']);
		expect(readContent(docWith(readContent(doc)))).toEqual(readContent(doc));
		removeChannel(doc, 'app');
		c = readContent(doc).channels;
		expect(c.list.map((x) => x.id)).toEqual(['branch']);
		expect(c.preferences).toEqual({ 'w:branch': 3 });
		expect(c.assignments).toEqual(['o1:branch:w']);
		expect(c.conflicts[0]!.channelIds).toEqual(['branch']);
		removeSegment(doc, 'w');
		expect(readContent(doc).channels.preferences).toEqual({});
		expect(readContent(doc).channels.assignments).toEqual([]);
	});

	it('keeps the touchpoint map; removing a stage takes its touchpoints, and undo brings them back', () => {
		const doc = docWith(anEngagement({}, [], [aSegment({ id: 'w' }), aSegment({ id: 'm' })]));
		const undo = createUndoManager(doc);
		addChannel(doc, { id: 'app', kind: 'selfService', name: 'App', costPerContact: 50 });
		addInitiative(doc, {
			id: 'i1',
			support: 'processes',
			title: 'Call-back',
			description: '',
			owner: '',
			effort: null,
			impact: null,
			status: 'idea'
		});
		addStages(doc, [
			{ id: 'aw', name: 'Awareness' },
			{ id: 'buy', name: 'Purchase' }
		]);
		addTouchpoint(doc, {
			...blankTouchpoint('t1', 'buy', 'app'),
			name: 'Open an account',
			segmentIds: ['w', 'm'],
			momentOfTruth: true,
			ratingToday: -1,
			ratingTarget: 2,
			initiativeId: 'i1'
		});
		addTouchpoint(doc, { ...blankTouchpoint('t2', 'aw', null), name: 'Advert' });
		updateTouchpoint(doc, 't2', { department: 'Marketing', segmentIds: ['m'] });
		renameStage(doc, 'aw', 'Awareness and interest');
		moveStage(doc, 'buy', 0);
		let j = readContent(doc).journey;
		expect(j.stages.map((s) => s.name)).toEqual(['Purchase', 'Awareness and interest']);
		expect(j.touchpoints.map((t) => [t.id, t.stageId, t.segmentIds])).toEqual([
			['t1', 'buy', ['w', 'm']],
			['t2', 'aw', ['m']]
		]);
		expect(readContent(docWith(readContent(doc)))).toEqual(readContent(doc));

		// Cascades: a segment, a channel or an initiative going leaves the touchpoint, without the link.
		removeSegment(doc, 'w');
		removeChannel(doc, 'app');
		removeInitiative(doc, 'i1');
		const t1 = readContent(doc).journey.touchpoints[0]!;
		expect([t1.segmentIds, t1.channelId, t1.initiativeId, t1.name]).toEqual([
			['m'],
			null,
			null,
			'Open an account'
		]);

		undo.stopCapturing();
		removeStage(doc, 'buy');
		j = readContent(doc).journey;
		expect(j.stages.map((s) => s.id)).toEqual(['aw']);
		expect(j.touchpoints.map((t) => t.id)).toEqual(['t2']);
		undo.undo();
		expect(readContent(doc).journey.touchpoints.map((t) => t.id)).toEqual(['t1', 't2']);
		removeTouchpoint(doc, 't2');
		expect(readContent(doc).journey.touchpoints.map((t) => t.id)).toEqual(['t1']);
	});

	it('drops touchpoints of a missing stage and normalises malformed ones', () => {
		const doc = docWith();
		addStages(doc, [{ id: 's', name: 'S' }]);
		addTouchpoint(doc, blankTouchpoint('ok', 's', null));
		addTouchpoint(doc, blankTouchpoint('orphan', 'gone', null));
		updateTouchpoint(doc, 'ok', { ratingToday: 7 as never, segmentIds: 'x' as never });
		const j = readContent(doc).journey;
		expect(j.touchpoints.map((t) => [t.id, t.ratingToday, t.segmentIds])).toEqual([
			['ok', null, null]
		]);
	});

	it('cuts the links to a segment, channel, item or initiative removed on another device at the same time', () => {
		const a = docWith(anEngagement({}, [], [aSegment({ id: 'w' }), aSegment({ id: 'm' })]));
		addChannel(a, { id: 'app', kind: 'selfService', name: 'App', costPerContact: 50 });
		addChannel(a, { id: 'branch', kind: 'faceToFace', name: 'Branch', costPerContact: 6_000 });
		addInitiative(a, {
			id: 'i1',
			support: 'processes',
			title: 'One view',
			description: '',
			owner: '',
			effort: null,
			impact: null,
			status: 'idea'
		});
		addVpItem(a, { id: 'o1', kind: 'offering', segmentId: null, text: 'Loans', addresses: [] });
		addStages(a, [{ id: 's', name: 'S' }]);
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		// One device removes; the other, not knowing, links to what is removed.
		removeSegment(a, 'w');
		removeChannel(a, 'app');
		removeInitiative(a, 'i1');
		removeVpItem(a, 'o1');
		addVpItem(b, { id: 'p1', kind: 'pain', segmentId: 'w', text: 'Queues', addresses: [] });
		addVpItem(b, { id: 'r1', kind: 'reliever', segmentId: null, text: 'App', addresses: ['p1'] });
		addTouchpoint(b, {
			...blankTouchpoint('t1', 's', 'app'),
			segmentIds: ['w', 'm'],
			initiativeId: 'i1'
		});
		setPreference(b, 'w', 'branch', 3);
		setPreference(b, 'm', 'app', 2);
		setPreference(b, 'm', 'branch', 1);
		setAssignment(b, 'o1', 'branch', 'm', true);
		addConflict(b, { id: 'c1', description: '', channelIds: ['app', 'branch'], resolution: '' });
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		const c = readContent(a);
		expect(c.valueProposition.items).toEqual([
			{ id: 'r1', kind: 'reliever', segmentId: null, text: 'App', addresses: [] }
		]);
		expect(c.journey.touchpoints[0]).toMatchObject({
			channelId: null,
			segmentIds: ['m'],
			initiativeId: null
		});
		expect(c.channels.preferences).toEqual({ 'm:branch': 1 });
		expect(c.channels.assignments).toEqual([]);
		expect(c.channels.conflicts[0]!.channelIds).toEqual(['branch']);
		// What is read is whole: written again, it reads the same.
		expect(readContent(docWith(c))).toEqual(c);
	});

	it('keeps both workflows apart; a node takes its edges; the target can start from a copy', () => {
		const doc = docWith();
		addWorkflowNode(doc, { id: 'c', side: 'today', kind: 'customer', label: 'Customer' });
		addWorkflowNode(doc, { id: 'b', side: 'today', kind: 'department', label: 'Branch' });
		addWorkflowNode(doc, { id: 'x', side: 'target', kind: 'system', label: 'CRM' });
		addWorkflowEdge(doc, {
			id: 'e1',
			side: 'today',
			from: 'c',
			to: 'b',
			kind: 'handoff',
			label: 'asks'
		});
		// An edge across sides is never drawn: it is dropped on reading.
		addWorkflowEdge(doc, {
			id: 'e2',
			side: 'today',
			from: 'c',
			to: 'x',
			kind: 'dataFlow',
			label: ''
		});
		updateWorkflowEdge(doc, 'e1', { label: 'applies for a loan', kind: 'dataFlow' });
		let w = readContent(doc).workflows;
		expect(w.edges).toEqual([
			{ id: 'e1', side: 'today', from: 'c', to: 'b', kind: 'dataFlow', label: 'applies for a loan' }
		]);
		replaceWorkflow(
			doc,
			'target',
			[{ id: 'c2', side: 'target', kind: 'customer', label: 'Customer' }],
			[]
		);
		w = readContent(doc).workflows;
		expect(w.nodes.map((n) => n.id)).toEqual(['c', 'b', 'c2']);
		removeWorkflowNode(doc, 'b');
		w = readContent(doc).workflows;
		expect(w.nodes.map((n) => n.id)).toEqual(['c', 'c2']);
		expect(w.edges).toEqual([]);
	});

	it('keeps free diagrams', () => {
		const doc = docWith();
		addDiagram(doc, { id: 'd', title: 'Flow', text: 'flowchart LR\n  a --> b' });
		updateDiagram(doc, 'd', { text: 'flowchart TD\n  a --> b' });
		expect(readContent(doc).diagrams).toEqual([
			{ id: 'd', title: 'Flow', text: 'flowchart TD\n  a --> b' }
		]);
		removeDiagram(doc, 'd');
		expect(readContent(doc).diagrams).toEqual([]);
	});
});
