// The public page as a browser shows it (issue: the city's portal). In Debian's Chromium:
//   1. the page loads under its own Content-Security-Policy without a single violation;
//   2. axe-core (every rule it runs by default: WCAG 2.0/2.1 A and AA, best practices) reports
//      no violation, on a phone's width and a desktop's;
//   3. screenshots of the page (a desktop's and a phone's) and of both charts, for people to look at.
// Usage: node check-page.mjs BASE_URL PLAN_ID OUT_DIR
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const [base, plan, out] = process.argv.slice(2);
if (!out) {
  console.error("usage: node check-page.mjs BASE_URL PLAN_ID OUT_DIR");
  process.exit(2);
}
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const pageUrl = `${base}/public/plans/${plan}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
let failed = false;
try {
  // 1. Under the page's own policy: no violation reported on the console, nothing blocked.
  const strict = await browser.newContext();
  const page = await strict.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  const response = await page.goto(pageUrl, { waitUntil: "load" });
  if (!response || response.status() !== 200) throw new Error(`${pageUrl}: ${response?.status()}`);
  const csp = response.headers()["content-security-policy"] ?? "";
  if (!csp.includes("default-src 'none'") || csp.includes("unsafe-inline")) throw new Error(`weak policy: ${csp}`);
  const lang = await page.getAttribute("html", "lang");
  if (lang !== "ja") throw new Error(`lang is ${lang}`);
  if (problems.length) {
    console.error("under its own policy the page reported:", problems);
    failed = true;
  }
  await strict.close();

  // 2. axe-core, injected past the policy (the page itself runs no script).
  for (const [name, viewport] of [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1280, height: 900 }],
  ]) {
    const context = await browser.newContext({ bypassCSP: true, viewport });
    const p = await context.newPage();
    await p.goto(pageUrl, { waitUntil: "load" });
    await p.addScriptTag({ content: axeSource });
    const result = await p.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ["violations"] });
      return { violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) })), passes: r.passes.length };
    });
    console.log(`axe-core on a ${name} (${viewport.width} px): ${result.violations.length} violations, ${result.passes} rules passed`);
    for (const v of result.violations) console.error(`  ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).join(", ")}`);
    if (result.violations.length) failed = true;
    // The top of the page (the charts, their tables and the first initiatives), and a phone's view.
    if (name === "desktop") await p.screenshot({ path: `${out}/public-page.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 2600 } });
    if (name === "phone") await p.screenshot({ path: `${out}/public-page-phone.png` });
    await context.close();
  }

  // 3. The charts as an <img> shows them.
  const charts = await browser.newContext({ viewport: { width: 640, height: 480 } });
  const c = await charts.newPage();
  for (const [file, path] of [
    ["chart-ratings.png", "charts/ratings.svg?group_by=node"],
    ["chart-trend.png", "charts/trend.svg"],
  ]) {
    await c.setContent(`<img src="${base}/api/v1/public/plans/${plan}/${path}" alt="">`);
    await c.waitForLoadState("networkidle");
    await c.locator("img").screenshot({ path: `${out}/${file}` });
  }
  await charts.close();
} finally {
  await browser.close();
}
if (failed) process.exit(1);
console.log(`screenshots: ${out}/public-page.png, public-page-phone.png, chart-ratings.png, chart-trend.png`);
