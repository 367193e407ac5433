import { describe, expect, it } from '@jest/globals';
import { withMention } from './mentions';

describe('withMention', () => {
  it('adds the name after the text, spaced, once', () => {
    expect(withMention('', 'Ana Diallo')).toBe('@Ana Diallo ');
    expect(withMention('Please check,', 'Ana Diallo')).toBe('Please check, @Ana Diallo ');
    expect(withMention('Please check, @Ana Diallo about it', 'Ana Diallo')).toBe('Please check, @Ana Diallo about it');
    expect(withMention('Two lines\n', 'Bo')).toBe('Two lines\n@Bo ');
  });
});
