import { createTheme, type CSSVariablesResolver } from '@mantine/core';
import classes from './theme.module.css';

/**
 * Mantine's defaults with WCAG AA contrast: the darker shades of the primary colour for filled
 * controls and links, and a darker "dimmed" grey for secondary text and a darker red for errors.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 9,
  autoContrast: true,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  // Plain objects rather than Component.extend: the theme is in the first chunk, the components are not.
  components: {
    Badge: { classNames: { root: classes.badge } },
    // A table wider than a phone scrolls within its container: the keyboard must be able to scroll it too.
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
    // What people type (names, answers, reasons) runs in its own script's direction: an English
    // answer reads left to right in the Arabic interface, an Arabic one right to left in the others.
    TextInput: { defaultProps: { dir: 'auto' } },
    Textarea: { defaultProps: { dir: 'auto' } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
