import { execFileSync } from 'node:child_process';

/**
 * Vitest global setup: compiles the project once, because the end-to-end tests run the real
 * command line (dist/experiments/cli.js) and Piscina's workers load compiled JavaScript.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
