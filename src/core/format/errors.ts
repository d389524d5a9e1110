import type { ErrorObject } from 'ajv';
import validateSchema from './generated/validate-postmortem';
import { escapeSegment } from '../json-pointer';

/** One way a document breaks the schema: the JSON pointer of the field and what is wrong with it. */
export interface SchemaError {
  path: string;
  message: string;
  /** Whether the error is about the property's name (an unknown key) rather than its value. */
  target?: 'key';
}

const FORMAT_HINTS: Record<string, string> = {
  'date-time': 'must be an ISO 8601 date and time with a zone, e.g. 2024-03-05T14:02:00Z',
  date: 'must be a calendar date YYYY-MM-DD, e.g. 2024-04-01',
  uri: 'must be an absolute URI, e.g. https://tracker.example.com/browse/OPS-123',
};

/** Checks a document against the precompiled Postmortem Format 1.0 schema; one error per field. */
export function schemaErrors(document: unknown): SchemaError[] {
  if (validateSchema(document)) return [];
  const errors: SchemaError[] = [];
  const seen = new Set<string>();
  for (const error of validateSchema.errors ?? []) {
    const described = describe(error);
    if (seen.has(described.path)) continue;
    seen.add(described.path);
    errors.push(described);
  }
  return errors;
}

function describe(error: ErrorObject): SchemaError {
  const params = error.params as Record<string, unknown>;
  const path = error.instancePath;
  switch (error.keyword) {
    case 'required':
      return { path: `${path}/${escapeSegment(String(params.missingProperty))}`, message: 'is required' };
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const hint = path === '' ? ' (unknown front-matter keys belong in /extensions)' : '';
      return {
        path: `${path}/${escapeSegment(name)}`,
        message: `is not a property of the Postmortem Format${hint}`,
        target: 'key',
      };
    }
    case 'type':
      return { path, message: `must be ${typeList(params.type)}` };
    case 'format':
      return { path, message: FORMAT_HINTS[String(params.format)] ?? `must be a ${String(params.format)}` };
    case 'enum':
      return { path, message: `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}` };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'minimum':
      return { path, message: params.limit === 0 ? 'must not be negative' : `must be at least ${String(params.limit)}` };
    case 'minLength':
      return { path, message: 'must not be empty' };
    case 'uniqueItems':
      return { path, message: `must not list the same value twice (items ${String(params.j)} and ${String(params.i)})` };
    case 'pattern':
      return path.endsWith('/handle')
        ? { path, message: 'must be a handle without the leading @ and without spaces' }
        : { path, message: error.message ?? 'is not valid' };
    default:
      return { path, message: error.message ?? 'is not valid' };
  }
}

function typeList(type: unknown): string {
  const names = (Array.isArray(type) ? type : [type]).map((t) =>
    t === 'null' ? 'null' : t === 'integer' ? 'a whole number' : t === 'object' ? 'an object' : t === 'array' ? 'a list' : `a ${String(t)}`,
  );
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
}
