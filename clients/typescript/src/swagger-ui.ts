// Swagger UI in a real browser: headless Chromium (the Debian package, /usr/bin/chromium) driven by playwright-core
// opens /q/swagger-ui on a running service, authorises with a complaints officer's bearer token, and runs
// "Try it out" with the contract's own examples: POST /customers (201), GET /customers/{customerId} with the id from
// it (200 and an ETag), PUT /customers/{customerId} with that ETag as If-Match (200). It fails on any page error,
// any console error, and any request to a host other than the service's (this is a closed network: the page must
// not depend on anything outside the service). A screenshot is kept in target/swagger-ui.png.
//
//   BASE_URL=http://localhost:8080 npm run swagger-ui    (CI: bash clients/typescript/run-swagger-ui.sh)
//
// Token: UBCS_TOKEN_COMPLAINTS_OFFICER, else ~/.ubcs/dev/tokens/COMPLAINTS_OFFICER.jwt (written by dev mode).
// Browser: CHROMIUM (default /usr/bin/chromium).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Locator, type Page, type Response } from "playwright-core";

const baseUrl = (process.env.BASE_URL ?? "http://localhost:8080").replace(/\/$/, "");
const token = (
  process.env.UBCS_TOKEN_COMPLAINTS_OFFICER ??
  readFileSync(join(homedir(), ".ubcs", "dev", "tokens", "COMPLAINTS_OFFICER.jwt"), "utf8")
).trim();
const screenshot = fileURLToPath(new URL("../../../target/swagger-ui.png", import.meta.url));
const started = Date.now();

const problems: string[] = [];
const allowedHosts = new Set(["127.0.0.1", "localhost", "[::1]", new URL(baseUrl).hostname]);

const userDataDir = mkdtempSync(join(tmpdir(), "ubcs-chromium-"));
// Removed however the script ends, a failed browser launch included.
process.on("exit", () => rmSync(userDataDir, { recursive: true, force: true }));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  // Without the background-networking flags Chromium reaches out to Google's services, which a closed network refuses.
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1280, height: 2000 },
});

let passed = 0;
function ok(what: string): void {
  passed++;
  console.log(`ok ${passed} - ${what}`);
}

async function main(page: Page): Promise<void> {
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("requestfailed", (request) => {
    if (!request.url().startsWith("data:")) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  // Every request the page makes is checked here; one to another host is refused and reported.
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === "http:" || url.protocol === "https:") && !allowedHosts.has(url.hostname)) {
      problems.push(`request leaving the machine: ${route.request().method()} ${url.href}`);
      await route.abort("blockedbyclient");
      return;
    }
    await route.continue();
  });

  await page.goto(`${baseUrl}/q/swagger-ui/`, { waitUntil: "load" });
  await page.locator("#operations-Customers-createCustomer").waitFor({ timeout: 60_000 });
  ok("Swagger UI shows the contract's operations");

  // Authorize: the dialog's bearer field, then Authorize and Close.
  await page.locator(".auth-wrapper button.authorize").click();
  const dialog = page.locator(".dialog-ux .modal-ux");
  await dialog.waitFor();
  // The dialog tells a newcomer where a token comes from: the dev-mode token files, and the identity provider.
  const help = await dialog.innerText();
  for (const words of ["~/.ubcs/dev/tokens/COMPLAINTS_OFFICER.jwt", "identity provider"]) {
    check(help.includes(words), `the Authorize dialog mentions ${words}`, help);
  }
  ok("the Authorize dialog says where a token comes from (dev-mode files, the identity provider)");
  await dialog.locator("input").first().fill(token);
  await dialog.locator(".auth-btn-wrapper button.authorize").click();
  await dialog.locator(".auth-btn-wrapper button.btn-done").click();
  await dialog.waitFor({ state: "detached" });
  ok("authorised with a COMPLAINTS_OFFICER bearer token");

  // POST /customers with the example body as it is.
  const created = await tryItOut(page, "Customers", "createCustomer", "POST", "/customers", 201);
  const customer = (await created.json()) as { id: string; fullName: string };
  check(typeof customer.id === "string" && customer.id.length > 0, "POST /customers answers the new customer's id");
  ok(`POST /customers with the example body: 201, customer ${customer.id}`);

  // GET /customers/{customerId} with that id.
  const read = await tryItOut(page, "Customers", "getCustomer", "GET", `/customers/${customer.id}`, 200, {
    customerId: customer.id,
  });
  const etag = read.headers()["etag"];
  check(etag !== undefined && etag.length > 0, "GET /customers/{customerId} answers an ETag", read.headers());
  check(((await read.json()) as { id: string }).id === customer.id, "GET /customers/{customerId} answers that customer");
  ok(`GET /customers/{customerId}: 200, ETag ${etag}`);

  // PUT /customers/{customerId} with the example body and If-Match from the read.
  const updated = await tryItOut(page, "Customers", "updateCustomer", "PUT", `/customers/${customer.id}`, 200, {
    customerId: customer.id,
    "If-Match": etag!,
  });
  const after = (await updated.json()) as { preferredChannel?: string };
  check(after.preferredChannel === "TELEPHONE", "PUT /customers/{customerId} applied the example body", after);
  check(updated.request().headers()["if-match"] === etag, "PUT sent the ETag as If-Match");
  ok(`PUT /customers/{customerId} with If-Match ${etag}: 200, ETag ${updated.headers()["etag"]}`);
}

