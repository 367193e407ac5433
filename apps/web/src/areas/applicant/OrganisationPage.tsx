import { Anchor, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../api/client';
import type { Organisation } from '../../api/types';
import { requireUser } from '../../app/guards';
import { countryName } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { OrganisationForm } from './OrganisationForm';

export async function organisationLoader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, ['applicant']);
  if (me.organisationId) {
    const organisation = await ok(
      api.GET('/api/v1/organisations/{id}', { params: { path: { id: me.organisationId } } }),
    );
    return { organisation, countries: [] };
  }
  return { organisation: null, countries: await ok(api.GET('/api/v1/countries')) };
}

export function OrganisationPage() {
  const { t } = useTranslation(['applicant', 'common']);
  const { organisation, countries } = useLoaderData<typeof organisationLoader>();
  return (
    <Stack maw={640}>
      <PageTitle title={t('organisation.title')}>
        <Text>{organisation ? t('organisation.registered') : t('organisation.intro')}</Text>
      </PageTitle>
      {organisation ? <OrganisationDetails organisation={organisation} /> : <OrganisationForm countries={countries} />}
    </Stack>
  );
}

function OrganisationDetails({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation(['applicant', 'common']);
  const rows = [
    [t('organisation.name'), organisation.name],
    [t('organisation.country'), countryName(organisation.countryCode, i18n.language, organisation.countryName)],
    [t('organisation.region'), t(`common:regions.${organisation.region}`)],
    [t('organisation.type'), t(`common:organisationTypes.${organisation.type}`)],
    [t('organisation.city'), organisation.city ?? '—'],
    [t('organisation.website'), organisation.website ?? '—'],
  ];
  return (
    <>
      <Paper withBorder radius="md">
        <Table>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" w="35%">
                  {label}
                </Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Anchor component={Link} to="/applicant/organisation/team">
        {t('organisation.toTeam')}
      </Anchor>
      <Anchor component={Link} to="/applicant/applications">
        {t('organisation.toApplications')}
      </Anchor>
    </>
  );
}
