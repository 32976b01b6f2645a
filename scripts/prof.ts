import { forecast } from "~/domain/payment/forecast";
import { PFP_PAYMENT_MODEL, PFP_SCENARIOS } from "~/domain/examples/pfp-payment";
for (let i = 0; i < 3; i++) forecast({ model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS, runs: 500, seed: 2018 });
const t = performance.now();
for (let i = 0; i < 10; i++) forecast({ model: PFP_PAYMENT_MODEL, scenarios: PFP_SCENARIOS, runs: 500, seed: 2018 });
console.log(((performance.now() - t) / 10).toFixed(0), "ms per page forecast");
