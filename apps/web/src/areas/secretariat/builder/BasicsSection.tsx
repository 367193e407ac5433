import { Fieldset, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../../api/types';
import { GENEVA_TIME_ZONE, formatDateTime, readerTimeZone } from '../../../shared/format';
import { field, Legend, type CallForm } from './call-form-kit';
import { fromGenevaWallTime, toGenevaWallTime } from './geneva-time';

interface SectionProps {
  form: CallForm;
  /** The call has opened: only its deadline (while open) and weights may change. */
  locked: boolean;
  /** The deadline may no longer move either: the call is closed. */
  deadlineLocked: boolean;
  call: Call | null;
}

/** What the call is, when it runs, and how many centres and evaluators it involves. */
export function BasicsSection({ form, locked, deadlineLocked, call }: SectionProps) {
  const { t } = useTranslation('secretariat');
  return (
    <Fieldset legend={<Legend title={t('builder.basics.title')} locked={locked} />}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('builder.basics.reference')}
            description={t('builder.basics.referenceHint')}
            required
            disabled={locked}
            {...field(form, 'reference')}
          />
          <TextInput
            label={t('builder.basics.callTitle')}
            required
            disabled={locked}
            style={{ gridColumn: 'span 2' }}
            {...field(form, 'title')}
          />
        </SimpleGrid>
        <Textarea
          label={t('builder.basics.description')}
          description={t('builder.basics.descriptionHint')}
          autosize
          minRows={4}
          disabled={locked}
          {...field(form, 'description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <GenevaDateField form={form} path="opensAt" label={t('builder.basics.opensAt')} disabled={locked} />
          <GenevaDateField
            form={form}
            path="closesAt"
            label={t('builder.basics.closesAt')}
            disabled={deadlineLocked}
            extensionOnlyFrom={locked && !deadlineLocked && call ? call.closesAt : undefined}
          />
        </SimpleGrid>
        {/* A registration call is not evaluated: no cohort to choose, no evaluators. */}
        {form.values.kind !== 'registration' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('builder.basics.cohortSize')}
              description={t('builder.basics.cohortSizeHint')}
              required
              min={1}
              allowDecimal={false}
              disabled={locked}
              {...field(form, 'cohortSize')}
            />
            <NumberInput
              label={t('builder.basics.evaluatorsPerApplication')}
              description={t('builder.basics.evaluatorsPerApplicationHint')}
              required
              min={1}
              max={50}
              allowDecimal={false}
              disabled={locked}
              {...field(form, 'evaluatorsPerApplication')}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Fieldset>
  );
}

interface DateFieldProps {
  form: CallForm;
  path: 'opensAt' | 'closesAt';
  label: string;
  disabled?: boolean;
  /** Once a call is open its deadline may only move later than this. */
  extensionOnlyFrom?: string;
}

function GenevaDateField({ form, path, ...props }: DateFieldProps) {
  return <GenevaDateInput value={form.values[path]} inputProps={field(form, path)} {...props} />;
}

interface DateInputProps extends Omit<DateFieldProps, 'form' | 'path'> {
  /** Geneva wall-clock time, `YYYY-MM-DDTHH:mm`, or '' while empty. */
  value: string;
  /** The form's props of the field (value, onChange, error, id). */
  inputProps: object;
  /** False for a date that may be left empty. */
  required?: boolean;
}

/** A date and time typed as Geneva's clocks show it, with the same moment in the reader's zone. */
export function GenevaDateInput({
  value,
  inputProps,
  label,
  disabled,
  extensionOnlyFrom,
  required = true,
}: DateInputProps) {
  const { t, i18n } = useTranslation('secretariat');
  const instant = fromGenevaWallTime(value);
  const zone = readerTimeZone();
  const inReaderZone =
    instant && formatDateTime(instant, i18n.language, zone) !== formatDateTime(instant, i18n.language, GENEVA_TIME_ZONE)
      ? t('builder.basics.inYourZone', { time: formatDateTime(instant, i18n.language, zone), zone })
      : null;
  const hints = [t('builder.basics.genevaTime'), inReaderZone, extensionOnlyFrom && t('builder.basics.extendOnly')];
  return (
    <TextInput
      type="datetime-local"
      label={label}
      description={hints.filter(Boolean).join(' ')}
      required={required}
      disabled={disabled}
      min={extensionOnlyFrom ? toGenevaWallTime(extensionOnlyFrom) : undefined}
      {...inputProps}
    />
  );
}
