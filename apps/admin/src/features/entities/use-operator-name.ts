import { useState } from 'react';

const KEY = 'pagamenti.operatore';

/**
 * The operator's name recorded in histories, remembered in this browser. Temporary: the identity issue replaces
 * it with the logged-in person.
 */
export function useOperatorName(): [string, (name: string) => void] {
  const [name, setName] = useState(() => {
    try {
      return window.localStorage.getItem(KEY) ?? '';
    } catch {
      return '';
    }
  });
  const update = (value: string) => {
    setName(value);
    try {
      window.localStorage.setItem(KEY, value);
    } catch {
      // storage unavailable: keep it for this page only
    }
  };
  return [name, update];
}
