export * from './view-model';
export * from './formats';
export * from './svg';
export * from './edits';
export * from './inline';
export * from './sources';
