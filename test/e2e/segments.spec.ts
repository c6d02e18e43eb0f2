import type { Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { EngagementsList } from './pages.ts';

async function openSegments(page: Page, name = 'Segments test') {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create(name);
	await page.getByLabel('Currency').selectOption('CNY');
	await page
		.getByRole('navigation', { name: 'Engagement areas' })
		.getByRole('link', { name: 'Segments' })
		.click();
	await expect(page.getByRole('heading', { name: 'Customer segments' })).toBeVisible();
}

async function addSegment(
	page: Page,
	s: {
		name: string;
		customers: string;
		revenue: string;
		margin: string;
		retention: string;
		acquisition: string;
		cost: string;
		growth: string;
	}
) {
	await page.getByRole('button', { name: 'Add a segment' }).click();
	const editor = page.getByRole('region', { name: /^Segment:/ });
	await editor.getByLabel('Name', { exact: true }).fill(s.name);
	await editor.getByLabel('Number of customers', { exact: true }).fill(s.customers);
	await editor.getByLabel('Annual revenue').fill(s.revenue);
	await editor.getByLabel('Gross margin').fill(s.margin);
	await editor.getByLabel('Retention rate').fill(s.retention);
	await editor.getByLabel('Cost to win a customer').fill(s.acquisition);
	await editor.getByLabel('Yearly cost to serve a customer').fill(s.cost);
	await editor.getByLabel('Yearly growth').fill(s.growth);
	await editor.getByLabel('Yearly growth').blur();
}

// Hand-worked: Wealth 100 customers, revenue 10,000, margin 40 %, cost to serve 5 → profit 3,500,
// m = 35, CLV = 35 × 1.1 ÷ 0.2 − 20 = 172.50. Mass 900 customers, revenue 9,000, margin 30 %,
// cost to serve 1 → profit 1,800. Profit shares 66.0 % and 34.0 %; the first 10 % of customers bring
// 66 %, so it takes all customers (both segments) to reach the 80 % of the headline.
const wealth = {
	name: 'Wealth',
	customers: '100',
	revenue: '10,000',
	margin: '40',
	retention: '90',
	acquisition: '20',
	cost: '5',
	growth: '8'
};
const mass = {
	name: 'Mass retail',
	customers: '900',
	revenue: '9000',
	margin: '30',
	retention: '70',
	acquisition: '3',
	cost: '1',
	growth: '2'
};

test('segments compute shares, lifetime value and tiers, and the Pareto chart follows edits and undo', async ({
	page
}) => {
	await openSegments(page);
	await addSegment(page, wealth);
	const table = page.getByRole('table', { name: 'Customer segments' });
	const wealthRow = table.getByRole('row').filter({ hasText: 'Wealth' });
	await expect(wealthRow).toContainText('100');
	await expect(wealthRow).toContainText('100%');
	await expect(wealthRow).toContainText('¥173');
	await expect(page.getByRole('region', { name: 'Segment: Wealth' })).toContainText(
		'Lifetime value CN¥172.50'
	);
	await expect(
		page.getByText('Pareto (80/20): 100% of customers bring 100% of profit.')
	).toBeVisible();

	await addSegment(page, mass);
	await expect(wealthRow).toContainText('66%');
	await expect(wealthRow).toContainText('Develop');
	await expect(table.getByRole('row').filter({ hasText: 'Mass retail' })).toContainText('34%');
	await expect(page.getByText('100% of customers bring 100% of profit.')).toBeVisible();
	await page.getByText('Show the chart data as a table').click();
	const data = page.getByRole('table', { name: 'Pareto (80/20):' });
	await expect(data.getByRole('row').nth(1)).toContainText('Wealth');
	await expect(data.getByRole('row').nth(1)).toContainText('10%');

	// Undo the last edits of the second segment, field by field, then the segment itself.
	const undo = page.getByRole('button', { name: 'Undo', exact: true });
	for (let i = 0; i < 8; i++) await undo.click();
	await expect(table.getByRole('row').filter({ hasText: /Segment 2/ })).toBeVisible();
	await undo.click();
	await expect(table.getByRole('row')).toHaveCount(3); // header, Wealth, total
	await expect(page.getByText('100% of customers bring 100% of profit.')).toBeVisible();
});

test('invalid numbers are explained next to the field and never stored', async ({ page }) => {
	await openSegments(page, 'Validation');
	await page.getByRole('button', { name: 'Add a segment' }).click();
	const retention = page.getByLabel('Retention rate');
	await retention.fill('120');
	await expect(page.getByText('The largest allowed value is 100.')).toBeVisible();
	await expect(retention).toHaveAttribute('aria-invalid', 'true');
	const customers = page.getByLabel('Number of customers', { exact: true });
	await customers.fill('12.5');
	await expect(page.getByText('Use a whole number.')).toBeVisible();
	const revenue = page.getByLabel('Annual revenue');
	await revenue.fill('1.005');
	await expect(page.getByText('Use at most 2 decimal places.')).toBeVisible();
	await revenue.fill('１２，５００');
	await revenue.blur();
	await expect(revenue).toHaveValue('12500');
	await expect(page.getByText('All changes saved')).toBeVisible();
	await page.reload();
	await page.getByRole('button', { name: 'Segment 1', exact: true }).click();
	await expect(page.getByLabel('Retention rate')).toHaveValue('0');
	await expect(page.getByLabel('Number of customers', { exact: true })).toHaveValue('0');
	await expect(page.getByLabel('Annual revenue')).toHaveValue('12500');
});

test('a tier can be overruled with a reason, and needs are marked push or pull', async ({
	page
}) => {
	await openSegments(page, 'Tiers');
	await addSegment(page, wealth);
	await addSegment(page, mass);
	const editor = page.getByRole('region', { name: 'Segment: Mass retail' });
	// Value index 0.34 ÷ 0.9 = 0.38, under 0.5.
	await expect(editor).toContainText('Suggested: Serve at lowest cost.');
	await editor.getByLabel('Tier for this segment').selectOption('develop');
	await expect(editor.getByText('Add the reason')).toBeVisible();
	await editor.getByLabel('Why this tier').fill('Future affluent customers');
	await expect(editor.getByText('Add the reason')).toHaveCount(0);
	const row = page
		.getByRole('table', { name: 'Customer segments' })
		.getByRole('row')
		.filter({ hasText: 'Mass retail' });
	await expect(row).toContainText('Develop');
	await expect(row).toContainText('your choice');
	await editor.getByRole('button', { name: 'Add a need' }).click();
	await editor.getByLabel('Need 1', { exact: true }).fill('Self-service account opening');
	await editor.getByLabel('Push or pull for need 1').selectOption('push');
	await expect(page.getByText('All changes saved')).toBeVisible();
	await page.reload();
	await page.getByRole('button', { name: 'Mass retail', exact: true }).click();
	await expect(page.getByLabel('Need 1', { exact: true })).toHaveValue(
		'Self-service account opening'
	);
	await expect(page.getByLabel('Push or pull for need 1')).toHaveValue('push');
	await expect(page.getByLabel('Why this tier')).toHaveValue('Future affluent customers');
});
