import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { EngagementsList } from './pages.ts';

const nav = (page: Page, name: string) =>
	page
		.getByRole('navigation', { name: 'Engagement areas' })
		.getByRole('link', { name, exact: true })
		.click();

/** The table row of task `n` (its row header is the number). */
const row = (page: Page, n: number) =>
	page
		.locator('table.tasks tbody tr')
		.filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${n}`) }) });
const cell = (page: Page, n: number, column: number) => row(page, n).locator('td').nth(column);
const START = 7; // the scheduled start column (after title, phase, owner, role, earliest, duration)

async function download(page: Page, button: string) {
	const file = page.waitForEvent('download');
	await page.getByRole('button', { name: button }).click();
	const d = await file;
	return { name: d.suggestedFilename(), text: fs.readFileSync((await d.path())!, 'utf8') };
}

test('tasks with a dependency move together, progress and drift show, and CSV and ICS export', async ({
	page
}) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Roadmap test');
	await nav(page, 'Roadmap');
	await page.getByLabel('Start from').selectOption({ label: 'A blank roadmap' });
	await page.getByLabel('Start date').first().fill('2027-01-04'); // a Monday
	await page.getByRole('button', { name: 'Start', exact: true }).click();

	// Task 1: five working days; task 2 follows it (a new task waits for the one before).
	await page.getByRole('button', { name: 'Add a task' }).click();
	await page.getByLabel('Title of task 1').fill('Requirements');
	await page.getByLabel('Working days of Requirements').fill('5');
	await page.getByRole('button', { name: 'Add a task' }).click();
	await page.getByLabel('Title of task 2').fill('Configure');
	await page.getByLabel('Working days of Configure').fill('3');
	await expect(page.getByLabel('Rows that Configure waits for')).toHaveValue('1');
	await expect(cell(page, 2, START - 1)).toHaveText('2027-01-11');

	// Moving the first task moves its dependant: seven days end on Tuesday the 12th.
	await page.getByLabel('Working days of Requirements').fill('7');
	await page.getByLabel('Working days of Requirements').blur();
	await expect(cell(page, 2, START - 1)).toHaveText('2027-01-13');
	await expect(row(page, 1)).toContainText('Critical');

	// Bad input: a task waiting for itself, a loop, a finish before the start. Nothing is stored.
	const deps1 = page.getByLabel('Rows that Requirements waits for');
	await deps1.fill('1');
	await expect(page.getByText('A task cannot wait for itself')).toBeVisible();
	await deps1.fill('2');
	await expect(
		page.getByText(/That would make a loop .*#1 Requirements → #2 Configure → #1 Requirements/)
	).toBeVisible();
	await deps1.blur();
	await expect(deps1).toHaveValue('');
	const finish2 = page.getByLabel('Finish of Configure');
	await finish2.fill('2027-01-01');
	await expect(
		page.getByText('The finish cannot come before the start (2027-01-13)')
	).toBeVisible();
	await finish2.blur();
	await expect(finish2).toHaveValue('2027-01-15');

	// A milestone after them; mark the first task done and see progress.
	await page.getByRole('button', { name: 'Add a milestone' }).click();
	await page.getByLabel('Title of task 3').fill('Go live: wave 1');
	// A milestone marks the end of the last day of what it waits for.
	await expect(cell(page, 3, START - 1)).toHaveText('2027-01-15');
	await page.getByLabel('Status of Requirements').selectOption({ label: 'Done' });
	await expect(page.getByLabel('Percent done of Requirements')).toHaveValue('100');
	await page.getByRole('tab', { name: 'Progress' }).click();
	// Seven done days of eleven (7 + 3 + a milestone weighing one).
	await expect(page.getByTestId('roadmap-complete')).toHaveText('64%');
	await page.getByRole('tab', { name: 'Tasks' }).click();

	// A baseline, then a slip: the table shows the drift.
	await page.getByRole('button', { name: 'Save a baseline' }).click();
	await page.getByLabel('Working days of Configure').fill('5');
	await page.getByLabel('Working days of Configure').blur();
	await expect(row(page, 2)).toContainText('4 d late');
	await expect(row(page, 3)).toContainText('4 d late');
	await expect(row(page, 1)).toContainText('On baseline');

	// Exports: CSV (with a BOM for spreadsheets) and iCalendar of the milestones.
	const csv = await download(page, 'Tasks (CSV)');
	expect(csv.name).toMatch(/\.csv$/);
	expect(csv.text.charCodeAt(0)).toBe(0xfeff);
	const lines = csv.text.slice(1).split('\r\n').filter(Boolean);
	expect(lines).toHaveLength(4);
	expect(lines[1]).toContain('Requirements');
	expect(lines[2]).toContain('2027-01-19');
	const ics = await download(page, 'Milestones (iCalendar)');
	expect(ics.name).toMatch(/\.ics$/);
	expect(ics.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	expect(ics.text).toContain('SUMMARY:Go live: wave 1');
	expect(ics.text).toContain('DTSTART;VALUE=DATE:20270119');
	expect(ics.text).toContain('DTEND;VALUE=DATE:20270120');
	expect(ics.text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);

	// Every edit is one undo step.
	await page.keyboard.press('Control+z');
	await expect(page.getByLabel('Working days of Configure')).toHaveValue('3');

	// Sorted by title, a row being typed in stays where it is until the cursor leaves the table.
	await page.locator('table.tasks thead').getByRole('button', { name: 'Title' }).click();
	const rows = page.locator('table.tasks tbody tr th');
	await expect(rows).toHaveText([/^2/, /^3/, /^1/]);
	const title = page.getByLabel('Title of task 2');
	await title.click();
	await title.press('Home');
	await title.pressSequentially('Zz ');
	await expect(title).toBeFocused();
	await expect(title).toHaveValue('Zz Configure');
	await expect(rows).toHaveText([/^2/, /^3/, /^1/]);
	await page.getByLabel('Search titles').click();
	await expect(rows).toHaveText([/^3/, /^1/, /^2/]);
});

test('the sample bank’s roadmap: template phases, KPIs, a gate review and a Gantt chart', async ({
	page
}) => {
	await new EngagementsList(page).goto();
	await page.getByRole('button', { name: 'Open the sample engagement' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Create and open' }).click();
	await expect(page.getByLabel('Engagement name')).toBeVisible();
	// A change-plan initiative becomes a task that remembers where it came from.
	await nav(page, 'Change plan');
	await page.getByRole('button', { name: 'Add to roadmap: initiative 1' }).first().click();
	await expect(page.getByText('On the roadmap').first()).toBeVisible();
	// So does a recommendation of an assessment.
	await nav(page, 'Assessments');
	await page.locator('td.actions a').nth(1).click();
	await page
		.getByRole('button', { name: /^Add to roadmap: / })
		.first()
		.click();
	await expect(page.getByText('On the roadmap.').first()).toBeVisible();
	await nav(page, 'Roadmap');
	await expect(page.locator('table.tasks tbody tr')).toHaveCount(56);
	await expect(page.locator('table.tasks')).toContainText('From the change-plan initiative');
	await expect(page.locator('table.tasks')).toContainText(
		'From a recommendation of the assessment'
	);
	await page.getByLabel('Compare with').selectOption({ index: 1 });
	await expect(page.locator('table.tasks')).toContainText('d late');
	await page.getByRole('tab', { name: 'Gantt chart' }).click();
	await expect(page.locator('#gantt-0 svg')).toBeVisible({ timeout: 15_000 });
	await page.getByRole('tab', { name: 'Progress' }).click();
	await expect(page.getByRole('region', { name: 'Phase KPIs against target' })).toContainText(
		'Customer records passing checks'
	);
	await page.getByRole('tab', { name: 'Phases, KPIs and gates' }).click();
	await expect(page.getByLabel('Decision').nth(1)).toHaveValue('conditional');
	await page.getByRole('tab', { name: 'Project team' }).click();
	await expect(page.getByLabel('Project role of Song Qichuan')).toHaveValue('sponsor');
});
