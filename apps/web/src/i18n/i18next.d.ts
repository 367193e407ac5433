import 'i18next';
import type { REFERENCE_CATALOGUES } from './namespaces';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof REFERENCE_CATALOGUES;
    returnNull: false;
  }
}
