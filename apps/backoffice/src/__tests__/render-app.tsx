import { renderRoutes } from '@pagamenti/ui/testing';
import { routes } from '../routes';

export { anonymousSession, jsonError, platformInfo, sessionOf, stubApi } from '@pagamenti/ui/testing';

/** The app's real route tree in memory at `path`. */
export function renderApp(path = '/') {
  return renderRoutes(routes, path);
}
