// Types of scripts/check-store.mjs, for the tests that import it.
export declare const MAX_DESCRIPTION: number;
export declare const MAX_NAME: number;
export declare const DATA_CONSENT_MIN: { gecko: number; gecko_android: number };
export declare const PRIVACY_PAGE: string;
export declare function manifestTexts(buildDir: string, value: string | undefined, problems: string[]): string[];
export declare function manifestProblems(manifest: Record<string, unknown>, texts?: (value: string | undefined) => string[]): string[];
export declare function remoteRefs(text: string): string[];
export declare function privacyPageProblems(html: string | undefined): string[];
export declare function checkBuild(buildDir: string): { manifest: Record<string, unknown> | undefined; problems: string[] };
export declare function packageProblems(pkg?: { description?: string }): string[];
export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
export declare const THIRD_PARTY: { name: string; markers: string[] }[];
export declare function thirdPartyOf(buildDir: string, message: LintMessage): string | undefined;
export declare function lintFirefox(buildDir: string): {
  summary: { errors: number; warnings: number; notices: number } | undefined;
  problems: string[];
  thirdParty: (LintMessage & { library: string })[];
};
