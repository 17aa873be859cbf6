// Contract fuzzing: seeded, property-based requests for every operation of openapi/openapi.yaml, sent to a running
// service with a real token for every role (and with none). A set-up walk first makes real records, so that most
// requests name ids that exist. Requests are valid or invalid (wrong types, control characters, limits, unknown
// properties and enum values, missing headers and bodies, malformed ids and JSON). Every answer is checked:
//   - never a 5xx;
//   - its status is documented for the operation;
//   - no token: 401; a role the operation does not allow: 403;
//   - a request the contract refuses (its schema, or the rules its 400 lists) is refused with a 4xx;
//   - its media type is documented for that status, and its body matches the schema;
//   - every error is application/problem+json, with the answer's status;
//   - the headers the contract marks required are there.
// It prints one line per operation and `N passed, N failed`, with the seed; it exits 1 on any failure.
//
//   BASE_URL=http://localhost:8080 npm run fuzz      (CI: bash clients/typescript/run-fuzz.sh)
//   FUZZ_SEED=<n> repeats a run's requests; FUZZ_RUNS=<n> requests per operation (default 40).
//
// Tokens, one per role: UBCS_TOKEN_<ROLE>, else <ROLE>.jwt in TOKENS_DIR (default ~/.ubcs/dev/tokens). The register
// operations need a profile that uses the register (UBCS_POLICY_ACTIVE=stoke-on-trent).
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { Contract, type Operation, type Parameter, type Schema } from "./fuzz/contract.ts";
import { idKind, setUp, type Ids, type Send, type Sent } from "./fuzz/setup.ts";
import { Values } from "./fuzz/values.ts";

const baseUrl = (process.env.BASE_URL ?? "http://localhost:8080").replace(/\/$/, "");
const tokensDir = process.env.TOKENS_DIR ?? join(homedir(), ".ubcs", "dev", "tokens");
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const runs = Number(process.env.FUZZ_RUNS ?? 40);
const ROLES = ["COMPLAINTS_OFFICER", "DECISION_MAKER", "APPEAL_REVIEWER", "POLICY_OWNER", "CONTACT_CENTRE", "LEGAL",
  "AUDITOR", "FIELD_OFFICER"];
const tokens = new Map(ROLES.map((role) => [role,
  (process.env[`UBCS_TOKEN_${role}`] ?? readFileSync(join(tokensDir, `${role}.jwt`), "utf8")).trim()]));
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
const contract = new Contract(fileURLToPath(new URL("../../../openapi/openapi.yaml", import.meta.url)));

// ---- Sending

let sentCount = 0;
const send: Send = async (role, method, path, init = {}) => {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json", ...init.headers };
  if (role !== null) headers.Authorization = `Bearer ${tokens.get(role)}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    headers["Content-Type"] ??= "application/json";
  }
  sentCount++;
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body, redirect: "manual" });
  const text = await response.text();
  let json: unknown;
  try {
    json = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
};

// ---- Schemas, checked with ajv (OpenAPI 3.0's extra keywords, `example` and `discriminator`, are ignored)

const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
addFormats.default(ajv);
ajv.addSchema(contract.document, "contract");
const compiled = new Map<Schema, ValidateFunction>();
function validator(schema: Schema): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    // Inline schemas' local references point into the contract.
    validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"contract#/components/')));
    compiled.set(schema, validate);
  }
  return validate;
}
function schemaErrors(schema: Schema, value: unknown): string | undefined {
  const validate = validator(schema);
  return validate(value) ? undefined : ajv.errorsText(validate.errors);
}
/** Why the service must refuse this text wherever it is: the rules the contract's 400 lists for all text. */
function hygiene(text: string): string | undefined {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) return "a control character";
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) return "an unpaired surrogate";
  return undefined;
}

// ---- Requests

interface Draft {
  role: string | null;
  path: Record<string, string>;
  query: [string, string][];
  idempotencyKey?: string;
  ifMatch: "fresh" | "stale" | "absent" | "star";
  body?: { text: string; contentType: string; why?: string; bySchema?: boolean };
}

let ids: Ids = new Map();
const values = new Values({ contract, today, ids: (name) => ids.get(name) ?? [] });

function asText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function parameterValues(parameter: Parameter, path: string): fc.Arbitrary<string> {
  const schema = contract.deref(parameter.schema);
  const real = ids.get(idKind(parameter.name, path)) ?? [];
  const valid = real.length > 0 ? fc.constantFrom(...real) : values.valid(schema, parameter.name).map(asText);
  const invalid = values.invalid(schema, parameter.name).map((i) => asText(i.value)).filter((v) => v !== "");
  // An empty path segment is another address (`/cases//evidence` is `/cases/evidence`), not an empty parameter.
  const empty = parameter.in === "path" ? invalid : fc.constant("");
  return fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: invalid, weight: 2 }, { arbitrary: empty, weight: 1 });
}

