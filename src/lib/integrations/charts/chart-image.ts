import type { ChartConfiguration } from 'chart.js';
import { Chart } from './chart-setup.ts';

/**
 * Draws a chart once, off screen, as a sharp image for a report: at twice its size, on white,
 * with no animation, no tooltips and no resizing.
 */
export async function drawChartImage(
	config: ChartConfiguration,
	width: number,
	height: number,
	scale = 2
): Promise<string> {
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(width * scale);
	canvas.height = Math.round(height * scale);
	canvas.style.width = `${width}px`;
	canvas.style.height = `${height}px`;
	const chart = new Chart(canvas, {
		...config,
		options: {
			...config.options,
			animation: false,
			responsive: false,
			maintainAspectRatio: false,
			devicePixelRatio: scale,
			events: []
		},
		plugins: [
			...(config.plugins ?? []),
			{
				id: 'whiteBackground',
				beforeDraw: (c) => {
					const context = c.ctx;
					context.save();
					context.globalCompositeOperation = 'destination-over';
					context.fillStyle = '#ffffff';
					context.fillRect(0, 0, c.width, c.height);
					context.restore();
				}
			}
		]
	});
	try {
		chart.resize(width, height);
		chart.draw();
		// JPEG, not PNG: pdfkit embeds a JPEG as it is, but decodes and re-encodes a PNG (its
		// alpha channel apart) in script, which takes seconds per chart in a browser.
		return canvas.toDataURL('image/jpeg', 0.92);
	} finally {
		chart.destroy();
	}
}
