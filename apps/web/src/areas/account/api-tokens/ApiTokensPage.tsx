import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoaderData, useRevalidator, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { requireUser } from '../../../app/guards';
import { ConfirmedAction } from '../../../shared/ConfirmedAction';
import { formatDateTime } from '../../../shared/format';
import { PageTitle } from '../../../shared/PageTitle';
import { useNow } from '../../../shared/useNow';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem, fieldErrors } from '../../../shared/problems';
import { EmptyState } from '../../../shared/States';

type ApiToken = components['schemas']['ApiTokenDto'];
type Scope = components['schemas']['CreateApiTokenDto']['scopes'][number];

const SCOPES: Scope[] = ['read', 'calls:write', 'applications:write', 'scoring:write'];
const LIFETIMES_IN_DAYS = [30, 90, 180, 365];
const DAY_MS = 24 * 60 * 60 * 1000;

/** Each scope's label (`calls:write` is no catalogue key: a colon would name a namespace). */
const SCOPE_LABELS = {
  read: 'apiTokens.scope.read',
  'calls:write': 'apiTokens.scope.callsWrite',
  'applications:write': 'apiTokens.scope.applicationsWrite',
  'scoring:write': 'apiTokens.scope.scoringWrite',
} as const satisfies Record<Scope, string>;

/** The moment a token created now and living that many days expires. */
function expiryIn(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString();
}

export async function apiTokensLoader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ['secretariat', 'admin']);
  const page = await ok(api.GET('/api/v1/me/api-tokens', { params: { query: { limit: 500 } } }));
  return { tokens: page.items, total: page.total };
}

/** The staff's personal API tokens for integrations: created with scopes and an expiry, shown once, revoked. */
export function ApiTokensPage() {
  const { t } = useTranslation(['account', 'common']);
  const { tokens } = useLoaderData<typeof apiTokensLoader>();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  return (
    <>
      <PageTitle title={t('apiTokens.title')}>
        <Text>{t('apiTokens.intro')}</Text>
      </PageTitle>
      <Stack gap="xl">
        {created && <CreatedSecret name={created.name} secret={created.secret} />}
        <CreateTokenForm onCreated={setCreated} />
        <section aria-labelledby="api-tokens-list">
          <Title order={2} size="h3" id="api-tokens-list" mb="sm">
            {t('apiTokens.listTitle', { count: tokens.length })}
          </Title>
          {tokens.length === 0 ? <EmptyState>{t('apiTokens.none')}</EmptyState> : <TokensTable tokens={tokens} />}
        </section>
      </Stack>
    </>
  );
}

function CreatedSecret({ name, secret }: { name: string; secret: string }) {
  const { t } = useTranslation(['account', 'common']);
  return (
    <Alert
      color="green"
      variant="light"
      title={t('apiTokens.createdTitle', { name })}
      role="status"
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <Stack gap="xs">
        <Text>{t('apiTokens.createdOnce')}</Text>
        <Code block data-testid="api-token-secret">
          {secret}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy} w="fit-content">
              {copied ? t('apiTokens.copied') : t('apiTokens.copy')}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (created: { name: string; secret: string }) => void }) {
  const { t } = useTranslation(['account', 'common']);
  const revalidator = useRevalidator();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm({
    initialValues: { name: '', lifetime: '90', scopes: ['read'] as string[] },
    validate: {
      name: (value) => (value.trim().length >= 1 ? null : t('common:fields.required')),
      scopes: (value) => (value.length >= 1 ? null : t('apiTokens.scopesRequired')),
    },
  });
  const create = form.onSubmit(async ({ name, lifetime, scopes }) => {
    setProblem(null);
    try {
      const answer = await ok(
        api.POST('/api/v1/me/api-tokens', {
          body: {
            name: name.trim(),
            scopes: scopes as Scope[],
            expiresAt: expiryIn(Number(lifetime)),
          },
        }),
      );
      onCreated({ name: answer.token.name, secret: answer.secret });
      form.reset();
      await revalidator.revalidate();
    } catch (error) {
      const failure = asProblem(error);
      form.setErrors(fieldErrors(failure));
      setProblem(failure);
    }
  });
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="api-tokens-create">
      <Title order={2} size="h3" id="api-tokens-create" mb="sm">
        {t('apiTokens.createTitle')}
      </Title>
      <form onSubmit={create} noValidate>
        <Stack>
          {problem && <ProblemAlert problem={problem} />}
          <TextInput
            label={t('apiTokens.name')}
            description={t('apiTokens.nameHint')}
            required
            maxLength={100}
            {...form.getInputProps('name')}
          />
          <NativeSelect
            label={t('apiTokens.lifetime')}
            data={LIFETIMES_IN_DAYS.map((days) => ({
              value: String(days),
              label: t('apiTokens.days', { count: days }),
            }))}
            {...form.getInputProps('lifetime')}
          />
          <Checkbox.Group label={t('apiTokens.scopes')} required {...form.getInputProps('scopes')}>
            <Stack gap="xs" mt="xs">
              {SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope} label={t(SCOPE_LABELS[scope])} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('apiTokens.create')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function TokensTable({ tokens }: { tokens: ApiToken[] }) {
  const { t, i18n } = useTranslation(['account', 'common']);
  const now = useNow(60_000);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('apiTokens.name')}</Table.Th>
            <Table.Th scope="col">{t('apiTokens.scopes')}</Table.Th>
            <Table.Th scope="col">{t('apiTokens.expires')}</Table.Th>
            <Table.Th scope="col">{t('apiTokens.lastUsed')}</Table.Th>
            <Table.Th scope="col">{t('apiTokens.status')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('apiTokens.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => {
            const state = token.revokedAt ? 'revoked' : Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
            return (
              <Table.Tr key={token.id}>
                <Table.Td>
                  <Text fw={600}>{token.name}</Text>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>{token.scopes.map((scope) => t(SCOPE_LABELS[scope])).join(', ')}</Table.Td>
                <Table.Td>{formatDateTime(token.expiresAt, i18n.language)}</Table.Td>
                <Table.Td>
                  {token.lastUsedAt ? formatDateTime(token.lastUsedAt, i18n.language) : t('apiTokens.neverUsed')}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text fw={700} c={state === 'active' ? 'teal.9' : 'gray.8'}>
                    {t(`apiTokens.state.${state}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {state !== 'revoked' && (
                    <Group justify="flex-end">
                      <ConfirmedAction
                        label={t('apiTokens.revoke')}
                        title={t('apiTokens.revokeTitle', { name: token.name })}
                        explanation={t('apiTokens.revokeExplanation')}
                        confirmLabel={t('apiTokens.revokeConfirm')}
                        destructive
                        variant="outline"
                        action={() =>
                          ok(api.DELETE('/api/v1/me/api-tokens/{id}', { params: { path: { id: token.id } } }))
                        }
                      />
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
