// A small typed client for the Unacceptable Behaviour Case Service. The types come from openapi/openapi.yaml
// (`npm run generate` writes src/generated/api.d.ts); openapi-fetch turns them into checked calls: paths, path and
// header parameters (If-Match where the contract requires it), request bodies and the answers of each status.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./generated/api.d.ts";

export type { components, paths };
export type Schemas = components["schemas"];
// Any media type: answers are application/json, problems (the error of each call) application/problem+json.
export type UbcsClient = Client<paths>;

/** The roles a token's `groups` claim may hold. */
export type Role =
  | "COMPLAINTS_OFFICER"
  | "DECISION_MAKER"
  | "APPEAL_REVIEWER"
  | "POLICY_OWNER"
  | "CONTACT_CENTRE"
  | "LEGAL"
  | "AUDITOR"
  | "FIELD_OFFICER";

/**
 * A client that sends `token` (an RS256 JWT, without `Bearer `) with every request. Pass a function to supply a fresh
 * token each time (an identity provider's access tokens expire within the hour).
 */
export function ubcsClient(baseUrl: string, token: string | (() => string | Promise<string>)): UbcsClient {
  const client = createClient<paths>({ baseUrl });
  const auth: Middleware = {
    async onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${typeof token === "string" ? token : await token()}`);
      return request;
    },
  };
  client.use(auth);
  return client;
}

/** The ETag of an answer, for the `If-Match` of the next update of the same resource. */
export function etagOf(response: Response): string {
  const etag = response.headers.get("ETag");
  if (etag === null) {
    throw new Error(`${response.url}: no ETag in the answer`);
  }
  return etag;
}
