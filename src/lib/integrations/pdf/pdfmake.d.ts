// pdfmake 0.3 ships no type declarations; the adapter describes the part it uses (PdfMake).
declare module 'pdfmake/build/pdfmake.js' {
	const pdfMake: unknown;
	export default pdfMake;
}
declare module 'pdfmake' {
	const pdfMake: unknown;
	export default pdfMake;
}
