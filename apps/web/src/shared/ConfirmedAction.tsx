import { Alert, Button, Checkbox, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import type { ApiProblem } from '../api/problem';
import { ProblemAlert } from './ProblemAlert';
import { asProblem } from './problems';

interface ConfirmedActionProps {
  /** The button that opens the dialog. */
  label: string;
  /** The button's accessible name when its label alone is ambiguous (one per row of a table); it contains the label. */
  ariaLabel?: string;
  title: string;
  explanation: ReactNode;
  /** What departs from the rules and should not pass unnoticed, shown as a warning. */
  warning?: string;
  /** A statement the reader must tick before confirming: for a warning that needs an explicit yes. */
  acknowledgement?: string;
  confirmLabel: string;
  /** The request; it throws the API's problem when refused (see `ok`). */
  action: () => Promise<unknown>;
  /** For what cannot be undone and takes something away (closing, withdrawing). */
  destructive?: boolean;
  variant?: ButtonProps['variant'];
  /** Says a refusal; the generic problem alert by default. */
  renderProblem?: (problem: ApiProblem) => ReactNode;
}

/**
 * An action that cannot be undone asks first: a focus-trapped dialog (Escape and Cancel close it)
 * that shows a refusal in place and, once done, reloads the page's data.
 */
export function ConfirmedAction({
  label,
  ariaLabel,
  title,
  explanation,
  warning,
  acknowledgement,
  confirmLabel,
  action,
  destructive = false,
  variant,
  renderProblem = (problem) => <ProblemAlert problem={problem} />,
}: ConfirmedActionProps) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const [opened, { open, close }] = useDisclosure(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [working, setWorking] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const color = destructive ? 'red.9' : undefined;
  const ask = () => {
    setAcknowledged(false);
    open();
  };
  const confirm = async () => {
    setWorking(true);
    setProblem(null);
    try {
      await action();
      close();
      await revalidator.revalidate();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setWorking(false);
    }
  };
  return (
    <>
      <Button color={color} variant={variant} onClick={ask} aria-label={ariaLabel}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} closeButtonProps={{ 'aria-label': t('dialog.close') }}>
        <Stack>
          <Text>{explanation}</Text>
          {warning && (
            <Alert color="orange" variant="light">
              <Text inherit c="gray.9">
                {warning}
              </Text>
            </Alert>
          )}
          {acknowledgement && (
            <Checkbox
              label={acknowledgement}
              checked={acknowledged}
              onChange={(event) => setAcknowledged(event.currentTarget.checked)}
            />
          )}
          {problem && renderProblem(problem)}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('dialog.cancel')}
            </Button>
            <Button
              color={color}
              loading={working}
              disabled={acknowledgement !== undefined && !acknowledged}
              onClick={() => void confirm()}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
