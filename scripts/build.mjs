// Builds everything the extension and the CLI ship: the precompiled schema validator, then one
// CommonJS bundle each for the extension host and the CLI (see STYLE: one bundle, `vscode` external).
import { copyFileSync, mkdirSync } from 'node:fs';
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
  // The Timeline webview: its script and styles go INTO media/ (the webview may load nothing else).
  {
    ...common,
    entryPoints: ['media/timeline/main.ts'],
    outfile: 'media/dist/timeline.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: production ? false : 'inline',
  },
  { ...common, entryPoints: ['media/timeline/timeline.css'], outfile: 'media/dist/timeline.css', platform: 'browser', sourcemap: false },
];

// The codicon font for the webview (the workbench's own icons), from @vscode/codicons.
mkdirSync('media/dist', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `media/dist/${file}`);


if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
