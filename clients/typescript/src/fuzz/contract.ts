// The contract as the fuzzer reads it: openapi/openapi.yaml parsed as it is (not the served copy, which the Java
// tests compare with it), its operations listed with their parameters, body, roles and documented answers.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** The part of OpenAPI 3.0's schema object the contract uses. */
export interface Schema {
  $ref?: string;
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  example?: unknown;
}

export interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  schema: Schema;
}

export interface Answer {
  /** Media type to its schema (undefined where the contract gives none, as for text/csv). */
  content: Record<string, Schema | undefined>;
  /** Header names the contract marks required. */
  requiredHeaders: string[];
}

export interface Operation {
  id: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  allowedRoles: string[];
  parameters: Parameter[];
  body?: { required: boolean; mediaType: string; schema: Schema };
  answers: Record<string, Answer>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export class Contract {
  readonly document: Json;
  readonly operations: Operation[];

  constructor(file: string) {
    this.document = parse(readFileSync(file, "utf8"));
    this.operations = [];
    for (const [path, item] of Object.entries<Json>(this.document.paths)) {
      for (const method of ["get", "post", "put", "delete"] as const) {
        const op = item[method];
        if (op === undefined) continue;
        const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])]
          .map((p: Json) => this.deref(p))
          .map((p: Json): Parameter => ({ name: p.name, in: p.in, required: p.required === true, schema: p.schema }));
        const body = op.requestBody === undefined ? undefined : this.deref(op.requestBody);
        const [mediaType, media] = body === undefined ? [] : Object.entries<Json>(body.content)[0]!;
        const answers: Record<string, Answer> = {};
        for (const [status, answer] of Object.entries<Json>(op.responses)) {
          const resolved = this.deref(answer);
          const headers = Object.entries<Json>(resolved.headers ?? {});
          answers[status] = {
            content: Object.fromEntries(Object.entries<Json>(resolved.content ?? {}).map(([type, m]) => [type, m.schema])),
            requiredHeaders: headers.filter(([, h]) => this.deref(h).required === true).map(([name]) => name),
          };
        }
        this.operations.push({
          id: op.operationId,
          method: method.toUpperCase() as Operation["method"],
          path,
          allowedRoles: op["x-allowed-roles"] ?? [],
          parameters,
          body: body === undefined ? undefined : { required: body.required === true, mediaType: mediaType!, schema: media.schema },
          answers,
        });
      }
    }
  }

  /** The object a `$ref` points to (local references only, as the contract has), or the node itself. */
  deref<T extends { $ref?: string }>(node: T): T {
    let current: Json = node;
    while (current !== undefined && typeof current.$ref === "string") {
      current = current.$ref.slice(2).split("/").reduce((at: Json, key: string) => at?.[key], this.document);
      if (current === undefined) throw new Error(`dangling reference ${node.$ref}`);
    }
    return current;
  }

  operation(method: string, path: string): Operation | undefined {
    return this.operations.find((o) => o.method === method && o.path === path);
  }
}
