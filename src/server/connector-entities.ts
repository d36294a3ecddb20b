/**
 * Lets activity entities keep all their properties when botbuilder's ConnectorClient sends them, so the
 * schema.org Message entity carrying our citations reaches Teams and Web Chat whole.
 *
 * Why: botframework-connector 4.23's serializer (@azure/core-client) writes a Composite model with only the
 * properties its mapper declares, and the `Entity` mapper declares `type`, `text` and `mentioned`. The
 * citation entity's `@context`, `@type`, `@id` and `citation` were silently dropped from every reply sent
 * through the connector — Teams, Azure Direct Line and our local Direct Line alike. core-client copies the
 * undeclared properties of a model whose mapper has `additionalProperties`; we declare them for `Entity`
 * as untyped objects, which it passes through unchanged. The mapper object is shared by every serializer
 * of the package (operations reference it by class name), so setting it once covers all clients.
 */
import { createRequire } from "node:module";
import { z } from "zod";

const EntityMapper = z.object({
  type: z.object({
    name: z.literal("Composite"),
    className: z.literal("Entity"),
    modelProperties: z.record(z.string(), z.unknown()),
    additionalProperties: z.unknown().optional(),
  }),
});
type EntityMapper = z.infer<typeof EntityMapper>;

/** What core-client calls an "Object" mapper: any JSON value, serialised as is. */
const ANY_VALUE = { type: { name: "Object" } } as const;

// The mappers are not part of botframework-connector's public API, and it is only a dependency of
// botbuilder: resolve it from botbuilder's own location so we change the very copy botbuilder uses.
function loadEntityMapper(): EntityMapper["type"] {
  const fromHere = createRequire(import.meta.url);
  const fromBotbuilder = createRequire(fromHere.resolve("botbuilder"));
  const mappers = fromBotbuilder("botframework-connector/lib/connectorApi/models/mappers") as { Entity?: unknown };
  const parsed = EntityMapper.safeParse(mappers.Entity);
  if (!parsed.success) {
    throw new Error(
      "botframework-connector's Entity mapper is not the Composite model expected (botbuilder upgraded?): " +
        "check that citations still reach the channel, then update src/server/connector-entities.ts.",
    );
  }
  // The parsed copy is detached: return the live mapper, which is the one the serializers read.
  return (mappers.Entity as EntityMapper).type;
}

let applied = false;

/** Idempotent; returns false when the mapper already kept extra properties (nothing changed). */
export function preserveEntityProperties(): boolean {
  if (applied) return false;
  const mapper = loadEntityMapper();
  applied = true;
  if (mapper.additionalProperties !== undefined) return false;
  mapper.additionalProperties = ANY_VALUE;
  return true;
}
