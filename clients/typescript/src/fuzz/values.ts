// Values built from the contract's schemas with fast-check: valid ones (within every limit, real ids where a field
// names one) and invalid ones, each invalid value tagged with why it is invalid. A value the schema alone allows but
// the service must still refuse (control characters, an unpaired surrogate, an unknown property: the contract's
// 400 description lists them) is tagged too, so the fuzzer can expect a 4xx for it.
import fc from "fast-check";
import type { Contract, Schema } from "./contract.ts";

export interface Invalid {
  value: unknown;
  why: string;
  /** True where the schema itself refuses the value; false where only the service's rules (text hygiene, unknown
   * properties) do. */
  bySchema: boolean;
}

export interface ValueContext {
  contract: Contract;
  /** Real ids for a property or parameter name (customerId, caseId, ...), if the set-up walk made any. */
  ids(name: string): string[];
  /** Today in Europe/London, yyyy-mm-dd. */
  today: string;
}

const CONTROL = ["\u0000", "\u0007", "\u0008", "\u001b"];
const SURROGATE = "\ud800";
// The largest page of generated text: limits above it are probed by the invalid values, not by valid ones.
const LONGEST = 80;

export function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export class Values {
  private readonly ctx: ValueContext;

  constructor(ctx: ValueContext) {
    this.ctx = ctx;
  }

  /** Values the schema allows. `name` is the property or parameter name, used to pick real ids. */
  valid(schemaOrRef: Schema, name = ""): fc.Arbitrary<unknown> {
    const schema = this.ctx.contract.deref(schemaOrRef);
    const made = this.made(schema, name);
    // The contract's own example is a realistic value: try it often.
    return schema.example === undefined || schema.type === "object"
      ? made
      : fc.oneof({ arbitrary: fc.constant(schema.example), weight: 1 }, { arbitrary: made, weight: 2 });
  }

  private made(schema: Schema, name: string): fc.Arbitrary<unknown> {
    if (schema.oneOf !== undefined) return fc.oneof(...schema.oneOf.map((s) => this.valid(s, name)));
    if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case "object":
        return this.object(schema);
      case "array": {
        const items = this.valid(schema.items ?? {}, name);
        const limits = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) };
        return schema.uniqueItems === true
          ? fc.uniqueArray(items, { ...limits, selector: (v) => JSON.stringify(v) })
          : fc.array(items, limits);
      }
      case "integer":
        return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100000 });
      case "number":
        return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100000, noNaN: true });
      case "boolean":
        return fc.boolean();
      default:
        return this.string(schema, name);
    }
  }

  private object(schema: Schema): fc.Arbitrary<unknown> {
    const properties = schema.properties ?? {};
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, property] of Object.entries(properties)) model[key] = this.valid(property, key);
    return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
  }

  private string(schema: Schema, name: string): fc.Arbitrary<string> {
    const min = schema.minLength ?? 0;
    const max = Math.min(schema.maxLength ?? LONGEST, LONGEST);
    switch (schema.format) {
      case "uuid": {
        const real = this.ctx.ids(name);
        return real.length === 0
          ? fc.uuid()
          : fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: fc.uuid(), weight: 1 });
      }
      case "date":
        return this.date();
      case "date-time":
        return fc.tuple(this.date(), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
          .map(([d, h, m]) => `${d}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00Z`);
      case "email":
        return fc.stringMatching(/^[a-z]{1,12}$/).map((local) => `${local}@example.org`);
      case "uri":
      case "uri-reference":
        return fc.stringMatching(/^[a-z]{1,12}$/).map((p) => `https://example.org/${p}`);
    }
    if (schema.pattern !== undefined) {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= max);
    }
    return fc.string({ minLength: min, maxLength: Math.max(min, max), unit: "grapheme" });
  }

  private date(): fc.Arbitrary<string> {
    // Around today: near dates are the ones the service's date-order rules accept.
    return fc.integer({ min: -400, max: 400 }).map((days) => plusDays(this.ctx.today, days));
  }

  /** Values the schema, or the service's documented rules, refuse. */
  invalid(schemaOrRef: Schema, name = ""): fc.Arbitrary<Invalid> {
    const schema = this.ctx.contract.deref(schemaOrRef);
    const options: fc.Arbitrary<Invalid>[] = [this.wrongType(schema)];
    if (schema.oneOf !== undefined) {
      options.push(...schema.oneOf.map((s) => this.invalid(s, name)));
      options.push(fc.constant({ value: { type: "NO_SUCH_VARIANT" }, why: "an unknown variant", bySchema: true }));
    } else if (schema.enum !== undefined) {
      options.push(fc.constant({ value: "NOT_A_VALUE", why: "an unknown enum value", bySchema: true }));
    } else if (schema.type === "object") {
      options.push(...this.invalidObject(schema));
    } else if (schema.type === "array") {
      const item = schema.items ?? {};
      options.push(this.invalid(item, name).map((i) => ({ ...i, value: [i.value], why: `an item: ${i.why}` })));
      if (schema.maxItems !== undefined) {
        const too = schema.maxItems + 1;
        options.push(this.valid(item, name).map((v) => ({ value: Array(too).fill(v), why: `${too} items`, bySchema: true })));
      }
    } else if (schema.type === "integer" || schema.type === "number") {
      if (schema.minimum !== undefined) options.push(fc.constant({ value: schema.minimum - 1, why: "below the minimum", bySchema: true }));
      if (schema.maximum !== undefined) options.push(fc.constant({ value: schema.maximum + 1, why: "above the maximum", bySchema: true }));
      if (schema.type === "integer") options.push(fc.constant({ value: 1.5, why: "a fraction", bySchema: true }));
    } else if (schema.type === "string") {
      options.push(...this.invalidString(schema, name));
    }
    return fc.oneof(...options);
  }

  private wrongType(schema: Schema): fc.Arbitrary<Invalid> {
    const byType: Record<string, unknown[]> = {
      string: [42, true, { text: "x" }, ["x"]],
      integer: ["12", true, [], 12.25e40],
      number: ["1.5", false, {}],
      boolean: ["true", 0, null],
      array: ["x", 1, { a: 1 }],
      object: ["x", 7, [], true],
    };
    const wrong = byType[schema.type ?? (schema.oneOf !== undefined ? "object" : "string")] ?? [];
    return fc.constantFrom(...wrong).map((value) => ({ value, why: `a ${typeof value} where the contract wants ${schema.type ?? "one of its variants"}`, bySchema: true }));
  }

  private invalidObject(schema: Schema): fc.Arbitrary<Invalid>[] {
    const properties = Object.entries(schema.properties ?? {});
    const whole = this.object(schema) as fc.Arbitrary<Record<string, unknown>>;
    const options: fc.Arbitrary<Invalid>[] = [
      whole.map((v) => ({ value: { ...v, unknownProperty: "x" }, why: "an unknown property", bySchema: false })),
    ];
    const required = (schema.required ?? []).filter((k) => schema.properties?.[k] !== undefined);
    if (required.length > 0) {
      options.push(fc.tuple(whole, fc.constantFrom(...required)).map(([v, key]) => {
        const { [key]: _dropped, ...rest } = v;
        return { value: rest, why: `no ${key}`, bySchema: true };
      }));
    }
    if (properties.length > 0) {
      // One property made invalid, the rest valid: the refusal must come from that one field.
      options.push(fc.constantFrom(...properties).chain(([key, property]) =>
        fc.tuple(whole, this.invalid(property, key)).map(([v, bad]) => ({
          ...bad,
          value: { ...v, [key]: bad.value },
          why: `${key}: ${bad.why}`,
        }))));
    }
    return options;
  }

  private invalidString(schema: Schema, name: string): fc.Arbitrary<Invalid>[] {
    const ok = this.string(schema, name);
    const options: fc.Arbitrary<Invalid>[] = [
      fc.tuple(ok, fc.constantFrom(...CONTROL)).map(([s, c]) => ({
        value: s + c, why: `the control character U+${c.charCodeAt(0).toString(16).padStart(4, "0")}`, bySchema: false,
      })),
      ok.map((s) => ({ value: SURROGATE + s, why: "an unpaired surrogate", bySchema: false })),
    ];
    if (schema.maxLength !== undefined) {
      options.push(fc.constant({ value: "x".repeat(schema.maxLength + 1), why: `${schema.maxLength + 1} characters`, bySchema: true }));
    }
    if (schema.format === "uuid") options.push(fc.constant({ value: "not-a-uuid", why: "not a UUID", bySchema: true }));
    if (schema.format === "date") {
      options.push(fc.constantFrom("2026-02-30", "03/12/2026", "2026-13-01").map((value) => ({ value, why: "not a date", bySchema: true })));
    }
    if (schema.format === "date-time") {
      options.push(fc.constantFrom("2026-12-03", "2026-12-03T25:00:00Z", "yesterday").map((value) => ({ value, why: "not a date-time", bySchema: true })));
    }
    if (schema.pattern !== undefined) options.push(fc.constant({ value: "!?", why: "outside the pattern", bySchema: true }));
    return options;
  }
}