/** Percent-encoding that also sends an unpaired surrogate, as the bytes a careless client would (CESU-8), where
 * encodeURIComponent throws. No UTF-8 decoder accepts them: the service must refuse them, not read U+FFFD. */
function encode(text: string): string {
  let encoded = "";
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    encoded += ch.length === 1 && c >= 0xd800 && c <= 0xdfff
      ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("")
      : encodeURIComponent(ch);
  }
  return encoded;
}

// Bodies that are not the JSON the operation reads.
const RAW = [
  { text: "{", contentType: "application/json", why: "malformed JSON" },
  { text: '{"a": 1, "a": 2}', contentType: "application/json", why: "a duplicate key" },
  { text: "[]", contentType: "application/json", why: "an array for an object" },
  { text: "null", contentType: "application/json", why: "null for an object" },
  { text: "", contentType: "application/json", why: "an empty body" },
  { text: '{"fullName": "x"}', contentType: "text/plain", why: "text/plain" },
];

function draftOf(op: Operation): fc.Arbitrary<Draft> {
  const others = ROLES.filter((r) => !op.allowedRoles.includes(r));
  const role = fc.oneof(
    { arbitrary: fc.constantFrom(...op.allowedRoles), weight: 6 },
    { arbitrary: others.length > 0 ? fc.constantFrom(...others) : fc.constantFrom(...op.allowedRoles), weight: 2 },
    { arbitrary: fc.constant(null), weight: 1 },
  );
  const pathParameters = op.parameters.filter((p) => p.in === "path");
  const path = fc.record(Object.fromEntries(pathParameters.map((p) => [p.name, parameterValues(p, op.path)])));
  const query = fc.tuple(...op.parameters.filter((p) => p.in === "query").map((p) =>
    fc.option(parameterValues(p, op.path), { freq: p.required ? 8 : 2 }).map((v) => (v === null ? [] : [[p.name, v]]))))
    .map((pairs) => pairs.flat() as [string, string][])
    // Now and then a parameter the operation does not have, as a misspelt filter: it must be refused, not ignored.
    .chain((pairs) => fc.option(fc.constantFrom<[string, string]>(["custmerId", "x"], ["verbose", "true"]), { freq: 10 })
      .map((stray) => (stray === null ? pairs : [...pairs, stray])));
  const keyParameter = op.parameters.find((p) => p.name === "Idempotency-Key");
  const idempotencyKey = keyParameter === undefined ? fc.constant(undefined)
    // Only what a header can carry: fetch refuses line breaks and other control characters before sending.
    : fc.option(fc.oneof(fc.uuid(), parameterValues(keyParameter, op.path).filter((v) => /^[\x20-\x7e]*$/.test(v))),
      { nil: undefined });
  const ifMatch = fc.constantFrom<Draft["ifMatch"]>("fresh", "fresh", "fresh", "stale", "absent", "star");
  let body: fc.Arbitrary<Draft["body"]> = fc.constant(undefined);
  if (op.body !== undefined) {
    const { schema, mediaType } = op.body;
    body = fc.oneof(
      { arbitrary: values.valid(schema).map((v) => ({ text: JSON.stringify(v), contentType: mediaType })), weight: 4 },
      { arbitrary: values.invalid(schema).map((i) => ({ text: JSON.stringify(i.value), contentType: mediaType, why: i.why, bySchema: i.bySchema })), weight: 3 },
      { arbitrary: fc.constantFrom(...RAW), weight: 1 },
    );
  }
  return fc.record({ role, path, query, idempotencyKey, ifMatch, body });
}

/** The nearest readable resource above an operation's path, whose ETag an If-Match names. */
function etagSource(op: Operation): Operation | undefined {
  for (let path = op.path; path.length > 0; path = path.slice(0, path.lastIndexOf("/"))) {
    const read = contract.operation("GET", path);
    if (read !== undefined && read.answers["200"]?.requiredHeaders.includes("ETag")) return read;
  }
  return undefined;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encode(values[name] ?? ""));
}

