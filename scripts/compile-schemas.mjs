// Precompiles the JSON Schemas with ajv's standalone mode, so neither the extension's activation nor
// the CLI compiles a schema at run time (shared/STYLE.md measured 64 ms -> 16 ms load, ~120 KB less bundle).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';

/** Each schema and the module name of its generated validator under src/core/format/generated/. */
const SCHEMAS = [{ file: 'schemas/postmortem-1.0.schema.json', module: 'validate-postmortem' }];

/**
 * The `format`s the schemas use. ajv-formats checks them for real (2024-02-30 is not a date); the
 * standalone code requires only ajv-formats' format table, which esbuild bundles.
 */
const FORMATS = ['date-time', 'date', 'uri'];

const OUT_DIR = new URL('../src/core/format/generated/', import.meta.url);

export async function compileSchemas() {
  await mkdir(OUT_DIR, { recursive: true });
  for (const { file, module } of SCHEMAS) {
    const schema = JSON.parse(await readFile(new URL(`../${file}`, import.meta.url), 'utf8'));
    const ajv = new Ajv2020.default({
      code: { source: true, esm: false, formats: Ajv2020._`require("ajv-formats/dist/formats").fullFormats` },
      allErrors: true,
      strict: true,
    });
    addFormats.default(ajv, FORMATS);
    const source = standaloneCode.default(ajv, ajv.compile(schema));
    await writeIfChanged(new URL(`${module}.js`, OUT_DIR), `// Generated from ${file} by scripts/compile-schemas.mjs. Do not edit.\n${source}`);
    await writeIfChanged(
      new URL(`${module}.d.ts`, OUT_DIR),
      "import type { ValidateFunction } from 'ajv';\ndeclare const validate: ValidateFunction;\nexport = validate;\n",
    );
  }
}

/** Leaves an unchanged file alone, so watchers and concurrent builds do not see spurious rewrites. */
async function writeIfChanged(url, content) {
  const old = await readFile(url, 'utf8').catch(() => null);
  if (old !== content) await writeFile(url, content);
}

// `node scripts/compile-schemas.mjs` (before a type check on a fresh checkout) compiles them on its own.
if (import.meta.url === pathToFileURL(process.argv[1]).href) await compileSchemas();
