import type { PublicEntitiesQuery } from './resources/public-entities';

/**
 * Every react-query key of the SPAs. Keys are hierarchical, so invalidating `queryKeys.platform.all`
 * also refreshes info and stats.
 */
export const queryKeys = {
  health: ['health'] as const,
  platform: {
    all: ['platform'] as const,
    info: () => [...queryKeys.platform.all, 'info'] as const,
    stats: () => [...queryKeys.platform.all, 'stats'] as const,
  },
  publicEntities: {
    all: ['public-entities'] as const,
    list: (query: Omit<PublicEntitiesQuery, 'cursor'>) =>
      [...queryKeys.publicEntities.all, 'list', query] as const,
  },
};
