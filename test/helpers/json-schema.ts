// ajv (draft-07 and 2020-12) with formats, wrapped once for the CommonJS default-export interop under NodeNext.
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { readFile } from 'node:fs/promises';

const addFormats = formatsModule as unknown as typeof formatsModule.default;

/** Compiles a JSON schema file; its "$schema" picks draft-07 or 2020-12. */
export async function compileSchemaFile(file: string): Promise<ValidateFunction> {
  const schema = JSON.parse(await readFile(file, 'utf8')) as { $schema?: string };
  const ajv = schema.$schema?.includes('2020-12')
    ? new Ajv2020({ strict: false, allErrors: true })
    : new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
