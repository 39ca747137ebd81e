// Validates Kubernetes objects against the Kubernetes OpenAPI schema (kubernetes-models).
// Usage: node validate.mjs PATH...   (a PATH is a YAML file, possibly of several documents, or a folder of them;
// kustomization.yaml is not an object and is skipped). Prints one line per invalid object and exits 1 if any.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import * as models from "kubernetes-models";

const files = process.argv.slice(2).flatMap((path) =>
  statSync(path).isDirectory()
    ? readdirSync(path).filter((name) => name.endsWith(".yaml") && name !== "kustomization.yaml").sort().map((name) => join(path, name))
    : [path]);

// "networking.k8s.io/v1" → models.networkingK8sIo.v1; "v1" → models.v1
function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const groupKey = group === null ? null : group.replace(/\.([a-z])/g, (_, letter) => letter.toUpperCase());
  const module = group === null ? models[version] : models[groupKey]?.[version];
  return module?.[kind];
}

let failures = 0;
let validated = 0;
for (const file of files) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      console.log(`${file}: not YAML: ${document.errors[0].message}`);
      failures++;
      continue;
    }
    const object = document.toJS();
    if (object === null) continue;
    // kustomize wraps a long base64 value over several lines; the API server's decoder (Go's encoding/base64) skips line breaks.
    if (object.kind === "Secret" && object.data) {
      for (const key of Object.keys(object.data)) object.data[key] = object.data[key].replace(/\s+/g, "");
    }
    const name = `${file}: ${object.kind}/${object.metadata?.name}`;
    const Model = modelFor(object.apiVersion ?? "", object.kind ?? "");
    if (Model === undefined) {
      console.log(`${name}: unknown apiVersion/kind ${object.apiVersion}/${object.kind}`);
      failures++;
      continue;
    }
    try {
      new Model(object).validate();
      validated++;
    } catch (error) {
      console.log(`${name}: ${error.message}`);
      failures++;
    }
  }
}

console.log(`${validated} valid, ${failures} invalid`);
process.exit(failures === 0 && validated > 0 ? 0 : 1);
