import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ACTION_TYPES, MILESTONES, STATUSES } from '../../src/core/model/types';
import {
  exportPostmortem,
  FORMAT_VERSION,
  SECTION_KINDS,
  schemaErrors,
  toExchange,
  toExchangeWithRanges,
  ZONE_ORIGINS,
} from '../../src/core/format';
import { sampleAnalysis } from '../fixtures/format/models';

const schema = JSON.parse(readFileSync(new URL('../../schemas/postmortem-1.0.schema.json', import.meta.url), 'utf8'));

type SchemaNode = { [key: string]: unknown };

/** Every subschema that describes a value (properties, items), with its JSON pointer in the schema. */
function* subschemas(node: SchemaNode, at = ''): Generator<[string, SchemaNode]> {
  const properties = node.properties as Record<string, SchemaNode> | undefined;
  for (const [name, child] of Object.entries(properties ?? {})) {
    yield [`${at}/properties/${name}`, child];
    yield* subschemas(child, `${at}/properties/${name}`);
  }
  if (node.items && typeof node.items === 'object') {
    yield [`${at}/items`, node.items as SchemaNode];
    yield* subschemas(node.items as SchemaNode, `${at}/items`);
  }
}

describe('Postmortem Format schema', () => {
  it('is versioned and identified', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.ok(schema.$id);
    assert.ok(schema.title && schema.description);
    assert.deepEqual(schema.properties.formatVersion.const, FORMAT_VERSION);
  });

  it('describes every property and item', () => {
    const missing = [...subschemas(schema)].filter(([, s]) => typeof s.description !== 'string' || !s.description).map(([p]) => p);
    assert.deepEqual(missing, []);
  });

  it('closes every object except extensions', () => {
    const open = [...subschemas(schema)]
      .filter(([, s]) => s.properties && s.additionalProperties !== false)
      .map(([p]) => p);
    assert.deepEqual(open, []);
    assert.equal(schema.additionalProperties, false);
    assert.equal(schema.properties.extensions.type, 'object');
  });

  it('lists the same enums as the model', () => {
    const p = schema.properties;
    assert.deepEqual(p.metadata.properties.status.enum, [...STATUSES, null]);
    assert.deepEqual(Object.keys(p.milestones.properties), [...MILESTONES]);
    assert.deepEqual(p.timeline.items.properties.milestones.items.enum, [...MILESTONES]);
    assert.deepEqual(p.timeline.items.properties.zoneOrigin.enum, [...ZONE_ORIGINS]);
    assert.deepEqual(p.sections.items.properties.kind.enum, [...SECTION_KINDS]);
    assert.deepEqual(p.actionItems.items.properties.type.enum, [...ACTION_TYPES, null]);
  });

  it('writes keys in the schema order', () => {
    const document = toExchange(sampleAnalysis().model, { sourceName: 'x.postmortem.md' }) as unknown as SchemaNode;
    const check = (value: unknown, node: SchemaNode, at: string): void => {
      if (Array.isArray(value)) return value.forEach((v, i) => check(v, node.items as SchemaNode, `${at}/${i}`));
      if (!value || typeof value !== 'object' || !node.properties) return;
      const order = Object.keys(node.properties as object);
      const keys = Object.keys(value);
      assert.deepEqual(keys, order.filter((k) => keys.includes(k)), `key order at ${at || '/'}`);
      for (const key of keys) check((value as SchemaNode)[key], (node.properties as Record<string, SchemaNode>)[key], `${at}/${key}`);
    };
    check(document, schema, '');
  });
});

