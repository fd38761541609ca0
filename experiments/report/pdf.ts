import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReportError } from './report-files.js';

/** The flags the report's browser tests use: headless, no sandbox, no GPU, no first-run pages, no background requests. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] as const;

/** The system's Chromium (Debian's `chromium` package), found on PATH; a clear error when there is none. */
export function findChromium(): string {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (found !== '') return found;
    } catch {
      // not this name
    }
  }
  throw new ReportError('--pdf needs Chromium, and none was found on PATH (which chromium): install it (on Debian, apt-get install chromium) or open report.html in a browser and print it to PDF');
}

/** Pages in a PDF, counted as its page objects ("/Type /Page", not "/Pages"). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/**
 * Prints a report page to PDF with headless Chromium, offline: the window is as wide as an A4
 * page less its margins, so the charts are laid out at the printed width, and the page's own
 * print styles (reports/styles.ts) decide the pages. No header or footer lines of the browser's.
 */
export async function printReportPdf(htmlFile: string, pdfFile: string, chromium = findChromium()): Promise<{ pages: number }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'labelsim-pdf-'));
  const tmp = `${pdfFile}.tmp-${process.pid}`;
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        chromium,
        [
          ...CHROMIUM_FLAGS,
          `--user-data-dir=${profile}`,
          '--window-size=718,1015',
          '--hide-scrollbars',
          '--no-pdf-header-footer',
          '--run-all-compositor-stages-before-draw',
          // Time for the inlined Plotly to draw every chart before the page is printed.
          '--virtual-time-budget=30000',
          `--print-to-pdf=${tmp}`,
          pathToFileURL(path.resolve(htmlFile)).href,
        ],
        { timeout: 180_000, maxBuffer: 16 * 1024 * 1024 },
        (err, _stdout, stderr) => (err ? reject(new ReportError(`Chromium could not print ${htmlFile}: ${String(stderr).trim().split('\n').slice(-3).join(' ') || err.message}`)) : resolve()),
      );
    });
    if (!fs.existsSync(tmp)) throw new ReportError(`Chromium printed nothing for ${htmlFile}`);
    const pdf = fs.readFileSync(tmp);
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new ReportError(`Chromium's output for ${htmlFile} is not a PDF`);
    fs.renameSync(tmp, pdfFile);
    return { pages: pdfPageCount(pdf) };
  } finally {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
