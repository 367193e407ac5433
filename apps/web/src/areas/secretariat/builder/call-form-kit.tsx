import { Badge, Group } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CallFormValues } from './call-form';

export type CallForm = UseFormReturnType<CallFormValues>;

/** The DOM id of a field, from its form path: what the error handling finds and focuses. */
export function fieldDomId(path: string): string {
  return `call-${path.replace(/\./g, '-')}`;
}

/** A field's Mantine props (value, onChange, error) with its id. */
export function field(form: CallForm, path: string, type?: 'checkbox') {
  return { ...form.getInputProps(path, type ? { type } : undefined), id: fieldDomId(path) };
}

/**
 * A fieldset's legend, marked when its fields can no longer change: by default once the call has
 * opened, or as `lockedLabel` says.
 */
export function Legend({ title, locked, lockedLabel }: { title: string; locked: boolean; lockedLabel?: string }) {
  const { t } = useTranslation('secretariat');
  return (
    <Group gap="xs" component="span">
      <span>{title}</span>
      {locked && (
        <Badge color="gray.8" variant="filled" size="sm">
          {lockedLabel ?? t('builder.locked')}
        </Badge>
      )}
    </Group>
  );
}
