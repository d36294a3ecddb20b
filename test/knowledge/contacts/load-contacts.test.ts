import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadContacts } from "../../../src/knowledge/contacts/load-contacts.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

describe("loadContacts", () => {
  it("keeps valid entries and names each bad one with its file and field", async () => {
    const { contacts, problems } = await loadContacts(path.join(fixtures, "mixed"));
    expect(contacts.map((c) => c.id)).toEqual(["test-cio-marseille"]);
    const messages = problems.map((p) => `${path.basename(p.file)} ${p.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^bad\.yaml contacts\[0\]\.id: expected a kebab-case id/));
    expect(messages).toContainEqual(expect.stringMatching(/^bad\.yaml contacts\[1\]\.phone: expected a French number/));
    expect(messages).toContainEqual(expect.stringMatching(/^bad\.yaml contacts\[1\]\.source\.checkedOn/));
    // Files load in name order, so the later good.json entry is the duplicate.
    expect(messages).toContainEqual("good.json contacts[0].id: duplicate id test-cio-marseille");
    expect(messages).toContainEqual(expect.stringMatching(/^broken\.json unreadable/));
  });

  it("reports a missing folder as a problem instead of throwing", async () => {
    const { contacts, problems } = await loadContacts(path.join(fixtures, "nope"));
    expect(contacts).toEqual([]);
    expect(problems[0]?.message).toMatch(/cannot read folder/);
  });
});
