/**
 * README.md and docs/*.md point only at what a user's clone has: every relative link resolves to a
 * file of the repository (and its #anchor to a heading there), every file named in the text exists,
 * and every section reference (`§N`) names an existing file with such a section.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const DOCS = ["README.md", ...fs.readdirSync(path.join(REPO_ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** The text with fenced code blocks blanked (examples there are output, not references); lines stay where they are. */
function prose(text: string): string {
    return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ""));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, -1, -2… for repeats. */
export function anchorsOf(text: string): Set<string> {
    const seen = new Map<string, number>();
    const out = new Set<string>();
    for (const m of prose(text).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
        const slug = m[1]
            .replace(/`/g, "")
            .toLowerCase()
            .replace(/[^\p{L}\p{N}\s_-]/gu, "")
            .replace(/\s/g, "-");
        const n = seen.get(slug) ?? 0;
        seen.set(slug, n + 1);
        out.add(n === 0 ? slug : `${slug}-${n}`);
    }
    for (const m of text.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) out.add(m[1]);
    return out;
}

interface Reference {
    readonly doc: string;
    readonly line: number;
    readonly text: string;
}

function lineAt(text: string, index: number): number {
    return text.slice(0, index).split("\n").length;
}

/** Resolves a relative link target from `doc`; undefined when it leaves the repository. */
function resolve(doc: string, target: string): string | undefined {
    const abs = path.resolve(REPO_ROOT, path.dirname(doc), decodeURI(target));
    const rel = path.relative(REPO_ROOT, abs);
    return rel.startsWith("..") || path.isAbsolute(rel) ? undefined : rel;
}

/** Every problem with the references of one document, one line each. */
export function referenceProblems(doc: string, text: string): string[] {
    const problems: string[] = [];
    const body = prose(text);
    // Replacements below keep every newline, so an index in any of these texts gives the same line.
    const at = (i: number, what: string) => `${doc}:${lineAt(body, i)}: ${what}`;
    // Relative links and images: [text](target) and [text]: target.
    for (const m of body.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|^\[[^\]]+\]:\s*(\S+)/gm)) {
        const target = m[1] ?? m[2];
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
        const [file, anchor] = target.split("#", 2);
        const rel = file === "" ? doc : resolve(doc, file);
        if (rel === undefined) {
            problems.push(at(m.index!, `link ${target} points outside the repository`));
            continue;
        }
        if (rel !== doc && !fs.existsSync(path.join(REPO_ROOT, rel))) {
            problems.push(at(m.index!, `link ${target}: ${rel} does not exist`));
            continue;
        }
        if (anchor !== undefined && rel.endsWith(".md") && !anchorsOf(rel === doc ? text : fs.readFileSync(path.join(REPO_ROOT, rel), "utf8")).has(anchor)) {
            problems.push(at(m.index!, `link ${target}: ${rel} has no heading #${anchor}`));
        }
    }
    // Markdown files named in the prose (outside links and code spans, which hold commands and the
    // files they write): they must be files of the repository.
    const withoutLinks = body.replace(/\]\([^)\n]*\)/g, (l) => "]" + " ".repeat(l.length - 1));
    const plain = withoutLinks.replace(/`[^`\n]*`/g, (c) => " ".repeat(c.length));
    for (const m of plain.matchAll(/(?<![\w/.-])((?:[\w.-]+\/)*[\w.-]+\.md)\b/g)) {
        const candidates = [resolve(doc, m[1]), m[1], `docs/${m[1]}`].filter((c): c is string => c !== undefined);
        if (!candidates.some((c) => fs.existsSync(path.join(REPO_ROOT, c)))) problems.push(at(m.index!, `${m[1]} is not a file of the repository`));
    }
    // Section references: `<file> §N` where the file exists and has a heading numbered N.
    for (const m of withoutLinks.matchAll(/((?:[\w.-]+\/)*[\w.-]+)?\s*§\s*(\d+[a-z]?)/g)) {
        const named = m[1];
        const file = named === undefined ? undefined : [named, `${named}.md`].flatMap((n) => [resolve(doc, n), n, `docs/${n}`]).find((c) => c !== undefined && fs.existsSync(path.join(REPO_ROOT, c)) && c.endsWith(".md"));
        if (file === undefined) {
            problems.push(at(m.index!, `section reference ${m[0].trim()} names no file of the repository`));
        } else if (!new RegExp(`^#{1,6}\\s+${m[2]}[.\\s]`, "m").test(prose(fs.readFileSync(path.join(REPO_ROOT, file), "utf8")))) {
            problems.push(at(m.index!, `section reference ${m[0].trim()}: ${file} has no section ${m[2]}`));
        }
    }
    return problems;
}

describe("references in README.md and docs/*.md", () => {
    it("finds the documents to check", () => {
        assert.ok(DOCS.length >= 10, DOCS.join(", "));
    });

    it("all resolve inside the repository: links, anchors, named files and § section references", () => {
        const problems = DOCS.flatMap((doc) => referenceProblems(doc, fs.readFileSync(path.join(REPO_ROOT, doc), "utf8")));
        assert.deepEqual(problems, []);
    });

    it("catch a link to a missing file, a missing anchor, a file outside the repository and a § reference to a file a clone lacks", () => {
        const text = [
            "See [the archive](docs/log-archive.md#no-such-heading), [gone](docs/gone.md), [up](../shared/ARCHITECTURE.md),",
            "the design in ARCHITECTURE.md and (ARCHITECTURE §3).",
            "Fine: [alerts](docs/alerting.md), [web](https://aws.amazon.com/), [here](#example).",
            "",
            "## Example",
        ].join("\n");
        assert.deepEqual(referenceProblems("README.md", text), [
            "README.md:1: link docs/log-archive.md#no-such-heading: docs/log-archive.md has no heading #no-such-heading",
            "README.md:1: link docs/gone.md: docs/gone.md does not exist",
            "README.md:1: link ../shared/ARCHITECTURE.md points outside the repository",
            "README.md:2: ARCHITECTURE.md is not a file of the repository",
            "README.md:2: section reference ARCHITECTURE §3 names no file of the repository",
        ]);
    });

    it("compute GitHub's anchors for headings with code, punctuation and repeats", () => {
        const anchors = anchorsOf("# Plan JSON (`--json`), a stable contract\n## MFA delete: operator step\n## Example\n## Example\n```\n# not a heading\n```\n");
        assert.deepEqual([...anchors], ["plan-json---json-a-stable-contract", "mfa-delete-operator-step", "example", "example-1"]);
    });
});
