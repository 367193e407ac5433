import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../api/client';
import type { Offer } from '../../api/types';
import { ConfirmedAction } from '../../shared/ConfirmedAction';
import { DateTime } from '../../shared/DateTime';
import { ReasonDialog } from '../../shared/ReasonDialog';

/** The API takes a reason for declining of at least this many characters. */
const DECLINE_REASON_MIN = 3;

/** The application's offer of a place, when its call's cohort offered it one; null otherwise. */
export async function loadOffer(applicationId: string): Promise<Offer | null> {
  const answered = await api.GET('/api/v1/applications/{id}/offer', { params: { path: { id: applicationId } } });
  if (answered.response.status === 404) return null;
  return ok(Promise.resolve(answered));
}

/**
 * A place in the network offered to the centre: accepted or declined once, by its deadline; what
 * the centre answered (or that the offer lapsed) once it is over.
 */
export function OfferSection({ offer }: { offer: Offer }) {
  const { t } = useTranslation('applicant');
  const revalidator = useRevalidator();
  const [declining, { open, close }] = useDisclosure(false);
  const path = { params: { path: { id: offer.applicationId } } };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="offer">
      <Stack>
        <Title order={2} id="offer">
          {t('offer.title')}
        </Title>
        {offer.status === 'offered' ? (
          <>
            <Text>{t('offer.invitation')}</Text>
            <Text>
              {t('offer.respondBy')} <DateTime value={offer.respondBy} />
            </Text>
            <Group>
              <ConfirmedAction
                label={t('offer.accept')}
                title={t('offer.acceptTitle')}
                explanation={t('offer.acceptExplanation')}
                confirmLabel={t('offer.accept')}
                action={() => ok(api.POST('/api/v1/applications/{id}/offer/accept', path))}
              />
              <Button variant="outline" color="red" onClick={open}>
                {t('offer.decline')}
              </Button>
            </Group>
            <ReasonDialog
              opened={declining}
              onClose={close}
              title={t('offer.declineTitle')}
              explanation={t('offer.declineExplanation')}
              reasonLabel={t('offer.declineReason')}
              minLength={DECLINE_REASON_MIN}
              confirmLabel={t('offer.decline')}
              destructive
              onConfirm={async (reason) => {
                await ok(api.POST('/api/v1/applications/{id}/offer/decline', { ...path, body: { reason } }));
                close();
                await revalidator.revalidate();
              }}
            />
          </>
        ) : (
          <Text>
            {t(`offer.${offer.status}`)} <DateTime value={offer.respondedAt ?? offer.respondBy} />
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
