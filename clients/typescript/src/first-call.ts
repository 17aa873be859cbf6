// A first call, as the README's "For front-end teams" shows it: against dev mode with its development token, or
// wherever BASE_URL and UBCS_TOKEN_COMPLAINTS_OFFICER point (run-journey.sh runs it too, so the example keeps working).
//   npm run first-call    (Node 22 from node_modules: it runs TypeScript as it is)
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { etagOf, ubcsClient } from "./client.ts";

const token = process.env.UBCS_TOKEN_COMPLAINTS_OFFICER
  ?? readFileSync(`${homedir()}/.ubcs/dev/tokens/COMPLAINTS_OFFICER.jwt`, "utf8").trim();
const api = ubcsClient(process.env.BASE_URL ?? "http://localhost:8080", token);

const created = await api.POST("/customers", {
  body: { fullName: "Alex Example", email: "alex@example.org", preferredChannel: "EMAIL" },
});
if (!created.data) {
  throw new Error(`${created.response.status}: ${created.error?.detail}`); // error: the problem+json body
}
const customer = created.data;
console.log(`created ${customer.fullName}: ${created.response.headers.get("Location")}`);

// An update sends the ETag of the last read as If-Match: tsc refuses the call without it (the service, 428).
const read = await api.GET("/customers/{customerId}", { params: { path: { customerId: customer.id } } });
const updated = await api.PUT("/customers/{customerId}", {
  params: { path: { customerId: customer.id }, header: { "If-Match": etagOf(read.response) } },
  // PUT replaces every detail: send the ones to keep.
  body: {
    fullName: customer.fullName,
    email: customer.email,
    preferredChannel: customer.preferredChannel,
    reasonableAdjustments: "Letters in 16 pt.",
  },
});
if (!updated.data) {
  throw new Error(`${updated.response.status}: ${updated.error?.detail}`);
}
console.log(`updated: reasonable adjustments "${updated.data.reasonableAdjustments}"`);
