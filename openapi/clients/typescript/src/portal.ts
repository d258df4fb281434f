// What the city's web portal does, without credentials: list the published plans, take the
// latest fiscal year with published reports from the plan (`fiscal_year=latest` asks for it),
// print that year's summary by top-level node from the public summary endpoint, with shares and
// the legend's labels and colours, and the trend over the years with published reports
// (cross-listed initiatives count under each node they are placed in, once in the totals).
// Then it revalidates the summary with its ETag, as a portal's cache would (304, no body), and
// fetches the chart and the page a portal can embed without writing any code.
// Types come from the OpenAPI document (src/schema.d.ts); a wrong path, parameter or field
// here is a compile error.
//
//   SHINCHOKU_URL  default http://127.0.0.1:8080

import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

type PublicCounts = components["schemas"]["PublicCounts"];
type RatingShare = components["schemas"]["RatingShare"];

const baseUrl = process.env.SHINCHOKU_URL ?? "http://127.0.0.1:8080";

function fail(what: string, problem: unknown): never {
  console.error(`${what} failed:`, JSON.stringify(problem));
  process.exit(1);
}

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

function rating(r: RatingShare): string {
  return `${r.grade ?? r.label} ${r.count}（${percent(r.share)}）`;
}

function line(counts: PublicCounts): string {
  return `取組 ${counts.initiatives} 件（公開 ${counts.published} 件）| 評価 ${counts.ratings.map(rating).join(" / ")}`;
}

async function main(): Promise<void> {
  const client = createClient<paths>({ baseUrl });

  const plans = await client.GET("/api/v1/public/plans");
  if (!plans.data) fail("listing published plans", plans.error);
  console.log(`公開中の計画: ${plans.data.items.length}`);
  for (const plan of plans.data.items) {
    const latest = plan.latest_published_fiscal_year_label ?? "公開された報告なし";
    console.log(`- ${plan.title}（${plan.organization}、${plan.start_fy_label}～${plan.end_fy_label}、最新: ${latest}）`);
  }
  const plan = plans.data.items.find((p) => p.latest_published_fiscal_year !== null);
  if (!plan) fail("finding a plan with published reports", "none");
  const plan_id = plan.id;

  const query = { fiscal_year: "latest" as const, group_by: "node" as const, level: 1 };
  const summary = await client.GET("/api/v1/public/plans/{plan_id}/summary", { params: { path: { plan_id }, query } });
  if (!summary.data) fail("reading the summary", summary.error);
  const s = summary.data;
  if (s.fiscal_year !== plan.latest_published_fiscal_year) fail("latest is the plan's latest published year", s.fiscal_year);
  const asOf = s.as_of ? new Date(s.as_of).toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo" }) : "";
  console.log(`\n${s.fiscal_year_label}の進捗（${asOf}時点の公開分）`);
  console.log(`  凡例（${s.legend.ratings.title}）: ${s.legend.ratings.entries.map((e) => `${e.key ?? ""} ${e.label} ${e.color}`).join("、")}`);
  console.log(`  全体: ${line(s.totals)}`);
  console.log(`  ${s.legend.progress.title}: ${s.totals.progress.map((p) => `${p.label} ${p.count}`).join("、")}`);
  for (const group of s.groups) {
    console.log(`  ${s.level_label ?? ""} ${group.code ?? ""} ${group.label}: ${line(group)}`);
  }

  const trend = await client.GET("/api/v1/public/plans/{plan_id}/summary/trend", { params: { path: { plan_id } } });
  if (!trend.data) fail("reading the trend", trend.error);
  console.log(`\n${plan.title} の推移（公開された年度のみ）`);
  for (const year of trend.data.years) console.log(`  ${year.fiscal_year_label}: ${line(year)}`);

  // Revalidation: the same request with the ETag is answered 304 without a body.
  const etag = summary.response.headers.get("ETag");
  if (!etag) fail("reading the ETag", "none");
  const again = await client.GET("/api/v1/public/plans/{plan_id}/summary", {
    params: { path: { plan_id }, query, header: { "If-None-Match": etag } },
  });
  if (again.response.status !== 304) fail("revalidating with If-None-Match", again.response.status);
  console.log(`\n再検証: ${again.response.status} Not Modified (ETag ${etag})`);

  // What a portal embeds as it is: a chart for <img src>, the page for <iframe src>.
  for (const [path, type] of [
    [`/api/v1/public/plans/${plan_id}/charts/ratings.svg?group_by=node`, "image/svg+xml"],
    [`/public/plans/${plan_id}`, "text/html"],
  ] as const) {
    const response = await fetch(`${baseUrl}${path}`);
    const contentType = response.headers.get("Content-Type") ?? "";
    if (response.status !== 200 || !contentType.startsWith(type)) fail(`fetching ${path}`, [response.status, contentType]);
    console.log(`埋め込み: ${path} (${contentType}, ${(await response.text()).length} 文字)`);
  }
}

await main();
