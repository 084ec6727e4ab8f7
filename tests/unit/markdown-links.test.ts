// Every relative link in the repository's Markdown resolves to a file or folder inside the
// repository: the docs stand on their own, with nothing pointing outside the checkout.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The Markdown files git tracks or would track (untracked but not ignored), so new docs count too. */
function markdownFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\n').filter((f) => f && existsSync(join(ROOT, f)));
}

/** Targets of inline links and images `[text](target)`, code spans and fenced blocks left out. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? '');
}

/** Pages being written on another branch at the same time; drop each once it is merged. */
const PENDING = new Set(['docs/data-package-ranges.md']);

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#');

/** Broken relative links of `markdown`, the text of `file`: those that leave the repository or name nothing. */
function brokenLinks(file: string, markdown: string): string[] {
  const broken: string[] = [];
  for (const target of linkTargets(markdown)) {
    if (isExternal(target)) continue;
    const path = decodeURIComponent(target.split('#')[0] ?? '');
    const absolute = resolve(ROOT, dirname(file), path);
    const inside = absolute === resolve(ROOT) || absolute.startsWith(resolve(ROOT) + sep);
    if (!inside) broken.push(`${target} (outside the repository: ${relative(ROOT, absolute)})`);
    else if (!existsSync(absolute) && !PENDING.has(relative(ROOT, absolute).split(sep).join('/'))) broken.push(`${target} (no such file)`);
  }
  return broken;
}

describe('Markdown links', () => {
  const files = markdownFiles();

  it('finds the documentation', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'data/README.md', 'docs/README.md', 'docs/data-package.md', 'docs/report.md', 'docs/app-hooks.md']));
  });

  it.each(files)('%s links only to files inside the repository', (file) => {
    expect(brokenLinks(file, readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it('catches a link out of the repository and a link to nothing, not code or web links', () => {
    const text = 'See [spec](../../shared/spec/report.md), [x](nothing.md "t"), [ok](report.md#the-json-document), [web](https://example.org) and `[code](../no.md)`.';
    expect(brokenLinks('docs/example.md', text)).toEqual(['../../shared/spec/report.md (outside the repository: ../shared/spec/report.md)', 'nothing.md (no such file)']);
  });
});
