import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { ConfirmedAction } from '../../shared/ConfirmedAction';

/** Withdrawing cannot be undone, so it asks first. */
export function WithdrawButton({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation('applicant');
  return (
    <div>
      <ConfirmedAction
        label={t('withdraw.button')}
        title={t('withdraw.title')}
        explanation={t('withdraw.confirm')}
        confirmLabel={t('withdraw.confirmButton')}
        destructive
        variant="outline"
        action={() => ok(api.POST('/api/v1/applications/{id}/withdraw', { params: { path: { id: applicationId } } }))}
      />
    </div>
  );
}
