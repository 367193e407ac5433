import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface OrderedPickerProps {
  /** The group's name, read before each of its controls. */
  label: string;
  description?: string;
  /** Every item that may be picked, in the order offered. */
  options: Array<{ value: string; label: string }>;
  /** The items picked, first first. */
  value: string[];
  onChange: (value: string[]) => void;
  /** The label of the field that adds an item ("Add a session"). */
  addLabel: string;
  /** What an empty list says. */
  emptyText: string;
  disabled?: boolean;
  error?: string;
  /** The id of the add field, which takes the focus when an error sends the reader here. */
  id?: string;
}

/**
 * An ordered choice among a few items (sessions by preference, classes by priority): the items
 * picked as a numbered list, each moved up or down or removed with buttons that name it, and a
 * field that adds one of the others at the end. Plain buttons: no dragging needed, keyboard first.
 */
export function OrderedPicker(props: OrderedPickerProps) {
  const { label, description, options, value, onChange, addLabel, emptyText, disabled, error } = props;
  const { t } = useTranslation('common');
  const headingId = useId();
  const fallbackId = useId();
  const [adding, setAdding] = useState('');
  const nameOf = (key: string) => options.find((o) => o.value === key)?.label ?? key;
  const left = options.filter((o) => !value.includes(o.value));
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  const add = () => {
    const chosen = adding || left[0]?.value;
    if (!chosen) return;
    onChange([...value, chosen]);
    setAdding('');
  };
  return (
    <Stack gap="xs" role="group" aria-labelledby={headingId}>
      <div>
        <Text fw={500} size="sm" id={headingId}>
          {label}
        </Text>
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <Stack component="ol" gap={4} m={0} ps="lg">
          {value.map((key, index) => (
            <li key={key}>
              <Group gap="xs" wrap="wrap">
                <Text span style={{ flex: 1, minWidth: 160 }}>
                  {nameOf(key)}
                </Text>
                {!disabled && (
                  <>
                    <Button
                      variant="default"
                      size="compact-sm"
                      disabled={index === 0}
                      aria-label={t('ordered.moveUpNamed', { name: nameOf(key) })}
                      onClick={() => move(index, -1)}
                    >
                      {t('ordered.moveUp')}
                    </Button>
                    <Button
                      variant="default"
                      size="compact-sm"
                      disabled={index === value.length - 1}
                      aria-label={t('ordered.moveDownNamed', { name: nameOf(key) })}
                      onClick={() => move(index, 1)}
                    >
                      {t('ordered.moveDown')}
                    </Button>
                    <Button
                      variant="subtle"
                      color="red"
                      c="red.9"
                      size="compact-sm"
                      aria-label={t('ordered.removeNamed', { name: nameOf(key) })}
                      onClick={() => onChange(value.filter((v) => v !== key))}
                    >
                      {t('ordered.remove')}
                    </Button>
                  </>
                )}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {!disabled && left.length > 0 && (
        <Group align="flex-end" gap="xs">
          <NativeSelect
            id={props.id ?? fallbackId}
            label={addLabel}
            value={adding || left[0]!.value}
            data={left}
            onChange={(event) => setAdding(event.currentTarget.value)}
            error={error}
          />
          <Button variant="default" onClick={add}>
            {t('ordered.add')}
          </Button>
        </Group>
      )}
      {error && (disabled || left.length === 0) && (
        <Text c="red.9" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
