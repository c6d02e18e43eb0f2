import type { Attachment } from 'svelte/attachments';
import type { Chart, ChartConfiguration } from 'chart.js';

let loading: Promise<typeof Chart> | undefined;
const loadChart = () => (loading ??= import('./chart-setup.ts').then((m) => m.Chart));

/**
 * Draws a Chart.js configuration on a canvas: `<canvas {@attach chart(() => config)}>`.
 * Chart.js loads on first use. When the configuration changes, the same chart takes the new
 * data and options and redraws without animation (no new chart, no flicker); it is destroyed
 * with the canvas.
 */
export function chart(
	config: () => ChartConfiguration<never> | ChartConfiguration
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let instance: Chart | undefined;
		let cancelled = false;
		const ready = loadChart();
		$effect(() => {
			const next = config() as ChartConfiguration;
			ready.then((ChartClass) => {
				if (cancelled) return;
				if (!instance) {
					instance = new ChartClass(canvas, next);
				} else {
					instance.data = next.data;
					instance.options = next.options ?? {};
					instance.update('none');
				}
			});
		});
		return () => {
			cancelled = true;
			instance?.destroy();
		};
	};
}
