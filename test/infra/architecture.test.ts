/**
 * The house rule of the layers: config → model → role program → components → resources, no import
 * pointing back up. `infra/config/` is the ground floor (it imports nothing of the project outside
 * itself), IAM documents and components never import a role program, and no module imports itself
 * back through a cycle.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { REPO_ROOT } from "../support/plan";

const INFRA = path.join(REPO_ROOT, "infra");

function walk(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

/**
 * Project-relative imports of a module, resolved to files. Type-only imports count for the layers
 * (they still couple them) but not for cycles (TypeScript erases them: no module is loaded twice).
 */
function importsOf(file: string, o: { readonly types: boolean } = { types: true }): string[] {
    const src = fs.readFileSync(file, "utf8");
    const out: string[] = [];
    for (const m of src.matchAll(/(?:^|\n)\s*((?:import|export)\s[^;]*?)from\s+"(\.[^"]+)"/g)) {
        if (!o.types && /^(?:import|export)\s+type\s/.test(m[1])) continue;
        const target = path.resolve(path.dirname(file), m[2]);
        const found = [`${target}.ts`, path.join(target, "index.ts")].find((f) => fs.existsSync(f));
        if (found) out.push(found);
    }
    return out;
}

const FILES = walk(INFRA);
const rel = (f: string) => path.relative(INFRA, f).split(path.sep).join("/");
const layer = (f: string) => rel(f).split("/")[0];

describe("architecture: layers and cycles", () => {
    it("finds the modules", () => assert.ok(FILES.length > 150));

    it("keeps infra/config the ground floor: it imports nothing from components/, iam/, accounts/ or anywhere else in infra", () => {
        const up = FILES.filter((f) => layer(f) === "config").flatMap((f) => importsOf(f).filter((t) => layer(t) !== "config").map((t) => `${rel(f)} → ${rel(t)}`));
        assert.deepStrictEqual(up, []);
    });

    it("never imports a role program (infra/accounts/) from IAM documents or components", () => {
        const up = FILES.filter((f) => ["iam", "components"].includes(layer(f))).flatMap((f) => importsOf(f).filter((t) => layer(t) === "accounts").map((t) => `${rel(f)} → ${rel(t)}`));
        assert.deepStrictEqual(up, []);
    });

    it("never imports a component from an IAM document", () => {
        const up = FILES.filter((f) => layer(f) === "iam").flatMap((f) => importsOf(f).filter((t) => layer(t) === "components").map((t) => `${rel(f)} → ${rel(t)}`));
        assert.deepStrictEqual(up, []);
    });

    it("has no circular imports at run time", () => {
        const graph = new Map(FILES.map((f) => [f, importsOf(f, { types: false })]));
        const state = new Map<string, "open" | "done">();
        const cycles: string[] = [];
        const visit = (f: string, trail: string[]): void => {
            if (state.get(f) === "done") return;
            if (state.get(f) === "open") {
                cycles.push([...trail.slice(trail.indexOf(f)), f].map(rel).join(" → "));
                return;
            }
            state.set(f, "open");
            for (const t of graph.get(f) ?? []) visit(t, [...trail, f]);
            state.set(f, "done");
        };
        for (const f of FILES) visit(f, []);
        assert.deepStrictEqual(cycles, []);
    });
});

describe("architecture: role programs read as a table of contents", () => {
    /** Top-level functions of a module with their length in lines (declaration to closing brace). */
    function functionLengths(file: string): { name: string; lines: number }[] {
        const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
        return source.statements.filter(ts.isFunctionDeclaration).map((f) => ({
            name: f.name?.text ?? "(anonymous)",
            lines: source.getLineAndCharacterOfPosition(f.getEnd()).line - source.getLineAndCharacterOfPosition(f.getStart()).line + 1,
        }));
    }

    it("composes every role program (infra/accounts/) from named steps of at most 80 lines each", () => {
        const programs = FILES.filter((f) => layer(f) === "accounts");
        const functions = programs.flatMap((f) => functionLengths(f).map((x) => ({ ...x, file: rel(f) })));
        assert.ok(functions.some((x) => x.name === "runSecurityStack") && functions.some((x) => x.name === "runLogArchiveStack") && functions.some((x) => x.name === "buildSecurityEvents"));
        assert.deepStrictEqual(functions.filter((x) => x.lines > 80).map((x) => `${x.file}: ${x.name} has ${x.lines} lines`), []);
    });
});
