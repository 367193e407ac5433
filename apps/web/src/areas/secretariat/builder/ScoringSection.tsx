import { Checkbox, Fieldset, NumberInput, Radio, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { field, Legend, type CallForm } from './call-form-kit';

/** How evaluators score (the scale), how scores are combined, and how evaluators are assigned. */
export function ScoringSection({ form, locked }: { form: CallForm; locked: boolean }) {
  const { t } = useTranslation('secretariat');
  return (
    <Fieldset legend={<Legend title={t('builder.scoring.title')} locked={locked} />}>
      <Stack>
        <ScaleFields form={form} path="scoring" locked={locked} />
        <Checkbox
          label={t('builder.scoring.excludeSameCountry')}
          description={t('builder.scoring.excludeSameCountryHint')}
          disabled={locked}
          {...field(form, 'assignment.excludeSameCountry', 'checkbox')}
        />
        <Checkbox
          label={t('builder.scoring.blind')}
          description={t('builder.scoring.blindHint')}
          disabled={locked}
          {...field(form, 'blind', 'checkbox')}
        />
      </Stack>
    </Fieldset>
  );
}

/** A stage's scale, disagreement threshold and normalisation, at `path` (`scoring`, `stages.n.scoring`). */
export function ScaleFields({ form, path, locked }: { form: CallForm; path: string; locked: boolean }) {
  const { t } = useTranslation('secretariat');
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput
          label={t('builder.scoring.scaleMin')}
          required
          allowDecimal={false}
          disabled={locked}
          {...field(form, `${path}.scaleMin`)}
        />
        <NumberInput
          label={t('builder.scoring.scaleMax')}
          required
          allowDecimal={false}
          disabled={locked}
          {...field(form, `${path}.scaleMax`)}
        />
        <NumberInput
          label={t('builder.scoring.disagreementThreshold')}
          description={t('builder.scoring.disagreementThresholdHint')}
          min={0}
          max={100}
          disabled={locked}
          {...field(form, `${path}.disagreementThreshold`)}
        />
      </SimpleGrid>
      <Radio.Group label={t('builder.scoring.normalizationLabel')} {...field(form, `${path}.normalization`)}>
        <Stack gap="xs" mt="xs">
          <Radio
            value="none"
            disabled={locked}
            label={t('builder.scoring.normalization.none')}
            description={t('builder.scoring.normalizationHint.none')}
          />
          <Radio
            value="zscore"
            disabled={locked}
            label={t('builder.scoring.normalization.zscore')}
            description={t('builder.scoring.normalizationHint.zscore')}
          />
        </Stack>
      </Radio.Group>
    </>
  );
}
