"""axe-core in the page under test: injects the copy bundled with selenium-axe-python and runs
it with the WCAG 2.2 AA and best-practice rule tags, returning the violations."""
import json
from pathlib import Path

import selenium_axe_python

AXE_SOURCE = (Path(selenium_axe_python.__file__).parent / "axe-core" / "axe.min.js").read_text(encoding="utf-8")

# Every rule tag up to WCAG 2.2 AA, and Deque's best practices (landmarks, one h1, ...).
RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

RUN = """
const [tags, done] = arguments;
axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(results => done({ok: true, version: axe.version, violations: results.violations}),
        error => done({ok: false, error: String(error && error.stack || error)}));
"""


def axe_violations(driver) -> list:
    """Runs axe over the current page. WebDriver scripts are not subject to the page's CSP,
    so axe runs even under the strict policy the test server sends."""
    driver.execute_script(AXE_SOURCE)
    answer = driver.execute_async_script(RUN, RULE_TAGS)
    assert answer["ok"], f"axe failed: {answer['error']}"
    return answer["violations"]


def describe(violations: list) -> str:
    """One paragraph per violated rule: the rule, its impact, and each failing element."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            lines.append(f"    at {json.dumps(node['target'])}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:400]}")
    return "\n".join(lines)
