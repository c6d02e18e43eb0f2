import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerTabQueries, askOpenTabs, type TabInfo } from './tabs.ts';

const stops: Array<() => void> = [];
afterEach(() => {
	for (const stop of stops.splice(0)) stop();
	vi.restoreAllMocks();
});

describe('the tabs channel', () => {
	it('lists the tabs that answer, oldest first, but never the tab that asks', async () => {
		// This module stands for one tab; what answers here is this tab itself.
		stops.push(answerTabQueries(() => ({ heading: 'This tab', path: '#/', openedAt: 1 })));
		// Another tab of the workbench, on its own channel object, as a tab of this release.
		const other = new BroadcastChannel('crm-strategy-workbench/tabs');
		stops.push(() => other.close());
		const tab: TabInfo = { heading: 'Acme roadmap', path: '#/e/acme/roadmap', openedAt: 0 };
		other.onmessage = (e: MessageEvent<{ type: string }>) => {
			if (e.data.type === 'who') other.postMessage({ type: 'here', tab });
		};
		expect(await askOpenTabs(200)).toEqual([tab]);
	});
});
