import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

/** The system's Chromium (Debian's package; .ci/run installs it), never a downloaded browser. */
export function chromiumPath(): string {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error('no Chromium found: install it (apt-get install -y chromium) to run the report browser tests');
}

/** A headless Chromium that makes no background requests of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}
