import fs from 'node:fs';
import { createRequire } from 'node:module';

let cached: string | null = null;

/**
 * The minified Plotly bundle, to inline in the report so it opens from file:// with no network.
 * A literal "</script" inside would end the inline script early, so it is written "<\/script"
 * (the same string to JavaScript).
 */
export function plotlySource(): string {
  if (cached === null) {
    const file = createRequire(import.meta.url).resolve('plotly.js-dist-min');
    cached = fs.readFileSync(file, 'utf8').replace(/<\/script/gi, '<\\/script');
  }
  return cached;
}

/** The bundled Plotly version, from its banner ("plotly.js v4.1.2"). */
export function plotlyVersion(): string {
  return /plotly\.js v(\d+\.\d+\.\d+)/.exec(plotlySource().slice(0, 400))?.[1] ?? 'unknown';
}
