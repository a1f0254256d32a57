/**
 * Surveyor's version, from package.json at build time: the bundle carries it,
 * so it is right wherever dist/ is installed (an npm package, an action's
 * release tag) and needs no file beside it.
 */
import { version } from '../../package.json';

export const SURVEYOR_VERSION: string = version;
