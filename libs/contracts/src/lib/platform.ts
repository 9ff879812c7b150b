import type { OnboardingStage } from './entities';

export type PlatformEnvironment = 'development' | 'test' | 'production';

/** Who runs this installation: shown in every SPA header. */
export interface PlatformInfo {
  platformName: string;
  intermediary: {
    name: string;
    fiscalCode: string;
  };
  environment: PlatformEnvironment;
  version: string;
  /** True when the installation runs on demo data and the pagoPA simulator. */
  demo: boolean;
}

export interface PlatformStats {
  entities: {
    total: number;
    byStage: Record<OnboardingStage, number>;
  };
  generatedAt: string;
}
