import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import type { Call } from '../../../api/types';
import { ConfirmedAction } from '../../../shared/ConfirmedAction';

type Transition = 'open' | 'close' | 'archive';

const REQUESTS = {
  open: '/api/v1/calls/{id}/open',
  close: '/api/v1/calls/{id}/close',
  archive: '/api/v1/calls/{id}/archive',
} as const;

/** Opening, closing and archiving a call change what people see of it at once, so each asks first. */
export function CallTransitionButton({ call, transition }: { call: Call; transition: Transition }) {
  const { t } = useTranslation('secretariat');
  const path = { params: { path: { id: call.id } } };
  return (
    <ConfirmedAction
      label={t(`transition.${transition}.button`)}
      title={t(`transition.${transition}.title`)}
      explanation={t(`transition.${transition}.explanation`)}
      confirmLabel={t(`transition.${transition}.confirm`)}
      destructive={transition === 'close'}
      action={() => ok(api.POST(REQUESTS[transition], path))}
    />
  );
}
