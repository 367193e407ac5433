import { Button, NativeSelect } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import { ReasonDialog } from '../../../shared/ReasonDialog';
import type { Cohort, CohortOffer } from '../types';

/** The API keeps reasons of 5 characters or more for a withdrawal and for promoting another centre. */
const MIN_REASON = 5;

/** The selection's reasons for leaving out a centre that could have taken a seat: the candidates for a freed one. */
const LEFT_OUT_FOR_A_SEAT = new Set(['COHORT_FULL', 'COUNTRY_CAP', 'REGION_CAP', 'SEAT_RESERVED_FOR_REGION']);

interface ReasonButtonProps {
  label: string;
  ariaLabel?: string;
  title: string;
  explanation: string;
  reasonLabel: string;
  confirmLabel: string;
  destructive?: boolean;
  /** The request; a refusal it throws stays in the dialog. */
  act: (reason: string) => Promise<unknown>;
  children?: ReactNode;
  validate?: () => boolean;
}

/** A step on an offer that needs a written reason: a button, then a dialog that asks for it. */
function ReasonButton({ label, ariaLabel, act, destructive, ...dialog }: ReasonButtonProps) {
  const revalidator = useRevalidator();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        size="compact-sm"
        variant={destructive ? 'outline' : 'default'}
        color={destructive ? 'red.9' : undefined}
        aria-label={ariaLabel}
        onClick={open}
      >
        {label}
      </Button>
      <ReasonDialog
        {...dialog}
        opened={opened}
        onClose={close}
        minLength={MIN_REASON}
        destructive={destructive}
        onConfirm={async (reason) => {
          await act(reason);
          close();
          await revalidator.revalidate();
        }}
      />
    </>
  );
}

/** Takes a centre on the current list off it; the reason is published with the amendment. */
export function WithdrawButton({ cohortId, offer }: { cohortId: string; offer: CohortOffer }) {
  const { t } = useTranslation('secretariat');
  const name = offer.centre.name;
  return (
    <ReasonButton
      label={t('cohorts.offers.withdraw')}
      ariaLabel={t('cohorts.offers.withdrawFor', { name })}
      title={t('cohorts.offers.withdrawTitle', { name })}
      explanation={t('cohorts.offers.withdrawExplanation')}
      reasonLabel={t('cohorts.offers.withdrawReason')}
      confirmLabel={t('cohorts.offers.withdrawConfirm')}
      destructive
      act={(reason) =>
        ok(
          api.POST('/api/v1/cohorts/{id}/withdrawals', {
            params: { path: { id: cohortId } },
            body: { applicationId: offer.applicationId, reason },
          }),
        )
      }
    />
  );
}

/**
 * Offers the freed seat to another candidate than the proposed one, with a reason; the API refuses
 * one that would break a cap of the call (INVALID_PROMOTION).
 */
export function PromoteOtherButton({
  cohort,
  offers,
  proposedId,
}: {
  cohort: Cohort;
  offers: CohortOffer[];
  proposedId: string | null;
}) {
  const { t } = useTranslation('secretariat');
  const offered = new Set(offers.map((o) => o.applicationId));
  const candidates = cohort.excluded
    .filter((e) => e.rank !== null && LEFT_OUT_FOR_A_SEAT.has(e.reason) && !offered.has(e.applicationId))
    .filter((e) => e.applicationId !== proposedId)
    .sort((a, b) => a.rank! - b.rank!);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (candidates.length === 0) return null;
  return (
    <ReasonButton
      label={t('cohorts.offers.promoteOther')}
      title={t('cohorts.offers.promoteOtherTitle')}
      explanation={t('cohorts.offers.promoteOtherExplanation')}
      reasonLabel={t('cohorts.offers.promoteOtherReason')}
      confirmLabel={t('cohorts.offers.promoteConfirm')}
      validate={() => {
        setError(chosen ? null : t('cohorts.offers.chooseCentre'));
        return chosen !== '';
      }}
      act={(reason) =>
        ok(
          api.POST('/api/v1/cohorts/{id}/promotions', {
            params: { path: { id: cohort.id } },
            body: { applicationId: chosen, reason },
          }),
        )
      }
    >
      <NativeSelect
        label={t('cohorts.offers.centreToPromote')}
        data-autofocus
        value={chosen}
        error={error}
        onChange={(event) => setChosen(event.currentTarget.value)}
        data={[
          { value: '', label: t('cohorts.offers.chooseCentre') },
          ...candidates.map((e) => ({
            value: e.applicationId,
            label: `${e.organisation.name} (${t('cohorts.offers.rank', { rank: e.rank })})`,
          })),
        ]}
      />
    </ReasonButton>
  );
}