interface Exchange {
  method: string;
  url: string;
  role: string | null;
  headers: Record<string, string>;
  body?: string;
  mustRefuse: string[];
  answer: Sent;
}

async function exchange(op: Operation, draft: Draft): Promise<Exchange> {
  const path = fill(op.path, draft.path);
  const query = draft.query.length === 0 ? "" : `?${draft.query.map(([n, v]) => `${encode(n)}=${encode(v)}`).join("&")}`;
  const headers: Record<string, string> = {};
  const mustRefuse: string[] = [];
  for (const [name] of draft.query) {
    if (!op.parameters.some((p) => p.in === "query" && p.name === name)) mustRefuse.push(`${name}: not a parameter of ${op.id}`);
  }
  for (const p of op.parameters.filter((p) => p.in !== "header")) {
    const given = p.in === "path" ? draft.path[p.name] : draft.query.find(([n]) => n === p.name)?.[1];
    if (given === undefined) {
      if (p.required) mustRefuse.push(`no ${p.name}`);
      continue;
    }
    const why = parameterRefusal(p, given);
    if (why !== undefined) mustRefuse.push(`${p.name}: ${why}`);
  }
  if (draft.idempotencyKey !== undefined) {
    headers["Idempotency-Key"] = draft.idempotencyKey;
    const why = parameterRefusal(op.parameters.find((p) => p.name === "Idempotency-Key")!, draft.idempotencyKey);
    if (why !== undefined) mustRefuse.push(`Idempotency-Key: ${why}`);
  }
  if (op.parameters.some((p) => p.name === "If-Match")) {
    if (draft.ifMatch === "absent") mustRefuse.push("no If-Match");
    else if (draft.ifMatch === "star") { headers["If-Match"] = "*"; mustRefuse.push("If-Match: *"); }
    else if (draft.ifMatch === "stale") headers["If-Match"] = '"stale-999"';
    else headers["If-Match"] = await freshEtag(op, draft) ?? '"0"';
  }
  let body: string | undefined;
  if (op.body !== undefined) {
    if (draft.body === undefined) {
      if (op.body.required) mustRefuse.push("no body");
    } else {
      body = draft.body.text;
      headers["Content-Type"] = draft.body.contentType;
      const why = bodyRefusal(op.body.schema, draft.body);
      if (why !== undefined) mustRefuse.push(`body: ${why}`);
    }
  }
  const answer = await send(draft.role, op.method, path + query, { body, headers });
  return { method: op.method, url: path + query, role: draft.role, headers, body, mustRefuse, answer };
}

