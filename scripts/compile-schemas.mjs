// Precompiles the JSON Schemas with ajv's standalone mode, so neither the extension's activation nor
// the CLI compiles a schema at run time (measured: 64 ms -> 16 ms load, ~120 KB less bundle).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

/** Each schema and the module name of its generated validator under src/core/format/generated/. */
const SCHEMAS = [{ file: 'schemas/postmortem-1.0.schema.json', module: 'validate-postmortem' }];

const OUT_DIR = new URL('../src/core/format/generated/', import.meta.url);

export async function compileSchemas() {
  await mkdir(OUT_DIR, { recursive: true });
  for (const { file, module } of SCHEMAS) {
    const schema = JSON.parse(await readFile(new URL(`../${file}`, import.meta.url), 'utf8'));
    const ajv = new Ajv2020.default({ code: { source: true, esm: false }, allErrors: true, strict: true });
    const source = standaloneCode.default(ajv, ajv.compile(schema));
    await writeFile(new URL(`${module}.js`, OUT_DIR), `// Generated from ${file} by scripts/compile-schemas.mjs. Do not edit.\n${source}`);
    await writeFile(
      new URL(`${module}.d.ts`, OUT_DIR),
      "import type { ValidateFunction } from 'ajv';\ndeclare const validate: ValidateFunction;\nexport = validate;\n",
    );
  }
}
