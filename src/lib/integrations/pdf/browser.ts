import pdfMake from 'pdfmake/build/pdfmake.js';
import type { PdfMake } from './render.ts';

/** pdfmake's browser build (runs in a worker: it needs no page). */
export const browserPdfMake = pdfMake as PdfMake;
