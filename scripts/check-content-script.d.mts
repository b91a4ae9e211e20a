// Types of scripts/check-content-script.mjs, for the tests that import it.
export declare const MAX_BYTES: number;
export interface ForbiddenContent {
  name: string;
  markers: string[];
}
export declare function forbiddenContents(): ForbiddenContent[];
export declare function checkContentScript(
  buildDir: string,
  options?: { maxBytes?: number; forbidden?: ForbiddenContent[] },
): { file: string; bytes: number; problems: string[] };
