// Types for the tests that drive this plugin with a stand-in of Netlify's utils.cache.
interface CacheUtils {
  save(path: string): Promise<boolean>;
  restore(path: string): Promise<boolean>;
}
export declare const CACHE: string;
export declare function onPreBuild(options: { utils: { cache: CacheUtils } }): Promise<void>;
export declare function onPostBuild(options: { utils: { cache: CacheUtils } }): Promise<void>;
