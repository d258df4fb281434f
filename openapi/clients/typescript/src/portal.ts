// What the city's web portal does: list the published plans and show a summary of one —
// its top-level policies with how many initiatives each holds (cross-listed ones included).
// Types come from the OpenAPI document (src/schema.d.ts); a wrong path, parameter or field
// here is a compile error.
//
//   SHINCHOKU_URL       default http://127.0.0.1:8080
//   SHINCHOKU_LOGIN     default iinkai (the demo committee member)
//   SHINCHOKU_PASSWORD  default demo-committee-password

import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

type Plan = components["schemas"]["PlanView"];
type Node = components["schemas"]["NodeView"];
type Initiative = components["schemas"]["InitiativeView"];

const baseUrl = process.env.SHINCHOKU_URL ?? "http://127.0.0.1:8080";
const login = process.env.SHINCHOKU_LOGIN ?? "iinkai";
const password = process.env.SHINCHOKU_PASSWORD ?? "demo-committee-password";

function fail(what: string, problem: unknown): never {
  console.error(`${what} failed:`, JSON.stringify(problem));
  process.exit(1);
}

async function main(): Promise<void> {
  const client = createClient<paths>({ baseUrl });

  const signIn = await client.POST("/api/v1/auth/token", { body: { login, password } });
  if (!signIn.data) fail("sign-in", signIn.error);
  client.use({
    onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${signIn.data.access_token}`);
      return request;
    },
  });

  const plans = await client.GET("/api/v1/plans", { params: { query: { status: ["published"] } } });
  if (!plans.data) fail("listing plans", plans.error);
  console.log(`公開中の計画: ${plans.data.items.length}`);
  for (const plan of plans.data.items) {
    console.log(`- ${plan.title}（${plan.organization}、${plan.start_fy_label}～${plan.end_fy_label}）`);
  }
  const plan: Plan | undefined = plans.data.items[0];
  if (!plan) fail("finding a published plan", "none");

  // Every page of a list, following next_cursor.
  async function allNodes(level: number): Promise<Node[]> {
    const out: Node[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.GET("/api/v1/plans/{plan_id}/nodes", {
        params: { path: { plan_id: plan!.id }, query: { level, limit: 500, cursor } },
      });
      if (!page.data) fail("listing nodes", page.error);
      out.push(...page.data.items);
      cursor = page.data.next_cursor ?? undefined;
    } while (cursor);
    return out;
  }
  async function initiativesUnder(nodeId: string): Promise<Initiative[]> {
    const page = await client.GET("/api/v1/plans/{plan_id}/initiatives", {
      params: { path: { plan_id: plan!.id }, query: { node_id: [nodeId], limit: 500 } },
    });
    if (!page.data) fail("listing initiatives", page.error);
    return page.data.items;
  }

  console.log(`\n${plan.title}`);
  const levelLabel = plan.level_labels[0] ?? "";
  for (const top of await allNodes(1)) {
    // Initiatives sit deeper: count those under each child at the deepest level of this branch.
    const ids = new Set<string>();
    const pending: Node[] = [top];
    while (pending.length > 0) {
      const node = pending.pop()!;
      for (const i of await initiativesUnder(node.id)) ids.add(i.id);
      const children = await client.GET("/api/v1/plans/{plan_id}/nodes", {
        params: { path: { plan_id: plan.id }, query: { parent_id: node.id, limit: 500 } },
      });
      if (!children.data) fail("listing child nodes", children.error);
      pending.push(...children.data.items);
    }
    console.log(`  ${levelLabel} ${top.code ?? ""} ${top.title}: 取組 ${ids.size} 件`);
  }
}

await main();
