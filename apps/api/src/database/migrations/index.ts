import { Foundation1795689602966 } from './1795689602966-Foundation';

/** Every migration, in order. `npm run db:migration:generate -- Name` writes a new file; add it here. */
export const MIGRATIONS = [Foundation1795689602966];
