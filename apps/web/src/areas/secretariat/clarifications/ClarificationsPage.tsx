import { Anchor, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Form, Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import type { CallClarification, ClarificationStatus } from '../../../api/types';
import { loadNamespace } from '../../../i18n';
import { ClarificationList } from '../../../shared/clarifications/ClarificationList';
import { CLARIFICATIONS_SECTION } from '../../../shared/clarifications/ClarificationsSection';
import { ProposalDecision } from '../../../shared/clarifications/ProposalDecision';
import { formatNumber } from '../../../shared/format';
import { OffsetPager } from '../../../shared/OffsetPager';
import { PageTitle } from '../../../shared/PageTitle';
import { requireStaff } from '../access';
import { callPath, useCall } from '../call/call-route';

const PAGE_SIZE = 50;
const STATUSES: ClarificationStatus[] = ['proposed', 'sent', 'answered', 'expired', 'declined'];
/** The page opens on the secretariat's queue: the evaluators' proposals waiting for a decision. */
const DEFAULT_STATUS: ClarificationStatus = 'proposed';

export async function clarificationsLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const query = new URL(request.url).searchParams;
  const chosen = query.get('status') ?? DEFAULT_STATUS;
  const status = STATUSES.find((s) => s === chosen);
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const [page] = await Promise.all([
    ok(
      api.GET('/api/v1/calls/{id}/clarifications', {
        params: {
          path: { id: params.callId ?? '' },
          query: { ...(status ? { status: [status] } : {}), limit: PAGE_SIZE, offset },
        },
      }),
    ),
    loadNamespace('clarifications'),
  ]);
  return { page, status: status ?? '', offset };
}

/** The call's questions to applicants by status; the proposals are decided here or on the application's page. */
export function ClarificationsPage() {
  const { t, i18n } = useTranslation(['secretariat', 'common', 'clarifications']);
  const call = useCall();
  const { page, status, offset } = useLoaderData<typeof clarificationsLoader>();
  const applicationLink = (c: CallClarification) =>
    `${callPath(call.id, `applications/${encodeURIComponent(c.applicationId)}`)}#${CLARIFICATIONS_SECTION}`;
  return (
    <>
      <PageTitle title={t('clarifications:title')} documentTitle={`${t('clarifications:title')} · ${call.reference}`} />
      <Stack gap="md">
        <Form method="get" key={status} aria-label={t('clarificationsPage.filters')}>
          <Group align="flex-end" gap="sm">
            <NativeSelect
              name="status"
              label={t('clarificationsPage.status')}
              defaultValue={status}
              data={[
                { value: '', label: t('clarificationsPage.any') },
                ...STATUSES.map((s) => ({ value: s, label: t(`clarifications:statuses.${s}`) })),
              ]}
            />
            <Button type="submit" variant="default">
              {t('clarificationsPage.apply')}
            </Button>
          </Group>
        </Form>
        <Text size="sm" role="status">
          {t('clarificationsPage.count', { count: page.total, formatted: formatNumber(page.total, i18n.language) })}
        </Text>
        <ClarificationList
          clarifications={page.items}
          showProposals
          empty={t('clarificationsPage.none')}
          actions={(asked) => (
            <>
              <Anchor component={Link} to={applicationLink(asked)} size="sm">
                {t('clarificationsPage.application', { organisation: asked.organisation.name })}
              </Anchor>
              {asked.status === 'proposed' && <ProposalDecision clarification={asked} />}
            </>
          )}
        />
        <OffsetPager label={t('clarificationsPage.pages')} offset={offset} total={page.total} pageSize={PAGE_SIZE} />
      </Stack>
    </>
  );
}
