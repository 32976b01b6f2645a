// npm run docs:payment — writes the payment formats' JSON Schemas and examples to docs/.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { paymentDocFiles } from "~/domain/payment/doc-files";

for (const [path, contents] of Object.entries(paymentDocFiles())) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
  console.log(`wrote ${path}`);
}
