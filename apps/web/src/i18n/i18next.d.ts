import 'i18next';
import type { ReferenceCatalogues } from './namespaces';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: ReferenceCatalogues;
    returnNull: false;
  }
}
