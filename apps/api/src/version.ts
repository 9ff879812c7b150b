// eslint-disable-next-line @nx/enforce-module-boundaries -- the root package.json is the one source of the version
import rootPackage from '../../../package.json';

/** The product version, from the root package.json at build time. */
export const APP_VERSION: string = rootPackage.version;
