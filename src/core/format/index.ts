/** The Postmortem Format: model → exchange document, export, validation, target paths. */
export * from './document';
export { toExchange, toExchangeWithRanges, exchangeRanges, rangeForPointer, type RangeMap } from './to-exchange';
export { exportPostmortem, type ExportError, type ExportOptions, type ExportResult } from './export';
export { validateExchangeText, type ValidationError, type ValidationResult } from './validate';
export { serializeDocument } from './serialize';
export { schemaErrors, type SchemaError } from './errors';
export { exportTargetPath } from './target';