async function freshEtag(op: Operation, draft: Draft): Promise<string | undefined> {
  const source = etagSource(op);
  if (source === undefined) return undefined;
  const query = source.parameters.filter((p) => p.in === "query" && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(contract.deref(p.schema).enum?.[0] ?? ""))}`).join("&");
  const read = await send(source.allowedRoles.includes("POLICY_OWNER") ? "POLICY_OWNER" : source.allowedRoles[0]!, "GET",
    fill(source.path, draft.path) + (query === "" ? "" : `?${query}`));
  return read.status === 200 ? read.headers.get("ETag") ?? undefined : undefined;
}

function parameterRefusal(parameter: Parameter, raw: string): string | undefined {
  if (raw === "") return "empty";
  const schema = contract.deref(parameter.schema);
  let value: unknown = raw;
  if (schema.type === "integer" || schema.type === "number") value = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (schema.type === "boolean") value = raw === "true" ? true : raw === "false" ? false : raw;
  return hygiene(raw) ?? schemaErrors(schema, value);
}

function bodyRefusal(schema: Schema, body: NonNullable<Draft["body"]>): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body.text);
  } catch {
    return body.why ?? "not JSON";
  }
  if (body.contentType !== "application/json") return body.why;
  if (body.why === "a duplicate key") return body.why;
  // The generator's own reason counts where only the service's rules refuse the value; else the schema decides.
  return schemaErrors(schema, value) ?? (body.bySchema === false ? body.why : hygiene(body.text.replace(/\\u([0-9a-f]{4})/gi,
    (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))));
}

// ---- Checking an answer

function problemsWith(op: Operation, x: Exchange): string[] {
  const { status, headers, text, json } = x.answer;
  const problems: string[] = [];
  if (status >= 500) problems.push(`a ${status}`);
  const answer = op.answers[String(status)] ?? op.answers.default;
  if (answer === undefined) problems.push(`${status} is not documented for ${op.id}`);
  // 415 is the one answer that may come first: the media type is matched while routing, before the roles are
  // checked, and it tells a caller nothing the contract does not.
  if (x.role === null && status !== 401 && status !== 415) problems.push(`no token, but ${status} instead of 401`);
  if (x.role !== null && !op.allowedRoles.includes(x.role) && status !== 403 && status !== 415) {
    problems.push(`${x.role} may not call ${op.id}, but got ${status} instead of 403`);
  }
  if (x.mustRefuse.length > 0 && status < 400) problems.push(`${status} for a request the contract refuses (${x.mustRefuse.join("; ")})`);
  const mediaType = (headers.get("Content-Type") ?? "").split(";")[0]!.trim();
  if (status >= 400 && mediaType !== "application/problem+json") problems.push(`a ${status} as '${mediaType}', not application/problem+json`);
  if (status >= 400 && json?.status !== status) problems.push(`the problem's status is ${json?.status}, the answer's ${status}`);
  if (answer !== undefined) {
    for (const header of answer.requiredHeaders) {
      if (!headers.has(header)) problems.push(`no ${header} header`);
    }
    if (text.length > 0) {
      if (!(mediaType in answer.content)) {
        problems.push(`'${mediaType}' is not documented for ${status}`);
      } else {
        const schema = answer.content[mediaType];
        if (schema !== undefined && mediaType.endsWith("json")) {
          const why = json === undefined ? "not JSON" : schemaErrors(schema, json);
          if (why !== undefined) problems.push(`the ${status} body breaks its schema: ${why}`);
        }
      }
    } else if (Object.keys(answer.content).length > 0 && status !== 204) {
      problems.push(`an empty ${status} body where the contract documents one`);
    }
  }
  return problems;
}

// ---- The run

function shorten(text: string | undefined, length = 600): string {
  return text === undefined ? "" : text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;
}

console.log(`fuzz: seed ${seed} (FUZZ_SEED=${seed} repeats the requests), ${runs} runs per operation, ` +
  `${contract.operations.length} operations, base ${baseUrl}`);
const started = Date.now();
ids = await setUp(contract, send, today);
console.log(`set-up walk: ${[...ids].map(([kind, list]) => `${kind}×${list.length}`).join(", ")} in ${sentCount} requests`);

let passed = 0;
let failed = 0;
const failedOperations: string[] = [];
for (const [index, op] of contract.operations.entries()) {
  const statuses = new Map<number, number>();
  let failure: { exchange: Exchange; problems: string[] } | undefined;
  const result = await fc.check(fc.asyncProperty(draftOf(op), async (draft) => {
    const x = await exchange(op, draft);
    statuses.set(x.answer.status, (statuses.get(x.answer.status) ?? 0) + 1);
    const problems = problemsWith(op, x);
    if (problems.length === 0) {
      passed++;
      return true;
    }
    failed++;
    failure ??= { exchange: x, problems };
    return false;
  }), { seed: seed + index, numRuns: runs, endOnFailure: true });
  const tally = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ");
  if (failure === undefined && !result.failed) {
    console.log(`ok ${op.method} ${op.path} (${op.id}): ${tally}`);
    continue;
  }
  failedOperations.push(op.id);
  const x = failure?.exchange;
  console.log(`FAILED ${op.method} ${op.path} (${op.id}): ${tally}`);
  if (failure === undefined || x === undefined) {
    console.log(`  ${result.errorInstance ?? "the property failed"}`);
    continue;
  }
  for (const problem of failure.problems) console.log(`  - ${problem}`);
  console.log(`  request: ${x.method} ${x.url} as ${x.role ?? "no token"} ${JSON.stringify(x.headers)}`);
  if (x.body !== undefined) console.log(`  body: ${shorten(x.body)}`);
  console.log(`  answer: ${x.answer.status} ${shorten(x.answer.text)}`);
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`fuzz: ${passed} passed, ${failed} failed; ${sentCount} requests in all (set-up walk and ETag reads ` +
  `included) in ${seconds}s; seed ${seed}`);
if (failed > 0) console.log(`failed operations: ${failedOperations.join(", ")}`);
process.exit(failed > 0 ? 1 : 0);
