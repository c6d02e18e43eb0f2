import {
	BarController,
	BarElement,
	BubbleController,
	CategoryScale,
	Chart,
	Filler,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	RadarController,
	RadialLinearScale,
	Tooltip
} from 'chart.js';

/** Only what the charts use is registered (and bundled); loaded on demand, never with the shell. */
Chart.register(
	BarController,
	BarElement,
	BubbleController,
	CategoryScale,
	Filler,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	RadarController,
	RadialLinearScale,
	Tooltip
);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.color = '#1b2430';

export { Chart };
