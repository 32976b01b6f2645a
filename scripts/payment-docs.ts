// npm run docs:payment — writes the payment formats' JSON Schemas and examples to docs/,
// and the table of the PFP review's figures beside the template's forecast into the README.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { paymentDocFiles } from "~/domain/payment/doc-files";
import { reviewForecast, withReviewTable } from "~/domain/examples/pfp-review";

for (const [path, contents] of Object.entries(paymentDocFiles())) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
  console.log(`wrote ${path}`);
}
writeFileSync("README.md", withReviewTable(readFileSync("README.md", "utf8"), reviewForecast()));
console.log("wrote the review table in README.md");
