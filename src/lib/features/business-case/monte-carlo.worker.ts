import type { CaseContext } from '#lib/domain/business-case/cash-flows.ts';
import type { BusinessCase } from '#lib/domain/business-case/model.ts';
import { monteCarloSlices } from '#lib/domain/business-case/uncertainty.ts';

/** Runs a Monte Carlo simulation off the main thread, reporting progress as it goes. */
export interface MonteCarloRequest {
	businessCase: BusinessCase;
	context: CaseContext;
	optionId: string;
	trials: number;
	seed: number;
}

const scope = self as unknown as {
	onmessage: ((e: MessageEvent<MonteCarloRequest>) => void) | null;
	postMessage: (message: unknown) => void;
};

scope.onmessage = (e) => {
	const { businessCase, context, optionId, trials, seed } = e.data;
	const run = monteCarloSlices(businessCase, context, optionId, trials, seed);
	let step = run.next();
	while (!step.done) {
		scope.postMessage({ type: 'progress', value: step.value });
		step = run.next();
	}
	scope.postMessage({ type: 'done', result: step.value });
};
