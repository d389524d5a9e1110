// Builds everything the extension and the CLI ship: the precompiled schema validator, then one
// CommonJS bundle each for the extension host and the CLI (see STYLE: one bundle, `vscode` external).
import * as esbuild from 'esbuild';
import { compileSchemas } from './compile-schemas.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

await compileSchemas();

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
