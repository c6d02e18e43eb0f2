import type { CaseContext } from '#lib/domain/business-case/cash-flows.ts';
import type { BusinessCase } from '#lib/domain/business-case/model.ts';
import type { MonteCarloResult } from '#lib/domain/business-case/uncertainty.ts';
import type { MonteCarloRequest } from './monte-carlo.worker.ts';

export interface MonteCarloRun {
	result: Promise<MonteCarloResult | null>;
	/** Stops the run; `result` then resolves to null. */
	cancel: () => void;
}

/** Starts a simulation in a worker; `onProgress` hears 0–1 as it runs. */
export function startMonteCarlo(
	request: { businessCase: BusinessCase; context: CaseContext; optionId: string; trials: number },
	onProgress: (share: number) => void
): MonteCarloRun {
	const worker = new Worker(new URL('./monte-carlo.worker.ts', import.meta.url), {
		type: 'module'
	});
	let settle: (r: MonteCarloResult | null) => void = () => {};
	const result = new Promise<MonteCarloResult | null>((resolve, reject) => {
		settle = resolve;
		worker.onmessage = (
			e: MessageEvent<{ type: string; value?: number; result?: MonteCarloResult }>
		) => {
			if (e.data.type === 'progress') onProgress(e.data.value ?? 0);
			else {
				worker.terminate();
				resolve(e.data.result ?? null);
			}
		};
		worker.onerror = (e) => {
			worker.terminate();
			reject(new Error(e.message));
		};
	});
	// Plain data only: the snapshot may hold Svelte proxies, which cannot be cloned.
	const message: MonteCarloRequest = JSON.parse(JSON.stringify({ ...request, seed: 1 }));
	worker.postMessage(message);
	return {
		result,
		cancel: () => {
			worker.terminate();
			settle(null);
		}
	};
}