/** Expands an operation, presses "Try it out", fills the parameters, executes, and checks the live answer. */
async function tryItOut(
  page: Page,
  tag: string,
  operationId: string,
  method: string,
  path: string,
  status: number,
  parameters: Record<string, string> = {},
): Promise<Response> {
  const op: Locator = page.locator(`#operations-${tag}-${operationId}`);
  await op.locator(".opblock-summary").first().click();
  await op.locator("button.try-out__btn").click();
  for (const [name, value] of Object.entries(parameters)) {
    await op.locator(`tr[data-param-name="${name}"] input`).first().fill(value);
  }
  const answer = page.waitForResponse(
    (r) => r.request().method() === method && new URL(r.url()).pathname === path,
    { timeout: 30_000 },
  );
  await op.locator("button.execute").click();
  const response = await answer;
  const body = await response.text();
  check(response.status() === status, `${method} ${path}: expected ${status}`, { got: response.status(), body });
  check(
    response.request().headers()["authorization"] === `Bearer ${token}`,
    `${method} ${path} carried the bearer token from Authorize`,
  );
  // The page shows the same answer to the reader.
  await op
    .locator(".live-responses-table tr.response .response-col_status")
    .filter({ hasText: new RegExp(`^\\s*${status}\\s*$`) })
    .waitFor({ timeout: 20_000 });
  return response;
}

function check(condition: boolean, what: string, detail?: unknown): void {
  if (!condition) throw new Error(`${what}${detail === undefined ? "" : `\n${JSON.stringify(detail, null, 2)}`}`);
}

let failure: unknown;
const page = context.pages()[0] ?? (await context.newPage());
const browserName = (await page.evaluate(() => navigator.userAgent)).match(/Chrome\/[\d.]+/)?.[0] ?? "Chromium";
try {
  await main(page);
} catch (error) {
  failure = error;
} finally {
  try {
    mkdirSync(dirname(screenshot), { recursive: true });
    // The Customers section with the three live answers; the page as it is if that section is not there.
    const customers = page.locator(".opblock-tag-section").filter({ has: page.locator("#operations-tag-Customers") });
    if ((await customers.count()) === 1) await customers.screenshot({ path: screenshot, timeout: 20_000 });
    else await page.screenshot({ path: screenshot });
    console.log(`screenshot: ${screenshot}`);
  } catch (error) {
    problems.push(`screenshot failed: ${String(error)}`);
  }
  await context.close();
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failure !== undefined || problems.length > 0) {
  if (failure !== undefined) console.error(`FAILED: ${failure instanceof Error ? failure.message : String(failure)}`);
  for (const problem of problems) console.error(`FAILED: ${problem}`);
  console.log(`swagger-ui: ${passed} passed, ${problems.length + (failure === undefined ? 0 : 1)} failed (${seconds}s)`);
  process.exit(1);
}
console.log(`swagger-ui: ${passed} passed, 0 failed in ${browserName} (${seconds}s)`);
