// Types for the tests that drive this plugin with a stand-in of Netlify's utils.cache.
interface CacheUtils {
  save(path: string): Promise<boolean>;
  restore(path: string): Promise<boolean>;
}
interface Options {
  utils: { cache: CacheUtils };
  constants?: { PUBLISH_DIR?: string };
}
export declare const CACHE: string;
export declare function onPreBuild(options: Options): Promise<void>;
export declare function onPostBuild(options: Options): Promise<void>;
