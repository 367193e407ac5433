import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { launchBrowser } from './browser';

const ROOT = join(__dirname, '..', '..');
/** Beside the browser suites' screenshots, so that one folder holds every picture a run made. */
export const PDF_PAGES = join(ROOT, 'artifacts', 'screenshots', 'pdf-pages');

export interface RenderedPage {
  /** Where the PNG was written. */
  path: string;
  width: number;
  height: number;
  /** Share of the page's pixels that are not white (0–1). */
  ink: number;
  /** Non-white pixels in each margin strip (as wide as `marginPoints`), outside the footer's band. */
  marginInk: { left: number; right: number; top: number };
}

/**
 * Renders one page of a PDF to PNG the way a reader's viewer does (pdf.js, in Chromium, at 2 pixels
 * per point), writes it to artifacts/screenshots/pdf-pages/<name>.png, and measures where ink fell,
 * so that a test can check the layout as well as leave the picture for people to look at.
 */
export async function renderPdfPage(
  pdf: Buffer,
  pageNumber: number,
  name: string,
  marginPoints: number,
): Promise<RenderedPage> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    // The worker's code on the page itself: pdf.js then runs in the page's thread, with no worker URL to serve.
    await page.addScriptTag({ path: require.resolve('pdfjs-dist/legacy/build/pdf.js') });
    await page.addScriptTag({ path: require.resolve('pdfjs-dist/legacy/build/pdf.worker.js') });
    const result = (await page.evaluate(
      `(async () => {
        const lib = window.pdfjsLib;
        const bytes = Uint8Array.from(atob(${JSON.stringify(pdf.toString('base64'))}), (c) => c.charCodeAt(0));
        const doc = await lib.getDocument({ data: bytes, isEvalSupported: false }).promise;
        const pdfPage = await doc.getPage(${pageNumber});
        const scale = 2;
        const viewport = pdfPage.getViewport({ scale });
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(viewport.width);
        canvas.height = Math.round(viewport.height);
        const context = canvas.getContext('2d');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        await pdfPage.render({ canvasContext: context, viewport }).promise;
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
        const inked = (x0, y0, x1, y1) => {
          let n = 0;
          for (let y = y0; y < y1; y += 1)
            for (let x = x0; x < x1; x += 1) {
              const i = (y * canvas.width + x) * 4;
              if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) n += 1;
            }
          return n;
        };
        const m = Math.round(${marginPoints} * scale);
        return {
          png: canvas.toDataURL('image/png').split(',')[1],
          width: canvas.width,
          height: canvas.height,
          ink: inked(0, 0, canvas.width, canvas.height) / (canvas.width * canvas.height),
          marginInk: {
            left: inked(0, 0, m, canvas.height),
            right: inked(canvas.width - m, 0, canvas.width, canvas.height),
            top: inked(0, 0, canvas.width, m),
          },
        };
      })()`,
    )) as Omit<RenderedPage, 'path'> & { png: string };
    const path = join(PDF_PAGES, `${name}.png`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, Buffer.from(result.png, 'base64'));
    const { png: _png, ...measures } = result;
    return { path, ...measures };
  } finally {
    await browser.close();
  }
}
