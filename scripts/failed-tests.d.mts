// Types of scripts/failed-tests.mjs, for the tests that import it.
export declare function failedUnitTests(report: unknown, root?: string): string[];
export declare function failedTapTests(tap: string): string[];
