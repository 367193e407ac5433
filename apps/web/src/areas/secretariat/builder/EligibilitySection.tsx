import { Checkbox, Fieldset, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Country, OrganisationType } from '../../../api/types';
import { countryLabel } from '../../../shared/format';
import { MEMBERSHIP_CATEGORIES } from '../../../shared/membership';
import { field, Legend, type CallForm } from './call-form-kit';

export const ORGANISATION_TYPES: OrganisationType[] = [
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

interface EligibilityProps {
  form: CallForm;
  locked: boolean;
  countries: Country[];
}

/** Who may apply: ITU Member States always; non-members and organisation types as the call says. */
export function EligibilitySection({ form, locked, countries }: EligibilityProps) {
  const { t, i18n } = useTranslation(['secretariat', 'common']);
  const nonMembers = countries.filter((country) => !country.memberState);
  return (
    <Fieldset legend={<Legend title={t('builder.eligibility.title')} locked={locked} />}>
      <Stack>
        <Checkbox.Group
          label={t('builder.eligibility.organisationTypes')}
          description={t('builder.eligibility.organisationTypesHint')}
          {...field(form, 'eligibility.organisationTypes')}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="xs">
            {ORGANISATION_TYPES.map((type) => (
              <Checkbox key={type} value={type} label={t(`common:organisationTypes.${type}`)} disabled={locked} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('builder.eligibility.addressees')}
          description={t('builder.eligibility.addresseesHint')}
          {...field(form, 'eligibility.addresseeCategories')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
            {MEMBERSHIP_CATEGORIES.map((category) => (
              <Checkbox key={category} value={category} label={t(`common:membership.${category}`)} disabled={locked} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {nonMembers.length > 0 && (
          <Checkbox.Group
            label={t('builder.eligibility.countries')}
            description={t('builder.eligibility.countriesHint')}
            {...field(form, 'eligibility.countryCodes')}
          >
            <Stack gap="xs" mt="xs">
              {nonMembers.map((country) => (
                <Checkbox
                  key={country.code}
                  value={country.code}
                  label={countryLabel(country, i18n.language)}
                  disabled={locked}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <TextInput
          label={t('builder.eligibility.documents')}
          description={t('builder.eligibility.documentsHint')}
          disabled={locked}
          {...field(form, 'eligibility.requiredDocuments')}
        />
      </Stack>
    </Fieldset>
  );
}
