import { Fieldset, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { emptyCriterion } from './call-form';
import { fieldDomId, Legend, type CallForm } from './call-form-kit';
import type { CallKind } from './registration-form';

const KINDS: CallKind[] = ['selection', 'registration'];

/**
 * What kind of call this is, chosen once when it is created: a selection (evaluated, ranked, a
 * cohort chosen) or a registration (replies the secretariat confirms or declines, sessions allocated).
 */
export function KindSection({ form, fixed }: { form: CallForm; fixed: boolean }) {
  const { t } = useTranslation('secretariat');
  const choose = (kind: CallKind) => {
    form.setFieldValue('kind', kind);
    if (kind === 'registration') {
      // Nothing is evaluated: no criteria nor later stages to send, nor to translate.
      form.setFieldValue('criteria', []);
      form.setFieldValue('stages', [form.values.stages[0]]);
      form.setFieldValue('finalRanking', { rule: 'last-stage' });
    } else if (form.values.criteria.length === 0) {
      form.setFieldValue('criteria', [emptyCriterion()]);
    }
  };
  return (
    <Fieldset legend={<Legend title={t('builder.kind.title')} locked={fixed} lockedLabel={t('builder.kind.fixed')} />}>
      <Radio.Group
        id={fieldDomId('kind')}
        label={t('builder.kind.label')}
        description={t('builder.kind.hint')}
        value={form.values.kind}
        onChange={(value) => choose(value as CallKind)}
      >
        <Stack gap="xs" mt="xs">
          {KINDS.map((kind) => (
            <Radio
              key={kind}
              value={kind}
              disabled={fixed}
              label={t(`builder.kind.${kind}`)}
              description={
                <Text span size="xs">
                  {t(`builder.kind.${kind}Hint`)}
                </Text>
              }
            />
          ))}
        </Stack>
      </Radio.Group>
    </Fieldset>
  );
}
