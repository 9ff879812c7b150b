import { useEffect } from 'react';
import { usePlatformNames } from './use-platform-names';

/** Sets `document.title` to "<title> | <platform name>" while the calling page is shown. */
export function usePageTitle(title: string): void {
  const { platformName } = usePlatformNames();
  useEffect(() => {
    document.title = `${title} | ${platformName}`;
  }, [title, platformName]);
}
