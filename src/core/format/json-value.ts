import type { JsonValue } from './document';

/**
 * Turns a front-matter value into plain JSON data (the `extensions` object must survive JSON and YAML
 * alike): dates become ISO strings, maps become objects, numbers JSON cannot hold become their text,
 * and a cyclic reference becomes null. Object keys keep the writer's order.
 */
export function toJsonValue(value: unknown, seen: Set<object> = new Set()): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (seen.has(value)) return null;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => toJsonValue(item, seen));
    const entries: [unknown, unknown][] = value instanceof Map ? [...value.entries()] : Object.entries(value);
    const result: { [key: string]: JsonValue } = {};
    for (const [key, item] of entries) {
      if (item === undefined) continue;
      result[String(key)] = toJsonValue(item, seen);
    }
    return result;
  } finally {
    seen.delete(value);
  }
}
