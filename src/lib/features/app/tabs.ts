/**
 * The workbench's open tabs, as they describe themselves: when a database upgrade is blocked,
 * the tab that waits asks the others who they are, to say which one to close.
 */
export interface TabInfo {
	/** What the tab shows: its page heading. */
	heading: string;
	/** Where it is in the app (the hash route). */
	path: string;
	openedAt: number;
}

const CHANNEL = 'crm-strategy-workbench/tabs';

type Message = { type: 'who'; from: string } | { type: 'here'; tab: TabInfo };

/** This tab's id: a message reaches the other channels of the same name in this tab too. */
const THIS_TAB = crypto.randomUUID();

/** Answers other tabs' "who is open?" with `describe()`. Returns a function that stops it. */
export function answerTabQueries(describe: () => TabInfo): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = (event: MessageEvent<Message>) => {
		if (event.data?.type === 'who' && event.data.from !== THIS_TAB)
			channel.postMessage({ type: 'here', tab: describe() });
	};
	return () => channel.close();
}

/** Asks the other open tabs of the workbench to describe themselves; waits `waitMs` for them. */
export async function askOpenTabs(waitMs = 500): Promise<TabInfo[]> {
	if (typeof BroadcastChannel === 'undefined') return [];
	const channel = new BroadcastChannel(CHANNEL);
	const tabs: TabInfo[] = [];
	channel.onmessage = (event: MessageEvent<Message>) => {
		const data = event.data;
		if (data?.type === 'here' && typeof data.tab?.heading === 'string') tabs.push(data.tab);
	};
	channel.postMessage({ type: 'who', from: THIS_TAB } satisfies Message);
	await new Promise((done) => setTimeout(done, waitMs));
	channel.close();
	return tabs.sort((a, b) => a.openedAt - b.openedAt);
}

/** This tab's description, read when another tab asks. */
export function describeThisTab(openedAt: number): TabInfo {
	const heading = document.querySelector('h1')?.textContent?.trim() || document.title;
	return { heading: heading.slice(0, 120), path: location.hash || '#/', openedAt };
}
