import { describe, expect, it } from "vitest";
import { backstageCatalog } from "./backstage-files.js";

describe("backstageCatalog", () => {
  it("tells catalogs of entities from Location-only files and from Kubernetes manifests", () => {
    const component =
      "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: web\nspec:\n  type: service\n";
    const location =
      'apiVersion: "backstage.io/v1alpha1"\nkind: Location\nmetadata: {name: all}\nspec:\n  targets: [./a.yaml]\n';
    const role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\n";
    expect(backstageCatalog(component)).toBe("entities");
    expect(backstageCatalog(`${location}---\n${component}`)).toBe("entities");
    expect(backstageCatalog(location)).toBe("locations");
    expect(backstageCatalog(role)).toBeUndefined();
    // A file that mixes the two is not a catalog the loader could read as one.
    expect(backstageCatalog(`${component}---\n${role}`)).toBeUndefined();
    expect(backstageCatalog("name: not a manifest\n")).toBeUndefined();
  });
});
