import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import type { Call } from '../../../api/types';
import { ConfirmedAction } from '../../../shared/ConfirmedAction';

type Transition = 'open' | 'close';

/** Opening and closing a call change what applicants can do at once, so each asks first. */
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
      action={() =>
        ok(
          transition === 'open'
            ? api.POST('/api/v1/calls/{id}/open', path)
            : api.POST('/api/v1/calls/{id}/close', path),
        )
      }
    />
  );
}
