// What the city's web portal does, without credentials: list the published plans, find the
// latest fiscal year with published reports from the public trend, and print that year's summary
// from the public summary endpoint (totals and one row per top-level node; cross-listed
// initiatives count under each node they are placed in, once in the totals). Then it
// revalidates the summary with its ETag, as a portal's cache would (304, no body).
// Types come from the OpenAPI document (src/schema.d.ts); a wrong path, parameter or field
// here is a compile error.
//
//   SHINCHOKU_URL  default http://127.0.0.1:8080

import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

type Counts = components["schemas"]["Counts"];

const baseUrl = process.env.SHINCHOKU_URL ?? "http://127.0.0.1:8080";

function fail(what: string, problem: unknown): never {
  console.error(`${what} failed:`, JSON.stringify(problem));
  process.exit(1);
}

function line(counts: Counts, grades: string[]): string {
  const ratings = grades.map((g) => `${g} ${counts.ratings[g] ?? 0}`).join(" / ");
  return `取組 ${counts.initiatives} 件 | 評価 ${ratings} / 未評価 ${counts.ratings["unrated"] ?? 0}`;
}

async function main(): Promise<void> {
  const client = createClient<paths>({ baseUrl });

  const plans = await client.GET("/api/v1/public/plans");
  if (!plans.data) fail("listing published plans", plans.error);
  console.log(`公開中の計画: ${plans.data.items.length}`);
  for (const plan of plans.data.items) {
    console.log(`- ${plan.title}（${plan.organization}、${plan.start_fy_label}～${plan.end_fy_label}）`);
  }
  const plan = plans.data.items[0];
  if (!plan) fail("finding a published plan", "none");
  const plan_id = plan.id;

  // The latest year with published reports.
  const trend = await client.GET("/api/v1/public/plans/{plan_id}/summary/trend", { params: { path: { plan_id } } });
  if (!trend.data) fail("reading the trend", trend.error);
  const years = trend.data.years.filter((y) => y.workflow.published > 0);
  const latest = years[years.length - 1];
  if (!latest) fail("finding a year with published reports", "none");
  console.log(`\n${plan.title} の推移`);
  const grades = plan.rating_scale.map((g) => g.code);
  for (const year of years) console.log(`  ${year.fiscal_year_label}: ${line(year, grades)}`);

  const query = { fiscal_year: latest.fiscal_year, group_by: "node" as const, level: 1 };
  const summary = await client.GET("/api/v1/public/plans/{plan_id}/summary", { params: { path: { plan_id }, query } });
  if (!summary.data) fail("reading the summary", summary.error);
  const s = summary.data;
  const progress = s.totals.progress;
  console.log(`\n${s.fiscal_year_label}の進捗（公開分）`);
  console.log(`  全体: ${line(s.totals, grades)}`);
  console.log(
    `  進捗状況: ${s.legend.progress["on_track"]} ${progress.on_track}、${s.legend.progress["mostly_on_track"]} ` +
      `${progress.mostly_on_track}、${s.legend.progress["partly_delayed"]} ${progress.partly_delayed}、` +
      `${s.legend.progress["not_started"]} ${progress.not_started}`,
  );
  for (const group of s.groups) {
    console.log(`  ${s.level_label ?? ""} ${group.code ?? ""} ${group.label}: ${line(group, grades)}`);
  }

  // Revalidation: the same request with the ETag is answered 304 without a body.
  const etag = summary.response.headers.get("ETag");
  if (!etag) fail("reading the ETag", "none");
  const again = await client.GET("/api/v1/public/plans/{plan_id}/summary", {
    params: { path: { plan_id }, query, header: { "If-None-Match": etag } },
  });
  if (again.response.status !== 304) fail("revalidating with If-None-Match", again.response.status);
  console.log(`\n再検証: ${again.response.status} Not Modified (ETag ${etag})`);
}

await main();
