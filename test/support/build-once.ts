import { execFileSync } from 'node:child_process';

/**
 * Vitest global setup: builds the project once, as `npm run build` does (the compiled tree, then
 * the bundles dist/cli.js and dist/replication-worker.js), because the end-to-end tests run the
 * real command line and Piscina's workers load compiled JavaScript.
 */
export default function setup(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
}
