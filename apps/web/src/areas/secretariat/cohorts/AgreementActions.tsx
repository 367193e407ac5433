import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { Agreement } from '../../../api/types';
import { ConfirmedAction } from '../../../shared/ConfirmedAction';
import { ReasonDialog } from '../../../shared/ReasonDialog';

/** The API takes a reason for returning a signed copy of at least this many characters (RETURN_REASON_MIN). */
const MIN_REASON = 5;

/** Countersigns a signed agreement: it comes into force and the centre joins the directory. */
export function CountersignButton({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation('secretariat');
  const name = agreement.centre.name;
  return (
    <ConfirmedAction
      label={t('cohorts.agreements.countersign')}
      ariaLabel={t('cohorts.agreements.countersignFor', { name })}
      title={t('cohorts.agreements.countersignTitle', { name })}
      explanation={t('cohorts.agreements.countersignExplanation')}
      confirmLabel={t('cohorts.agreements.countersignConfirm')}
      variant="default"
      action={() =>
        ok(
          api.POST('/api/v1/applications/{id}/agreement/countersignature', {
            params: { path: { id: agreement.applicationId } },
          }),
        )
      }
    />
  );
}

/** Sends the signed copy back to the centre with what to correct, asked for in a dialog. */
export function ReturnButton({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [opened, { open, close }] = useDisclosure(false);
  const name = agreement.centre.name;
  return (
    <>
      <Button
        size="compact-sm"
        variant="outline"
        color="red.9"
        aria-label={t('cohorts.agreements.returnFor', { name })}
        onClick={open}
      >
        {t('cohorts.agreements.return')}
      </Button>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t('cohorts.agreements.returnTitle', { name })}
        explanation={t('cohorts.agreements.returnExplanation')}
        reasonLabel={t('cohorts.agreements.returnReason')}
        minLength={MIN_REASON}
        confirmLabel={t('cohorts.agreements.returnConfirm')}
        destructive
        onConfirm={async (reason) => {
          await ok(
            api.POST('/api/v1/applications/{id}/agreement/return', {
              params: { path: { id: agreement.applicationId } },
              body: { reason },
            }),
          );
          close();
          await revalidator.revalidate();
        }}
      />
    </>
  );
}
