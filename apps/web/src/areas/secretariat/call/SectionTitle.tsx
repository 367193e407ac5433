import type { ReactNode } from 'react';
import type { Call } from '../../../api/types';
import { PageTitle } from '../../../shared/PageTitle';

/** The h1 of a page about one call; the browser tab names the call too, as several may be open. */
export function SectionTitle({ title, call, children }: { title: string; call: Call; children?: ReactNode }) {
  return (
    <PageTitle title={title} documentTitle={`${title} · ${call.reference}`}>
      {children}
    </PageTitle>
  );
}
