import { usePlatformInfo } from '@pagamenti/api-client';

/** Shown until (or if never) the API says who runs the installation. */
export const FALLBACK_PLATFORM_NAME = 'Piattaforma pagamenti';

export interface PlatformNames {
  platformName: string;
  intermediaryName: string | null;
  version: string | null;
  demo: boolean;
}

export function usePlatformNames(): PlatformNames {
  const { data } = usePlatformInfo();
  return {
    platformName: data?.platformName ?? FALLBACK_PLATFORM_NAME,
    intermediaryName: data?.intermediary.name ?? null,
    version: data?.version ?? null,
    demo: data?.demo ?? false,
  };
}
