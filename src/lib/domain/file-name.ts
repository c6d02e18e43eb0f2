/**
 * A file name stem that works on every OS: characters that Windows, macOS or Linux refuse (and
 * control characters) become spaces, runs of spaces one hyphen, at most `max` characters.
 */
export function safeFileStem(text: string, fallback: string, max = 80): string {
	const safe = text
		.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
		.trim()
		.replace(/\s+/g, '-')
		.slice(0, max);
	return safe || fallback;
}
