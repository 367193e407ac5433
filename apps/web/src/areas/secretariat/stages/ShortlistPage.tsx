import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import { ConfirmedAction } from '../../../shared/ConfirmedAction';
import { DateTime } from '../../../shared/DateTime';
import { formatNumber } from '../../../shared/format';
import { requireStaff } from '../access';
import { useCall } from '../call/call-route';
import { SectionTitle } from '../call/SectionTitle';
import { ProposeShortlistForm } from './ProposeShortlistForm';
import { ruleSentence, type Shortlist } from './shortlist-reasons';
import { ShortlistTable, SHORTLIST_PAGE_SIZE } from './ShortlistTable';
import { stageSettings } from './stages';

export async function shortlistLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const stage = Number(params.stage);
  const offset = Math.max(0, Number(new URL(request.url).searchParams.get('offset')) || 0);
  try {
    const shortlist = await ok(
      api.GET('/api/v1/calls/{id}/stages/{stage}/shortlist', {
        params: { path: { id: params.callId ?? '', stage }, query: { limit: SHORTLIST_PAGE_SIZE, offset } },
      }),
    );
    return { stage, offset, shortlist };
  } catch (error) {
    // Nothing proposed yet (a stage the call lacks is STAGE_NOT_FOUND, and shown as an error).
    if (error instanceof ApiProblem && error.is('NOT_FOUND')) return { stage, offset, shortlist: null };
    throw error;
  }
}

/**
 * Who is evaluated in a later stage: a shortlist proposed from the previous stage's ranking by a
 * rule, changed by hand with a written reason, then confirmed; once confirmed it is read only.
 */
export function ShortlistPage() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const { stage, offset, shortlist } = useLoaderData<typeof shortlistLoader>();
  const into = stageSettings(call, stage);
  const from = stageSettings(call, stage - 1);
  const title = t('stages.shortlist.title', { name: into.name });
  return (
    <>
      <SectionTitle title={title} call={call}>
        <Text>{t('stages.shortlist.intro', { from: from.name, into: into.name })}</Text>
      </SectionTitle>
      <Stack gap="xl">
        {shortlist?.status !== 'confirmed' && (
          <ProposeShortlistForm callId={call.id} stage={stage} replaces={shortlist !== null} />
        )}
        {shortlist && (
          <>
            <ShortlistSummary shortlist={shortlist} stageName={into.name} />
            <ShortlistTable
              key={offset}
              shortlist={shortlist}
              offset={offset}
              evaluatorsPerApplication={from.evaluatorsPerApplication}
            />
          </>
        )}
      </Stack>
    </>
  );
}

/** How many advance under which rule, when it was proposed and confirmed, and the confirmation while proposed. */
function ShortlistSummary({ shortlist, stageName }: { shortlist: Shortlist; stageName: string }) {
  const { t, i18n } = useTranslation('secretariat');
  const call = useCall();
  const confirmed = shortlist.status === 'confirmed';
  const count = (n: number) => formatNumber(n, i18n.language);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="shortlist-status">
      <Group gap="sm" mb="xs">
        <Text fw={700} id="shortlist-status">
          {t('stages.shortlist.advancing', {
            count: shortlist.advancing,
            advancing: count(shortlist.advancing),
            total: count(shortlist.entries.total),
          })}
        </Text>
        <Badge color={confirmed ? 'teal.9' : 'blue.9'} variant="outline">
          {t(`stages.shortlist.status.${shortlist.status}`)}
        </Badge>
      </Group>
      <Stack gap={4}>
        <Text size="sm">{ruleSentence(shortlist.rule)}</Text>
        <Text size="sm">
          {t('stages.shortlist.proposedAt')} <DateTime value={shortlist.proposedAt} />
        </Text>
        {shortlist.confirmedAt && (
          <Text size="sm">
            {t('stages.shortlist.confirmedAt')} <DateTime value={shortlist.confirmedAt} />
          </Text>
        )}
      </Stack>
      {!confirmed && (
        <Group mt="md">
          <ConfirmedAction
            label={t('stages.shortlist.confirm.button')}
            title={t('stages.shortlist.confirm.title')}
            explanation={t('stages.shortlist.confirm.explanation', {
              count: shortlist.advancing,
              advancing: count(shortlist.advancing),
              stage: stageName,
            })}
            confirmLabel={t('stages.shortlist.confirm.confirm')}
            action={() =>
              ok(
                api.POST('/api/v1/calls/{id}/stages/{stage}/shortlist/confirm', {
                  params: { path: { id: call.id, stage: shortlist.stage } },
                }),
              )
            }
          />
        </Group>
      )}
    </Paper>
  );
}
