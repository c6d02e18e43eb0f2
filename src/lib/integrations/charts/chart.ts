import type { Attachment } from 'svelte/attachments';
import type { Chart, ChartConfiguration } from 'chart.js';

let loading: Promise<typeof Chart> | undefined;
const loadChart = () => (loading ??= import('./chart-setup.ts').then((m) => m.Chart));

/**
 * Draws a Chart.js configuration on a canvas: `<canvas {@attach chart(config)}>`. Chart.js loads
 * on first use. When the configuration changes the chart is drawn anew (animation is off, so
 * this is instant); it is destroyed with the canvas.
 */
export function chart(
	config: ChartConfiguration<never> | ChartConfiguration
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let instance: Chart | undefined;
		let cancelled = false;
		loadChart().then((ChartClass) => {
			if (!cancelled) instance = new ChartClass(canvas, config as ChartConfiguration);
		});
		return () => {
			cancelled = true;
			instance?.destroy();
		};
	};
}
