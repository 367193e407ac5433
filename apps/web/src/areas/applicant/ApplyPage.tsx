import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Form, redirect, useActionData, useLoaderData, useNavigation, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../api/client';
import { requireUser, withNext } from '../../app/guards';
import { Countdown } from '../../shared/Countdown';
import { DateTime } from '../../shared/DateTime';
import { inReaderLanguage } from '../../shared/call-texts';
import { PageTitle } from '../../shared/PageTitle';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { asProblem } from '../../shared/problems';

/**
 * Applying starts here: a signed-in applicant with an organisation sees the call and starts a
 * draft; one who already has an application to this call goes straight to it.
 */
export async function applyLoader({ request, params }: LoaderFunctionArgs) {
  const me = await requireUser(request, ['applicant']);
  if (!me.organisationId) {
    throw redirect(withNext('/applicant/organisation', new URL(request.url).pathname));
  }
  const callId = params.callId ?? '';
  const [call, mine] = await Promise.all([
    ok(api.GET('/api/v1/calls/{id}', { params: { path: { id: callId } } })),
    ok(api.GET('/api/v1/me/applications', { params: { query: { limit: 500 } } })),
  ]);
  const existing = mine.items.find((application) => application.callId === callId);
  if (existing) throw redirect(`/applicant/applications/${existing.id}`);
  return { call: inReaderLanguage(call) };
}

export async function applyAction({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, ['applicant']);
  try {
    const application = await ok(
      api.POST('/api/v1/calls/{id}/applications', {
        params: { path: { id: params.callId ?? '' } },
        body: { answers: {} },
      }),
    );
    return redirect(`/applicant/applications/${application.id}`);
  } catch (error) {
    return { problem: asProblem(error) };
  }
}

export function ApplyPage() {
  const { t } = useTranslation('applicant');
  const { call } = useLoaderData<typeof applyLoader>();
  const failed = useActionData<typeof applyAction>();
  const navigation = useNavigation();
  // A registration call collects replies (declarations, delegations, requests to speak), not applications.
  const texts = call.kind === 'registration' ? 'replyStart' : 'apply';
  return (
    <Stack maw={640}>
      <PageTitle title={t(`${texts}.title`, { call: call.title })} overline={call.reference} />
      <Paper withBorder p="lg" radius="md">
        <Stack>
          <Text>{t(`${texts}.intro`)}</Text>
          <Text>
            {t('apply.deadline')} <DateTime value={call.closesAt} />
          </Text>
          <Countdown deadline={call.closesAt} />
          {failed?.problem && <ProblemAlert problem={failed.problem} />}
          <Form method="post">
            <Button type="submit" loading={navigation.state === 'submitting'}>
              {t(`${texts}.start`)}
            </Button>
          </Form>
        </Stack>
      </Paper>
    </Stack>
  );
}
