import {
	BarController,
	BarElement,
	BubbleController,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
} from 'chart.js';

/** Only what the charts use is registered (and bundled); loaded on demand, never with the shell. */
Chart.register(
	BarController,
	BarElement,
	BubbleController,
	CategoryScale,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.color = '#1b2430';

export { Chart };
