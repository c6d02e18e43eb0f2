/**
 * The report fonts: Noto Sans SC, TC and JP (SIL Open Font License 1.1) as TrueType, taken from
 * the npm registry's `@expo-google-fonts` packages. The build copies these files to `fonts/`
 * (see vite.config.ts); the app fetches one on the first export that needs it and keeps it in
 * the browser's cache for offline use. No import here: vite.config.ts reads this file too.
 */
export const FONT_FAMILIES = {
	NotoSansSC: {
		regular: 'NotoSansSC-Regular.ttf',
		bold: 'NotoSansSC-Bold.ttf'
	},
	NotoSansTC: {
		regular: 'NotoSansTC-Regular.ttf',
		bold: 'NotoSansTC-Bold.ttf'
	},
	// Only for the few rare characters neither Chinese font has (𠮷): regular weight suffices.
	NotoSansJP: {
		regular: 'NotoSansJP-Regular.ttf',
		bold: null
	}
} as const;
export type FontFamily = keyof typeof FONT_FAMILIES;
export type FontFile = (typeof FONT_FAMILIES)[FontFamily]['regular' | 'bold'] & string;

/** Where each font file comes from in the npm registry's packages. */
export const FONT_SOURCES: Record<FontFile, string> = {
	'NotoSansSC-Regular.ttf': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
	'NotoSansSC-Bold.ttf': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
	'NotoSansTC-Regular.ttf': '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
	'NotoSansTC-Bold.ttf': '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
	'NotoSansJP-Regular.ttf': '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'
};
