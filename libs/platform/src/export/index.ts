export * from './csv';
export * from './table-export';
export * from './table-export.http';
