import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelsim, tempDir } from '../../support/cli.js';
import { launchChromium } from '../chromium.js';

describe('the calibration page', () => {
  it('opens offline and draws every figure with the traces it promises, making no request', async () => {
    const out = tempDir('calibration-page');
    const r = labelsim(['calibrate', 'experiments/pilot/pilot-export.csv', '--shifts', 'mon-fri 09:00-17:00', '--fence', '1.5', '--bootstrap', '20', '--out', out]);
    expect(r.code).toBe(0);
    const file = path.join(out, 'calibration.html');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith('file:') && !req.url().startsWith('data:')) requests.push(req.url());
      });
      await page.goto(`file://${file}`);
      await page.waitForSelector('body[data-rendered]');
      expect(await page.getAttribute('body', 'data-rendered')).toBe('true');
      const plots = (await page.evaluate(
        `Array.from(document.querySelectorAll('.plot')).map((el) => ({ id: el.dataset.plot, promised: Number(el.dataset.traces), traces: (el._fullData || []).length }))`,
      )) as Array<{ id: string; promised: number; traces: number }>;
      expect(plots.map((p) => p.id)).toEqual(['fit-histogram', 'fit-qq', 'learning']);
      for (const p of plots) expect(p.traces).toBe(p.promised);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
