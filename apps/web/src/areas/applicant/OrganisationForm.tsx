import { Button, NativeSelect, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import type { ApiProblem } from '../../api/problem';
import { session } from '../../api/session';
import type { Country, OrganisationType } from '../../api/types';
import { safeNext } from '../../app/guards';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { asProblem, fieldErrors } from '../../shared/problems';
import { countryLabel } from '../../shared/format';
import { MEMBERSHIP_CATEGORIES, type MembershipCategory } from '../../shared/membership';

const TYPES: OrganisationType[] = [
  'academia',
  'incubator',
  'accelerator',
  'innovation_hub',
  'government',
  'regulator',
  'private_sector',
  'ngo',
  'international_organisation',
];

export function OrganisationForm({ countries }: { countries: Country[] }) {
  const { t, i18n } = useTranslation(['applicant', 'common']);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm({
    initialValues: { name: '', countryCode: '', type: '', city: '', website: '', membershipCategory: '' },
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : t('common:fields.required')),
      countryCode: (value) => (value ? null : t('common:fields.required')),
      type: (value) => (value ? null : t('common:fields.required')),
      website: (value) => (!value || /^https?:\/\/\S+$/.test(value) ? null : t('organisation.invalidWebsite')),
    },
  });
  const collator = new Intl.Collator(i18n.language);
  const countryOptions = countries
    .map((country) => ({ value: country.code, label: countryLabel(country, i18n.language) }))
    .sort((a, b) => collator.compare(a.label, b.label));

  const create = form.onSubmit(async ({ name, countryCode, type, city, website, membershipCategory }) => {
    setProblem(null);
    try {
      await ok(
        api.POST('/api/v1/organisations', {
          body: {
            name: name.trim(),
            countryCode,
            type: type as OrganisationType,
            ...(city.trim() ? { city: city.trim() } : {}),
            ...(website.trim() ? { website: website.trim() } : {}),
            // Left out, the API presumes it from the type; the secretariat corrects it.
            ...(membershipCategory ? { membershipCategory: membershipCategory as MembershipCategory } : {}),
          },
        }),
      );
      await session.reload();
      await navigate(safeNext(params.get('next')) ?? '/applicant/applications');
    } catch (error) {
      const failure = asProblem(error);
      form.setErrors(fieldErrors(failure));
      setProblem(failure);
    }
  });

  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={create} noValidate>
        <Stack>
          {problem && <ProblemAlert problem={problem} />}
          <TextInput
            label={t('organisation.name')}
            required
            autoComplete="organization"
            {...form.getInputProps('name')}
          />
          <NativeSelect
            label={t('organisation.country')}
            description={t('organisation.countryHint')}
            required
            data={[{ value: '', label: t('organisation.choose') }, ...countryOptions]}
            {...form.getInputProps('countryCode')}
          />
          <NativeSelect
            label={t('organisation.type')}
            required
            data={[
              { value: '', label: t('organisation.choose') },
              ...TYPES.map((type) => ({ value: type, label: t(`common:organisationTypes.${type}`) })),
            ]}
            {...form.getInputProps('type')}
          />
          <NativeSelect
            label={t('organisation.membershipCategory')}
            description={t('organisation.membershipCategoryHint')}
            data={[
              { value: '', label: t('organisation.notSure') },
              ...MEMBERSHIP_CATEGORIES.map((category) => ({
                value: category,
                label: t(`common:membership.${category}`),
              })),
            ]}
            {...form.getInputProps('membershipCategory')}
          />
          <TextInput label={t('organisation.city')} autoComplete="address-level2" {...form.getInputProps('city')} />
          <TextInput
            label={t('organisation.website')}
            type="url"
            placeholder="https://"
            autoComplete="url"
            {...form.getInputProps('website')}
          />
          <Button type="submit" loading={form.submitting}>
            {t('organisation.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
