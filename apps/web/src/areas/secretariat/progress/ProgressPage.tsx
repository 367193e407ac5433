import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import { formatNumber } from '../../../shared/format';
import { EmptyState } from '../../../shared/States';
import { requireStaff } from '../access';
import { useCall } from '../call/call-route';
import { SectionTitle } from '../call/SectionTitle';
import { StageSelector } from '../stages/StageSelector';
import { readStage, stageQuery, STAGE_PARAMETER } from '../stages/stages';
import { ProgressBoard } from './ProgressBoard';

/** Evaluators shown at once: a big panel is read a page at a time, those with the most left first. */
export const PROGRESS_PAGE_SIZE = 25;

export async function progressLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const id = params.callId ?? '';
  const search = new URL(request.url).searchParams;
  const offset = Math.max(0, Number(search.get('offset')) || 0);
  const stage = readStage(search);
  const [progress, panel] = await Promise.all([
    ok(
      api.GET('/api/v1/calls/{id}/panel/progress', {
        params: { path: { id }, query: { limit: PROGRESS_PAGE_SIZE, offset, ...stageQuery(stage) } },
      }),
    ),
    ok(api.GET('/api/v1/calls/{id}/panel', { params: { path: { id } } })),
  ]);
  return { progress, offset, members: panel.members, stage };
}

/** How far each evaluator has got on the call's stage, with reminders and reassignment for what is left. */
export function ProgressPage() {
  const { t, i18n } = useTranslation('secretariat');
  const call = useCall();
  const { progress, offset, members, stage } = useLoaderData<typeof progressLoader>();
  const { items, total } = progress;
  // The pages of the stage shown.
  const pageLink = (to: number) =>
    `?${new URLSearchParams({ offset: String(to), ...(stage > 1 ? { [STAGE_PARAMETER]: String(stage) } : {}) })}`;
  return (
    <>
      <SectionTitle title={t('call.section.progress')} call={call}>
        <Text>{t('progress.intro')}</Text>
      </SectionTitle>
      <StageSelector stage={stage} />
      {total === 0 ? (
        <EmptyState>{t('progress.none')}</EmptyState>
      ) : (
        <ProgressBoard key={`${stage}-${offset}`} entries={items} total={total} offset={offset} members={members} />
      )}
      {total > PROGRESS_PAGE_SIZE && (
        <Group component="nav" aria-label={t('progress.pages')} mt="md" gap="lg">
          {offset > 0 && (
            <Anchor component={Link} to={pageLink(Math.max(0, offset - PROGRESS_PAGE_SIZE))}>
              {t('progress.previous')}
            </Anchor>
          )}
          <Text size="sm">
            {t('progress.shown', {
              first: formatNumber(offset + 1, i18n.language),
              last: formatNumber(offset + items.length, i18n.language),
              total: formatNumber(total, i18n.language),
            })}
          </Text>
          {offset + items.length < total && (
            <Anchor component={Link} to={pageLink(offset + PROGRESS_PAGE_SIZE)}>
              {t('progress.next')}
            </Anchor>
          )}
        </Group>
      )}
    </>
  );
}