describe('toExchange', () => {
  it('maps the model onto a schema-valid document', () => {
    const document = toExchange(sampleAnalysis().model, { sourceName: 'docs/incidents/x.postmortem.md' });
    assert.deepEqual(schemaErrors(document), []);
    assert.equal(document.formatVersion, '1.0');
    assert.equal(document.sourceFile, 'x.postmortem.md');
    assert.deepEqual(document.milestones, {
      started: '2024-03-05T14:02:00Z',
      detected: '2024-03-05T14:09:00Z',
      mitigated: '2024-03-05T14:40:00Z',
      resolved: '2024-03-05T14:40:00Z',
    });
    assert.deepEqual(document.timeline[2], {
      at: '2024-03-05T14:40:00Z',
      timeText: '15:40',
      source: null,
      milestones: ['mitigated', 'resolved'],
      text: 'Rollback completes',
      zoneOrigin: 'document',
    });
    assert.deepEqual(document.actionItems[0].ticket, { key: 'OPS-123', url: null });
    assert.deepEqual(document.extensions, { 'customer-facing': true });
    assert.equal('range' in document.timeline[0], false);
  });

  it('leaves sourceFile out when no source name is given', () => {
    assert.equal('sourceFile' in toExchange(sampleAnalysis().model), false);
  });

  it('keeps unknown front-matter values as plain JSON data', () => {
    const { model } = sampleAnalysis();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    model.metadata.extra = {
      reviewed: new Date('2024-03-08T10:00:00Z'),
      links: new Map([['runbook', 'https://runbooks.example.com/checkout']]),
      ratio: Number.NaN,
      skipped: undefined,
      cyclic,
    };
    const document = toExchange(model);
    assert.deepEqual(document.extensions, {
      reviewed: '2024-03-08T10:00:00.000Z',
      links: { runbook: 'https://runbooks.example.com/checkout' },
      ratio: 'NaN',
      cyclic: { name: 'loop', self: null },
    });
    assert.deepEqual(schemaErrors(document), []);
  });

  it('turns an empty ticket into null', () => {
    const { model } = sampleAnalysis();
    model.actionItems[0].ticket = { key: null, url: null };
    assert.equal(toExchange(model).actionItems[0].ticket, null);
  });

  it('maps pointers to source ranges, front matter included', () => {
    const analysis = sampleAnalysis();
    const { ranges } = toExchangeWithRanges(analysis.model, { frontMatter: analysis.frontMatter });
    assert.equal(ranges.get('/metadata/title')?.start.line, 2);
    assert.equal(ranges.get('/metadata/participants/0/handle')?.start.line, 11);
    assert.equal(ranges.get('/extensions/customer-facing')?.start.line, 14);
    assert.equal(ranges.get('/metadata')?.start.line, 1);
    assert.equal(ranges.get('/metadata')?.end.line, 15);
    assert.equal(ranges.get('/timeline/1')?.start.line, 26);
    assert.equal(ranges.get('/timeline/1/at')?.start.column, 3);
    assert.equal(ranges.get('/durations/timeToDetectSeconds')?.start.line, 26);
    assert.equal(ranges.get('/actionItems/0')?.start.line, 31);
    assert.equal(ranges.get('/sections/2/heading')?.start.line, 29);
  });
});

describe('exportPostmortem', () => {
  it('exports valid JSON: 2-space indent, trailing newline', () => {
    const result = exportPostmortem(sampleAnalysis(), 'json', { sourceName: 'x.postmortem.md' });
    assert.ok(result.ok);
    assert.ok(result.content.startsWith('{\n  "formatVersion": "1.0",\n  "sourceFile": "x.postmortem.md",\n  "metadata": {\n'));
    assert.ok(result.content.endsWith('}\n') && !result.content.endsWith('\n\n'));
    assert.deepEqual(schemaErrors(JSON.parse(result.content)), []);
  });

  it('exports YAML that reads back to the same document, with timestamps quoted', () => {
    const result = exportPostmortem(sampleAnalysis(), 'yaml');
    assert.ok(result.ok);
    assert.match(result.content, /^formatVersion: "1\.0"\n/);
    assert.match(result.content, /at: "2024-03-05T14:02:00Z"/);
    assert.deepEqual(parseYaml(result.content), toExchange(sampleAnalysis().model));
    assert.deepEqual(parseYaml(result.content, { version: '1.1' }), toExchange(sampleAnalysis().model));
  });

  for (const format of ['json', 'yaml'] as const) {
    it(`is deterministic in ${format}: exporting twice gives identical bytes`, () => {
      const first = exportPostmortem(sampleAnalysis(), format);
      const second = exportPostmortem(sampleAnalysis(), format);
      assert.ok(first.ok && second.ok);
      assert.equal(Buffer.compare(Buffer.from(first.content), Buffer.from(second.content)), 0);
    });
  }

  it('rejects an invalid model with the field pointer and the source range, and no content', () => {
    const analysis = sampleAnalysis();
    analysis.model.timeline[1].at = '2024-03-05 14:09';
    analysis.model.actionItems[0].due = '2024-02-30';
    analysis.model.metadata.participants[0].handle = '@dana';
    const result = exportPostmortem(analysis, 'json');
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal('content' in result, false);
    const byPath = new Map(result.errors.map((e) => [e.path, e]));
    assert.deepEqual([...byPath.keys()].sort(), ['/actionItems/0/due', '/metadata/participants/0/handle', '/timeline/1/at']);
    const at = byPath.get('/timeline/1/at')!;
    assert.match(at.message, /ISO 8601/);
    assert.deepEqual([at.range?.start.line, at.range?.start.column, at.range?.end.column], [26, 3, 8]);
    assert.equal(byPath.get('/actionItems/0/due')?.range?.start.line, 31);
    assert.match(byPath.get('/actionItems/0/due')!.message, /YYYY-MM-DD/);
    assert.equal(byPath.get('/metadata/participants/0/handle')?.range?.start.line, 11);
  });

  it('rejects negative durations at the milestone that ends them', () => {
    const analysis = sampleAnalysis();
    analysis.model.durations.timeToDetectSeconds = -60;
    const result = exportPostmortem(analysis, 'yaml');
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.path, e.message, e.range?.start.line]),
      [['/durations/timeToDetectSeconds', 'must not be negative', 26]],
    );
  });

  it('gives a null range when nothing in the source produced the field', () => {
    const analysis = sampleAnalysis('no front matter\n');
    analysis.model.metadata.status = 'done' as never;
    const result = exportPostmortem(analysis, 'json');
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, [{ path: '/metadata/status', message: 'must be one of: draft, in-review, final, published, null', range: null }]);
  });
});
