import { Alert, Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../api/client';
import { documentLanguage } from '../../i18n';
import type { Call } from '../../api/types';
import { Countdown } from '../../shared/Countdown';
import { DateTime } from '../../shared/DateTime';
import { PageTitle } from '../../shared/PageTitle';
import { useNow } from '../../shared/useNow';
import { documentKindLabel } from '../../shared/labels';
import { CallText, EnglishMark, inEnglish, inReaderLanguage } from '../../shared/call-texts';
import { CallSessions } from './CallSessions';
import { CriteriaTable } from './CriteriaTable';

export async function callLoader({ params }: LoaderFunctionArgs) {
  const call = await ok(api.GET('/api/v1/calls/{id}', { params: { path: { id: params.callId ?? '' } } }));
  // A registration call's programme, once its sessions are allocated and confirmed (404 before).
  const programme =
    call.kind === 'registration' && call.sessions.length > 0 && !['draft', 'open'].includes(call.status)
      ? ((await api.GET('/api/v1/public/calls/{id}/programme', { params: { path: { id: call.id } } })).data ?? null)
      : null;
  return { call, programme: programme !== null };
}

export function CallPage() {
  const { t, i18n } = useTranslation(['public', 'common']);
  const loaded = useLoaderData<typeof callLoader>();
  const call = inReaderLanguage(loaded.call);
  const registration = call.kind === 'registration';
  const now = useNow(60_000);
  const open = call.status === 'open' && new Date(call.closesAt).getTime() > now;
  return (
    <>
      <PageTitle title={call.title} overline={call.reference} titleLang={inEnglish(call, 'title') ? 'en' : undefined}>
        <EnglishMark call={call} field="title" />
      </PageTitle>
      <Stack gap="xl">
        <Paper withBorder p="lg" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <div>
              <Text fw={600}>{t('call.opens')}</Text>
              <DateTime value={call.opensAt} />
            </div>
            <div>
              <Text fw={600}>{t('call.deadline')}</Text>
              <DateTime value={call.closesAt} />
              {call.status === 'open' && (
                <div>
                  <Countdown deadline={call.closesAt} />
                </div>
              )}
            </div>
          </SimpleGrid>
          {call.publishedCohortId && (
            <Alert color="gray" variant="light" mt="md" title={t('call.closedTitle')}>
              <Text inherit>{t('call.cohortPublished')}</Text>
              <Button component={Link} to={`/cohorts/${call.publishedCohortId}`} variant="default" mt="sm">
                {t('call.seeCohort')}
              </Button>
            </Alert>
          )}
          {loaded.programme && (
            <Group mt="md">
              <Button component={Link} to={`/calls/${call.id}/programme`} variant="default">
                {t('programme.see')}
              </Button>
            </Group>
          )}
          {open && (
            <Group mt="md">
              <Button component={Link} to={`/applicant/calls/${call.id}/apply`}>
                {registration ? t('call.reply') : t('call.apply')}
              </Button>
            </Group>
          )}
        </Paper>
        <section aria-labelledby="about">
          <Title order={2} id="about" mb="xs">
            {t('call.about')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }}>
            <CallText call={call} field="description">
              {call.description}
            </CallText>
          </Text>
          <Group gap="lg" mt="sm">
            <Anchor
              href={`/api/v1/calls/${encodeURIComponent(call.id)}/announcement.pdf?lang=${documentLanguage(i18n.language)}`}
            >
              {t('call.announcementPdf')}
            </Anchor>
            <Anchor
              href={`/api/v1/calls/${encodeURIComponent(call.id)}/announcement.html?lang=${documentLanguage(i18n.language)}`}
              hrefLang={documentLanguage(i18n.language)}
            >
              {t('call.announcementHtml')}
            </Anchor>
          </Group>
        </section>
        {registration ? (
          <CallSessions call={call} />
        ) : (
          <CriteriaTable criteria={call.criteria} headingLevel={2} call={call} />
        )}
        <Eligibility call={call} />
        <QuestionsAsked call={call} />
      </Stack>
    </>
  );
}

function Eligibility({ call }: { call: Call }) {
  const { t } = useTranslation(['public', 'common']);
  const types = call.eligibility.organisationTypes ?? [];
  const documents = call.eligibility.requiredDocuments ?? [];
  const addressees = call.eligibility.addresseeCategories ?? [];
  return (
    <section aria-labelledby="eligibility">
      <Title order={2} id="eligibility" mb="xs">
        {t('call.eligibility')}
      </Title>
      <List spacing="xs">
        <List.Item>{t('call.memberStates')}</List.Item>
        <List.Item>
          {types.length === 0
            ? t('call.anyOrganisationType')
            : t('call.organisationTypes', {
                types: types.map((type) => t(`common:organisationTypes.${type}`)).join(', '),
              })}
        </List.Item>
        {addressees.length > 0 && (
          <List.Item>
            {t('call.addressees', {
              categories: addressees.map((category) => t(`common:membership.${category}`)).join(', '),
            })}
          </List.Item>
        )}
        {documents.length > 0 && (
          <List.Item>
            {t('call.requiredDocuments', { documents: documents.map((kind) => documentKindLabel(kind)).join(', ') })}
          </List.Item>
        )}
        {call.kind !== 'registration' && <List.Item>{t('call.cohortSize', { count: call.cohortSize })}</List.Item>}
      </List>
    </section>
  );
}

function QuestionsAsked({ call }: { call: Call }) {
  const { t } = useTranslation(['public', 'common']);
  if (call.questions.length === 0) return null;
  return (
    <section aria-labelledby="questions">
      <Title order={2} id="questions" mb="xs">
        {t('call.questions')}
      </Title>
      <List type="ordered" spacing="xs">
        {call.questions.map((question) => (
          <List.Item key={question.key}>
            <CallText call={call} field={`questions.${question.key}.label`}>
              {question.label}
            </CallText>
            {question.required && (
              <Text component="span" c="dimmed" size="sm">
                {' '}
                ({t('call.required')})
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
