import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { SEARCH_DELAY_MS, withListParameter } from './list-search';

interface Props {
  label: string;
  description: string;
  /** The address parameter that holds the search, and the one of the list's page (reset by a search). */
  parameter: string;
  pageParameter: string;
  /** The search the address holds. */
  value: string;
}

/**
 * A search field that searches once typing pauses, in the address (so a search can be reloaded and
 * shared), replacing the history entry rather than adding one per word.
 */
export function ListSearchInput({ label, description, parameter, pageParameter, value }: Props) {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(value);
  const [held, setHeld] = useState(value);
  // The address changed (a link that clears the filters, or the search applied): show what it holds,
  // unless it is what is being typed, spaces aside. Adjusted while rendering, as React advises.
  if (value !== held) {
    setHeld(value);
    if (text.trim() !== value) setText(value);
  }
  const search = useDebouncedCallback((term: string) => {
    if (term.trim() !== value) setParams(withListParameter(params, parameter, term, pageParameter), { replace: true });
  }, SEARCH_DELAY_MS);
  return (
    <TextInput
      name={parameter}
      type="search"
      label={label}
      description={description}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
    />
  );
}
