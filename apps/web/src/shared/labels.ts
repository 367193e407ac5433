import i18n from 'i18next';

/**
 * A document kind in the reader's language. Calls name kinds freely (`statutes`, `budget`…): the
 * usual ones are translated, others are shown as written, less their underscores.
 */
export function documentKindLabel(kind: string): string {
  return i18n.t(`documentKinds.${kind}` as 'documentKinds.other', { defaultValue: kind.replace(/[_-]+/g, ' ') });
}
