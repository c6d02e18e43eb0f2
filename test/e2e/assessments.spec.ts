import type { Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { EngagementsList } from './pages.ts';

const nav = (page: Page, name: string) =>
	page
		.getByRole('navigation', { name: 'Engagement areas' })
		.getByRole('link', { name, exact: true })
		.click();

async function startRun(page: Page, model: string, people: string[]) {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Assessment test');
	await nav(page, 'Assessments');
	await page.getByLabel('Model', { exact: true }).selectOption({ label: model });
	await page.getByLabel('Title of this run').fill('Kick-off workshop');
	await page.getByLabel('Workshop date').fill('2026-11-20');
	await page.getByRole('button', { name: 'Start the assessment' }).click();
	await expect(page.getByRole('heading', { name: 'Kick-off workshop' })).toBeVisible();
	for (const [i, name] of people.entries()) {
		await page.getByRole('button', { name: 'Add participant' }).click();
		await page.getByLabel(`Name of participant ${i + 1}`).fill(name);
	}
}

test('a three-person workshop scored with the keyboard, revealed, and read in the results', async ({
	page
}) => {
	await startRun(page, 'CRM strategy maturity', ['Wang Min', 'Chen Jie', '']);
	await page.getByRole('link', { name: 'Facilitator view' }).click();
	const people = page.getByRole('listbox', { name: /Participants, scoring/ });
	await expect(people).toHaveAccessibleName(/scoring Today/);
	await expect(page.getByText('Question 1 of')).toBeVisible();
	const first = await page.locator('#fac-question').textContent();

	// Today: 2, 4, 3; scores stay hidden until revealed.
	await people.focus();
	await page.keyboard.press('2');
	await page.keyboard.press('4');
	await page.keyboard.press('3');
	await expect(page.getByText('3 of 3 have scored')).toBeVisible();
	await expect(people.getByRole('option', { name: /Wang Min scored \(hidden\)/ })).toBeVisible();
	// T switches to the plan (this model scores intention apart), then to the target.
	await page.keyboard.press('t');
	await expect(people).toHaveAccessibleName(/scoring Plan \(intention\)/);
	await page.keyboard.press('t');
	await expect(page.getByRole('listbox', { name: /scoring Target/ })).toBeFocused();
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
	await page.keyboard.press('4');
	await page.keyboard.press('5');
	await page.keyboard.press('4');
	await page.keyboard.press('r');
	await expect(people.getByRole('option', { name: /Chen Jie 5/ })).toBeVisible();
	await page.keyboard.press('t');
	await expect(people.getByRole('option', { name: /Wang Min 2/ })).toBeVisible();
	await expect(people.getByRole('option', { name: /Anonymous 3 3/ })).toBeVisible();
	await expect(page.getByText('Mean 3.0, median 3.0, range 2–4')).toBeVisible();
	await expect(page.getByText(/two or more levels apart/)).toBeVisible();

	// Next question: N asks for a reason, Escape cancels, a reason saves it.
	await page.keyboard.press('ArrowRight');
	await expect(page.locator('#fac-question')).not.toHaveText(first!);
	await expect(page.getByText('Question 2 of')).toBeVisible();
	await page.keyboard.press('n');
	const reason = page.getByLabel('Why the question does not apply for Wang Min');
	await expect(reason).toBeFocused();
	// Ctrl+Z in the unsaved reason edits the text only: the last command (question 1's reveal,
	// marked ✓ in the question list) stays.
	await reason.fill('Branch staff');
	const firstQuestion = page.locator('#fac-jump option').first();
	await expect(firstQuestion).toHaveText(/✓$/);
	await reason.press('Control+z');
	await expect(firstQuestion).toHaveText(/✓$/);
	// No reason, no N/A.
	await reason.fill('');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Write why this question does not apply.')).toBeVisible();
	await reason.fill('Branch staff only');
	await page.keyboard.press('Enter');
	await expect(people).toBeFocused();
	await page.keyboard.press('1');
	// A level button scores the selected person and hands the keyboard back to the list.
	await page
		.getByRole('group', { name: 'Score for Anonymous 3' })
		.getByRole('button', { name: '2', exact: true })
		.click();
	await expect(people).toBeFocused();
	await page.keyboard.press('r');
	await expect(
		people.getByRole('option', { name: /Wang Min not applicable: Branch staff only/ })
	).toBeVisible();

	// Undo takes back the reveal, redo brings it again.
	await page.keyboard.press('Control+z');
	await expect(people.getByRole('option', { name: /Chen Jie scored \(hidden\)/ })).toBeVisible();
	await page.keyboard.press('Control+Shift+z');
	await expect(people.getByRole('option', { name: /Chen Jie 1/ })).toBeVisible();

	// Results: the summary, the radar, the stage and recommendations.
	await page.getByRole('link', { name: 'Results', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();
	await expect(page.getByRole('img', { name: /Today and target/ })).toBeVisible();
	await expect(page.locator('#res-stage')).not.toBeEmpty();
	const table = page.locator('#res-table');
	await expect(table.getByRole('row').nth(1)).toContainText('Value proposition');
	await expect(page.getByRole('heading', { name: 'Recommendations' })).toBeVisible();
	const add = page.getByRole('button', { name: /^Add to the change plan/ }).first();
	await add.click();
	await expect(page.getByText('In the change plan.').first()).toBeVisible();
	await expect(page.getByRole('link', { name: 'Open the change plan' }).first()).toBeFocused();
	await expect(page.getByRole('heading', { name: /Questions to discuss/ })).toBeVisible();

	// Resume later: the facilitator view opens at the first question not yet revealed.
	await page.reload();
	await page.getByRole('link', { name: 'Facilitator view' }).click();
	await expect(page.getByText('Question 3 of')).toBeVisible();
});

test('a firm’s own model imports; a broken one is refused with file, path and problem', async ({
	page
}) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Template test');
	await nav(page, 'Assessments');
	const input = page.getByLabel('Import a model file (.json)');
	const model = {
		kind: 'crm-strategy-workbench/assessment-template',
		formatVersion: 1,
		id: 'firm-model',
		version: '2.1.0',
		title: { 'zh-CN': '本所模型', 'zh-TW': '本所模型', en: 'Our firm’s model' },
		description: { 'zh-CN': '说明', 'zh-TW': '說明', en: 'About it' },
		source: 'Lin & Partners',
		licence: 'Proprietary',
		scale: [1, 2, 3].map((value) => ({
			value,
			label: { 'zh-CN': `${value}级`, 'zh-TW': `${value}級`, en: `L${value}` },
			descriptor: { 'zh-CN': '描述', 'zh-TW': '描述', en: 'What it looks like' }
		})),
		dimensions: [
			{
				id: 'data',
				title: { 'zh-CN': '数据', 'zh-TW': '資料', en: 'Data' },
				questions: [
					{
						id: 'data-owner',
						text: { 'zh-CN': '谁负责数据？', 'zh-TW': '誰負責資料？', en: 'Who owns the data?' }
					}
				]
			}
		],
		stages: [
			{
				id: 'start',
				from: 1,
				name: { 'zh-CN': '起步', 'zh-TW': '起步', en: 'Starting' },
				description: { 'zh-CN': '刚开始', 'zh-TW': '剛開始', en: 'Just begun' }
			}
		]
	};
	await input.setInputFiles({
		name: 'firm-model.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(model))
	});
	await expect(
		page.getByText('Added Our firm’s model, version 2.1.0, to the library.')
	).toBeVisible();
	await expect(page.getByLabel('Model', { exact: true })).toHaveValue('firm-model');
	await expect(page.getByRole('row', { name: /Our firm’s model/ })).toContainText(
		'2.1.0 (imported)'
	);

	// The same version with other content is refused; so is a file with mistakes.
	const changed = { ...model, licence: 'CC0' };
	await input.setInputFiles({
		name: 'changed.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(changed))
	});
	await expect(page.getByRole('alert')).toContainText(
		'Give the changed model a new version number'
	);
	const broken = structuredClone(model) as Record<string, unknown> & typeof model;
	broken.dimensions[0]!.questions.push({ ...broken.dimensions[0]!.questions[0]! });
	(broken.title as Record<string, string>).en = '';
	await input.setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(broken))
	});
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('“broken.json” is a model file, but some of it is not valid');
	await expect(alert).toContainText('title.en:');
	await expect(alert).toContainText(
		'dimensions[0].questions[1].id: the id "data-owner" is used twice'
	);
	await input.setInputFiles({
		name: 'x.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{oops')
	});
	await expect(alert).toContainText('“x.json” is not a JSON file');

	// A run of the imported model pins its version.
	await page.getByRole('button', { name: 'Start the assessment' }).click();
	await expect(page.getByText(/Our firm’s model · v2\.1\.0/)).toBeVisible();
});

test('the sample’s assessments read in traditional Chinese, with the run compared over time', async ({
	page
}) => {
	await new EngagementsList(page).goto();
	await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-TW');
	await page.getByRole('button', { name: /範例/ }).first().click();
	await page.getByRole('dialog').getByRole('button').last().click();
	await expect(page).toHaveURL(/#\/e\//);
	await page.locator('nav.areas').getByRole('link', { name: '評估', exact: true }).click();
	await expect(page.getByRole('rowheader', { name: '第二階段關卡複評' })).toBeVisible();
	await page.getByRole('link', { name: /第二階段關卡複評.*結果/ }).click();
	await expect(page.locator('#res-stage')).toHaveText('初具雛形');
	await expect(page.locator('#res-runs-table')).toContainText('基準成熟度評估');
	await expect(page.locator('#res-runs-table')).toContainText('價值主張');
	// The heatmap prints each level; an answer not applicable shows its reason on hover.
	await expect(page.locator('table.heat td.num').first()).toHaveText(/^[1-5]$/);
});
