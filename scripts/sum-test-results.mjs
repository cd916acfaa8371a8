#!/usr/bin/env node
// Prints ONE line "N passed, N failed" summed over jest JSON result files
// (numPassedTests / numFailedTests), for CI. A missing or unreadable file, or a
// suite that failed to run (numRuntimeErrorTestSuites), counts as one failure
// so a crash can never look green. Exits 1 when anything failed.
// Usage: node scripts/sum-test-results.mjs results1.json [results2.json ...]
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
	try {
		const result = JSON.parse(readFileSync(file, 'utf8'));
		passed += result.numPassedTests;
		failed += result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
		if (!result.success && result.numFailedTests === 0 && !result.numRuntimeErrorTestSuites) failed += 1;
	} catch (error) {
		console.error(`${file}: no jest result (${error.message})`);
		failed += 1;
	}
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
