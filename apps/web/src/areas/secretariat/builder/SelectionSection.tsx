import { Fieldset, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RegionLimitsTable } from '../RegionLimitsTable';
import { field, fieldDomId, Legend, type CallForm } from './call-form-kit';

/** The rules the cohort proposal follows; an empty field sets no limit. */
export function SelectionSection({ form, locked }: { form: CallForm; locked: boolean }) {
  const { t } = useTranslation(['secretariat', 'common']);
  const totalError = form.errors['selection.minPerRegion'];
  return (
    <Fieldset legend={<Legend title={t('builder.selection.title')} locked={locked} />}>
      <Stack>
        <Text size="sm">{t('builder.selection.intro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t('builder.selection.maxPerCountry')}
            description={t('builder.selection.maxPerCountryHint')}
            min={1}
            allowDecimal={false}
            disabled={locked}
            {...field(form, 'selection.maxPerCountry')}
          />
          <NumberInput
            label={t('builder.selection.minScore')}
            description={t('builder.selection.minScoreHint')}
            min={0}
            max={100}
            disabled={locked}
            {...field(form, 'selection.minScore')}
          />
          <NumberInput
            label={t('builder.selection.waitlistSize')}
            description={t('builder.selection.waitlistSizeHint')}
            min={0}
            allowDecimal={false}
            disabled={locked}
            {...field(form, 'selection.waitlistSize')}
          />
        </SimpleGrid>
        <RegionLimitsTable
          caption={t('builder.selection.byRegion')}
          disabled={locked}
          inputProps={(limit, region) => field(form, `selection.${limit}.${region}`)}
        />
        {/* Always there: the builder looks for a place to show each error the API sends. */}
        <Text c="red.9" size="sm" id={fieldDomId('selection.minPerRegion')} role="alert">
          {totalError}
        </Text>
      </Stack>
    </Fieldset>
  );
}
