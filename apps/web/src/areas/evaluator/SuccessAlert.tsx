import { Alert, type AlertProps } from '@mantine/core';

/**
 * A green confirmation. Mantine's greens are too light for a title on the light background
 * (below WCAG AA), so the title takes the text colour and the green stays in the frame.
 */
export function SuccessAlert(props: Omit<AlertProps, 'color' | 'variant'>) {
  return <Alert color="green" variant="light" styles={{ title: { color: 'var(--mantine-color-text)' } }} {...props} />;
}
