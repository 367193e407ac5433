import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, redirect, useLoaderData, useNavigate, useRevalidator, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../api/client';
import type { ApiProblem } from '../../api/problem';
import { session } from '../../api/session';
import { requireUser } from '../../app/guards';
import { ConfirmedAction } from '../../shared/ConfirmedAction';
import { PageTitle } from '../../shared/PageTitle';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { asProblem, fieldErrors } from '../../shared/problems';

/** A team is a handful of people: one page of members shows it whole. */
const TEAM_PAGE = 500;

export async function teamLoader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, ['applicant']);
  if (!me.organisationId) throw redirect('/applicant/organisation');
  const id = me.organisationId;
  const [organisation, members] = await Promise.all([
    ok(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } })),
    ok(api.GET('/api/v1/organisations/{id}/members', { params: { path: { id }, query: { limit: TEAM_PAGE } } })),
  ]);
  return { me, organisation, members };
}

/** The organisation's team: who its members are, a colleague invited by e-mail, leaving it. */
export function TeamPage() {
  const { t } = useTranslation(['applicant', 'common']);
  const { me, organisation, members } = useLoaderData<typeof teamLoader>();
  const navigate = useNavigate();
  const leave = async () => {
    await ok(api.POST('/api/v1/organisations/{id}/members/leave', { params: { path: { id: organisation.id } } }));
    await session.reload();
    await navigate('/applicant/organisation');
  };
  return (
    <Stack maw={720} gap="xl">
      <PageTitle title={t('team.title')} overline={organisation.name}>
        <Text>{t('team.intro')}</Text>
      </PageTitle>
      <section aria-labelledby="team-members">
        <Title order={2} size="h3" id="team-members" mb="sm">
          {t('team.members', { count: members.total })}
        </Title>
        <Paper withBorder radius="md">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('team.name')}</Table.Th>
                <Table.Th scope="col">{t('common:fields.email')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.items.map((member) => (
                <Table.Tr key={member.id}>
                  <Table.Td>
                    <Group gap="xs">
                      {member.displayName}
                      {member.id === me.id && (
                        <Badge variant="light" color="gray">
                          {t('team.you')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{member.email}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </section>
      <InviteColleague organisationId={organisation.id} />
      <section aria-labelledby="team-leave">
        <Title order={2} size="h3" id="team-leave" mb="sm">
          {t('team.leaveTitle')}
        </Title>
        <Text mb="sm">{members.total > 1 ? t('team.leaveText') : t('team.lastMember')}</Text>
        {members.total > 1 && (
          <ConfirmedAction
            label={t('team.leave')}
            title={t('team.leaveConfirmTitle', { organisation: organisation.name })}
            explanation={t('team.leaveConfirm')}
            confirmLabel={t('team.leave')}
            action={leave}
            destructive
            variant="outline"
          />
        )}
      </section>
      <Anchor component={Link} to="/applicant/organisation">
        {t('team.back')}
      </Anchor>
    </Stack>
  );
}

function InviteColleague({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation(['applicant', 'common']);
  const revalidator = useRevalidator();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [invited, setInvited] = useState<string | null>(null);
  const form = useForm({
    initialValues: { displayName: '', email: '' },
    validate: {
      displayName: (value) => (value.trim() ? null : t('common:fields.required')),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('register.invalidEmail')),
    },
  });
  const invite = form.onSubmit(async (values) => {
    setProblem(null);
    setInvited(null);
    try {
      await ok(
        api.POST('/api/v1/organisations/{id}/members/invitations', {
          params: { path: { id: organisationId } },
          body: { email: values.email.trim(), displayName: values.displayName.trim() },
        }),
      );
      setInvited(values.email.trim());
      form.reset();
      await revalidator.revalidate();
    } catch (error) {
      const failure = asProblem(error);
      form.setErrors(fieldErrors(failure));
      setProblem(failure);
    }
  });
  return (
    <section aria-labelledby="team-invite">
      <Title order={2} size="h3" id="team-invite" mb="sm">
        {t('team.inviteTitle')}
      </Title>
      <Text mb="sm">{t('team.inviteText')}</Text>
      <form onSubmit={invite} noValidate>
        <Stack maw={480}>
          <TextInput label={t('team.name')} required autoComplete="off" {...form.getInputProps('displayName')} />
          <TextInput
            label={t('common:fields.email')}
            type="email"
            required
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          {problem && <ProblemAlert problem={problem} />}
          {invited && (
            <Text role="status" fw={600}>
              {t('team.invited', { email: invited })}
            </Text>
          )}
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('team.invite')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
